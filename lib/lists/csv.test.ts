import { describe, expect, it } from "vitest";
import { csvAmount } from "@/lib/exports/csv";
import { toCsv } from "./csv";

describe("toCsv (Export selected)", () => {
  it("writes a BOM, then CRLF lines with the header first, quoting what needs it", () => {
    expect(toCsv(["a", "b"], [["1", 2], [null, "x,y"]])).toBe('\uFEFFa,b\r\n1,2\r\n,"x,y"\r\n');
  });

  it("defuses text a spreadsheet would run as a formula; amounts stay numbers", () => {
    expect(toCsv(["name", "amount"], [['=HYPERLINK("http://x")', csvAmount(-1250)]])).toBe('\uFEFFname,amount\r\n"\'=HYPERLINK(""http://x"")",-12.50\r\n');
  });
});

import { describe, expect, it } from "vitest";
import { CSV_BOM, csvAmount, csvCell, csvRow, csvStream, keysetPages } from "./csv";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

describe("csvCell", () => {
  it("quotes commas, quotes and line breaks, doubling inner quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("Smith, Jones & Co")).toBe('"Smith, Jones & Co"');
    expect(csvCell('6" pipe')).toBe('"6"" pipe"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(12.5)).toBe("12.5");
  });

  it("prefixes a cell a spreadsheet would run as a formula with '", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}HYPERLINK("x")`).startsWith(`'${start}`) || csvCell(`${start}HYPERLINK("x")`).startsWith(`"'${start}`)).toBe(true);
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell("-12.00")).toBe("'-12.00");
    expect(csvCell("\rcmd")).toBe(`"'\rcmd"`);
    // Our own negative amounts are numbers, not text typed by a person.
    expect(csvCell(-12)).toBe("-12");
    expect(csvCell(csvAmount(-1234))).toBe("-12.34");
    expect(csvCell(csvAmount(5))).toBe("0.05");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("ends each row with CRLF", () => {
    expect(csvRow(["a", "b,c", null])).toBe('a,"b,c",\r\n');
  });
});

describe("csvStream", () => {
  it("writes a BOM and the header, then each page's rows", async () => {
    async function* pages() {
      yield [{ n: "one" }, { n: "=two" }];
      yield [];
      yield [{ n: "three" }];
    }
    const text = await readAll(csvStream([{ header: "Name", value: (row: { n: string }) => row.n }], pages()));
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text).toBe(`${CSV_BOM}Name\r\none\r\n'=two\r\nthree\r\n`);
  });

  it("asks for the next page only when the reader pulls", async () => {
    let fetched = 0;
    const rows = Array.from({ length: 7 }, (_, i) => i);
    const pages = keysetPages(
      async (after: number | null, limit: number) => {
        fetched += 1;
        return rows.filter((n) => after === null || n > after).slice(0, limit);
      },
      (n) => n,
      3,
    );
    const reader = csvStream([{ header: "N", value: (n: number) => n }], pages).getReader();
    await reader.read(); // header
    await reader.read(); // first page
    expect(fetched).toBe(1);
    const rest: string[] = [];
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest.push(new TextDecoder().decode(chunk.value));
    expect(fetched).toBe(3);
    expect(rest.join("")).toBe("3\r\n4\r\n5\r\n6\r\n");
  });
});

import { describe, expect, it } from "vitest";
import { buildQboQuery, qboInList, quoteQboString } from "@/lib/qbo/query-builder";

describe("query builder", () => {
  it("escapes quotes and backslashes", () => {
    expect(quoteQboString("O'Brien \\ Co")).toBe("'O\\'Brien \\\\ Co'");
    expect(qboInList(["1", "2"])).toBe("('1', '2')");
    expect(() => qboInList([])).toThrow();
  });

  it("assembles clauses in QBO's order and tolerates leading keywords", () => {
    expect(
      buildQboQuery({ entity: "Bill", where: "WHERE DocNumber = 'A'", orderBy: "ORDER BY Id", startPosition: 1, maxResults: 1000 }),
    ).toBe("SELECT * FROM Bill WHERE DocNumber = 'A' ORDERBY Id STARTPOSITION 1 MAXRESULTS 1000");
    expect(buildQboQuery({ entity: "Vendor", select: "COUNT(*)" })).toBe("SELECT COUNT(*) FROM Vendor");
  });
});

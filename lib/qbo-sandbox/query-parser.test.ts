import { describe, expect, it } from "vitest";
import { QboFault } from "./faults";
import { parseQuery, tokenize } from "./query-parser";

function faultOf(text: string): QboFault {
  try {
    parseQuery(text);
  } catch (error) {
    if (error instanceof QboFault) return error;
    throw error;
  }
  throw new Error(`expected a fault for: ${text}`);
}

describe("parseQuery", () => {
  it("parses the minimal query with defaults", () => {
    expect(parseQuery("select * from Bill")).toEqual({
      count: false,
      entity: "Bill",
      where: [],
      orderBy: [],
      startPosition: 1,
      maxResults: 100,
    });
  });

  it("treats keywords case-insensitively and keeps the entity as written", () => {
    const query = parseQuery("SeLeCt * FrOm vendor WhErE active = TRUE orderby displayname DESC startposition 11 maxresults 10");
    expect(query.entity).toBe("vendor");
    expect(query.where).toEqual([{ field: ["active"], operator: "=", values: [true] }]);
    expect(query.orderBy).toEqual([{ field: ["displayname"], descending: true }]);
    expect(query.startPosition).toBe(11);
    expect(query.maxResults).toBe(10);
  });

  it("parses COUNT(*)", () => {
    expect(parseQuery("SELECT COUNT(*) FROM Invoice").count).toBe(true);
    expect(parseQuery("select count ( * ) from Invoice where Balance > 0").where).toHaveLength(1);
  });

  it("parses every comparison operator", () => {
    const query = parseQuery(
      "select * from Bill where TotalAmt > 10 and TotalAmt < 20.5 and Balance >= 0 and Balance <= 100 and DocNumber = 'A1'",
    );
    expect(query.where.map((c) => c.operator)).toEqual([">", "<", ">=", "<=", "="]);
    expect(query.where[1]?.values).toEqual([20.5]);
  });

  it("parses IN lists of strings, numbers and booleans", () => {
    expect(parseQuery("select * from Bill where Id in ('1', '2','3')").where[0]).toEqual({
      field: ["Id"],
      operator: "IN",
      values: ["1", "2", "3"],
    });
    expect(parseQuery("select * from Vendor where Active IN (true, false)").where[0]?.values).toEqual([true, false]);
    expect(parseQuery("select * from Bill where Id IN (5)").where[0]?.values).toEqual([5]);
  });

  it("parses LIKE with % wildcards", () => {
    expect(parseQuery("select * from Customer where DisplayName LIKE '%Bird%'").where[0]).toEqual({
      field: ["DisplayName"],
      operator: "LIKE",
      values: ["%Bird%"],
    });
  });

  it("parses dotted fields", () => {
    const query = parseQuery("select * from Bill where MetaData.LastUpdatedTime >= '2024-06-01T00:00:00-07:00' and CurrencyRef.value = 'EUR'");
    expect(query.where[0]?.field).toEqual(["MetaData", "LastUpdatedTime"]);
    expect(query.where[1]?.field).toEqual(["CurrencyRef", "value"]);
  });

  it("decodes backslash escapes in strings", () => {
    expect(parseQuery("select * from Vendor where DisplayName = 'Amy\\'s Bird Sanctuary'").where[0]?.values).toEqual([
      "Amy's Bird Sanctuary",
    ]);
    expect(parseQuery("select * from Vendor where DisplayName = 'back\\\\slash'").where[0]?.values).toEqual(["back\\slash"]);
  });

  it("keeps whitespace and keywords inside strings", () => {
    expect(parseQuery("select * from Vendor where DisplayName = 'select from where  and'").where[0]?.values).toEqual([
      "select from where  and",
    ]);
  });

  it("parses negative numbers and multiple orderings", () => {
    const query = parseQuery("select * from Bill where Balance > -5 order by TxnDate, Id desc");
    expect(query.where[0]?.values).toEqual([-5]);
    expect(query.orderBy).toEqual([
      { field: ["TxnDate"], descending: false },
      { field: ["Id"], descending: true },
    ]);
  });

  it("accepts MAXRESULTS before STARTPOSITION", () => {
    const query = parseQuery("select * from Bill maxresults 5 startposition 6");
    expect([query.startPosition, query.maxResults]).toEqual([6, 5]);
  });

  it("allows MAXRESULTS 1000 and rejects 1001 like QBO", () => {
    expect(parseQuery("select * from Bill maxresults 1000").maxResults).toBe(1000);
    const fault = faultOf("select * from Bill maxresults 1001");
    expect(fault.code).toBe("4001");
    expect(fault.detail).toContain("Max allowed value is: 1000");
  });

  it("parses a projection of fields (QBO answers it with just those fields)", () => {
    expect(parseQuery("select Id, MetaData.LastUpdatedTime from Vendor").fields).toEqual([["Id"], ["MetaData", "LastUpdatedTime"]]);
    expect(parseQuery("select * from Vendor").fields).toBeUndefined();
  });

  it.each([
    ["", "empty"],
    ["select", "no projection"],
    ["select * Bill", "missing FROM"],
    ["select Id, from Vendor", "dangling comma in a projection"],
    ["select * from", "missing entity"],
    ["select * from Bill where", "dangling WHERE"],
    ["select * from Bill where TotalAmt", "missing operator"],
    ["select * from Bill where TotalAmt >", "missing value"],
    ["select * from Bill where TotalAmt != 5", "unsupported operator"],
    ["select * from Bill where DocNumber = 'open", "unterminated string"],
    ["select * from Bill where DocNumber = \"x\"", "double quotes"],
    ["select * from Bill where Id = '1' or Id = '2'", "OR"],
    ["select * from Bill where Id in ('1', '2'", "unclosed IN"],
    ["select * from Bill where Id in ()", "empty IN"],
    ["select * from Bill where DisplayName like 5", "LIKE with a number"],
    ["select * from Bill startposition", "STARTPOSITION without number"],
    ["select * from Bill maxresults ten", "non-numeric MAXRESULTS"],
    ["select * from Bill maxresults 2.5", "fractional MAXRESULTS"],
    ["select * from Bill maxresults 10 maxresults 20", "repeated clause"],
    ["select * from Bill; delete from Bill", "trailing statement"],
    ["select * from Bill where and = 1", "keyword as field"],
    ["select * from Bill orderby", "ORDERBY without field"],
  ])("rejects %j (%s) with 4000", (text) => {
    const fault = faultOf(text);
    expect(fault.code).toBe("4000");
    expect(fault.message).toBe("Error parsing query");
    expect(fault.httpStatus).toBe(400);
  });
});

describe("tokenize", () => {
  it("splits operators without spaces", () => {
    expect(tokenize("a>=1and b<'x'").map((t) => t.text)).toEqual(["a", ">=", "1", "and", "b", "<", "'x'"]);
    expect(tokenize("TotalAmt>=10").map((t) => t.value)).toEqual(["TotalAmt", ">=", "10"]);
  });
});

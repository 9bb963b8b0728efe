import { describe, expect, it } from "vitest";
import { commitRecord } from "./engine";
import { compareValues, executeQuery } from "./query-executor";
import { parseQuery } from "./query-parser";
import { CompanyState } from "./store";
import type { JsonObject } from "./types";

function company(): CompanyState {
  const state = new CompanyState("1", { duplicateDocNumberCheck: true, bookCloseDate: null, multiCurrencyEnabled: false, homeCurrency: "USD" });
  const put = (entity: "Vendor" | "Bill", record: JsonObject, iso: string) => commitRecord({ company: state, now: new Date(iso) }, entity, record);
  put("Vendor", { DisplayName: "Amy's Bird Sanctuary", Active: true, CurrencyRef: { value: "USD" } }, "2026-11-01T10:00:00Z");
  put("Vendor", { DisplayName: "Zed Hardware", Active: false, CurrencyRef: { value: "USD" } }, "2026-11-02T10:00:00Z");
  put("Vendor", { DisplayName: "bolt & nut co", Active: true, CurrencyRef: { value: "EUR" } }, "2026-11-03T10:00:00Z");
  put("Bill", { VendorRef: { value: "1" }, TotalAmt: 10, DocNumber: "A-1", TxnDate: "2026-10-01" }, "2026-11-04T10:00:00Z");
  put("Bill", { VendorRef: { value: "3" }, TotalAmt: 250.5, DocNumber: "A-2", TxnDate: "2026-10-15" }, "2026-11-05T10:00:00Z");
  put("Bill", { VendorRef: { value: "1" }, TotalAmt: 99.99, TxnDate: "2026-11-01" }, "2026-11-06T10:00:00Z");
  return state;
}

function ids(state: CompanyState, text: string, entity = "Bill"): string[] {
  const response = executeQuery(state, parseQuery(text));
  const rows = response[entity];
  return Array.isArray(rows) ? rows.map((row) => String((row as JsonObject)["Id"])) : [];
}

describe("compareValues", () => {
  it("compares numbers, numeric strings, booleans and case-insensitive strings", () => {
    expect(compareValues(10, "9")).toBeGreaterThan(0);
    expect(compareValues("10", "9")).toBeGreaterThan(0);
    expect(compareValues(true, "true")).toBe(0);
    expect(compareValues("ACME", "acme")).toBe(0);
    expect(compareValues("abc", 5)).toBeUndefined();
  });

  it("compares date-times across offsets and bare dates in company time", () => {
    expect(compareValues("2026-11-01T10:00:00-07:00", "2026-11-01T17:00:00Z")).toBe(0);
    expect(compareValues("2026-11-01T00:30:00-07:00", "2026-11-01")).toBeGreaterThan(0);
    expect(compareValues("2026-10-01", "2026-09-30")).toBeGreaterThan(0);
  });
});

describe("executeQuery", () => {
  const state = company();

  it("filters by operators, references, dotted fields and dates", () => {
    expect(ids(state, "select * from Bill where TotalAmt > 50")).toEqual(["5", "6"]);
    expect(ids(state, "select * from Bill where TotalAmt <= 99.99")).toEqual(["4", "6"]);
    expect(ids(state, "select * from Bill where VendorRef = '1'")).toEqual(["4", "6"]);
    expect(ids(state, "select * from Bill where VendorRef.value in ('3')")).toEqual(["5"]);
    expect(ids(state, "select * from Bill where TxnDate >= '2026-10-15' and TxnDate < '2026-11-01'")).toEqual(["5"]);
    expect(ids(state, "select * from Bill where MetaData.LastUpdatedTime > '2026-11-05T00:00:00-07:00'")).toEqual(["5", "6"]);
    expect(ids(state, "select * from Bill where DocNumber = 'a-1'")).toEqual(["4"]);
    expect(ids(state, "select * from Bill where docnumber like 'A-%'")).toEqual(["4", "5"]);
  });

  it("applies the implicit Active = true to name lists only", () => {
    expect(ids(state, "select * from Vendor", "Vendor")).toEqual(["1", "3"]);
    expect(ids(state, "select * from Vendor where Active in (true, false)", "Vendor")).toEqual(["1", "2", "3"]);
    expect(ids(state, "select * from Vendor where active = false", "Vendor")).toEqual(["2"]);
    expect(ids(state, "select * from Vendor where DisplayName like '%bird%'", "Vendor")).toEqual(["1"]);
    expect(ids(state, "select * from Vendor where DisplayName = 'Amy\\'s Bird Sanctuary'", "Vendor")).toEqual(["1"]);
  });

  it("orders (missing values last), pages and counts", () => {
    expect(ids(state, "select * from Bill orderby DocNumber desc")).toEqual(["5", "4", "6"]);
    expect(ids(state, "select * from Bill orderby TotalAmt")).toEqual(["4", "6", "5"]);
    expect(ids(state, "select * from Bill startposition 2 maxresults 1")).toEqual(["5"]);
    expect(executeQuery(state, parseQuery("select * from Bill startposition 2 maxresults 1"))).toMatchObject({ startPosition: 2, maxResults: 1 });
    expect(executeQuery(state, parseQuery("select count(*) from Bill where TotalAmt > 50"))).toEqual({ totalCount: 2 });
    expect(executeQuery(state, parseQuery("select * from Bill where TotalAmt > 1000"))).toEqual({});
  });

  it("rejects unknown entities with 4000", () => {
    expect(() => executeQuery(state, parseQuery("select * from Widget"))).toThrow(expect.objectContaining({ code: "4000" }));
  });
});

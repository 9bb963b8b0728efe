import { describe, expect, it } from "vitest";
import { billListHref, parseBillListQuery } from "./list-query";

describe("bills list query", () => {
  it("falls back to defaults for missing or malformed parameters", () => {
    expect(parseBillListQuery({})).toMatchObject({ status: "all", q: "", sort: "due", dir: "asc", page: 1 });
    expect(parseBillListQuery({ status: "nope", sort: "x", dir: "up", page: "-3" })).toMatchObject({
      status: "all",
      q: "",
      sort: "due",
      dir: "asc",
      page: 1,
    });
  });

  it("reads the first value of repeated parameters", () => {
    expect(parseBillListQuery({ status: ["paid", "unpaid"], q: " acme ", sort: "amount", dir: "desc", page: "3" })).toMatchObject({
      status: "paid",
      q: "acme",
      sort: "amount",
      dir: "desc",
      page: 3,
    });
  });

  it("builds links that keep filters, drop defaults and reset nothing it wasn't told to", () => {
    const query = parseBillListQuery({ status: "unpaid", q: "a&b", sort: "vendor", page: "2" });
    expect(billListHref("/o/x/bills", query)).toBe("/o/x/bills?q=a%26b&status=unpaid&sort=vendor&page=2");
    expect(billListHref("/o/x/bills", query, { page: 1, dir: "desc" })).toBe("/o/x/bills?q=a%26b&status=unpaid&sort=vendor&dir=desc");
    expect(billListHref("/o/x/bills", parseBillListQuery({}))).toBe("/o/x/bills");
  });
});

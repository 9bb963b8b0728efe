import { describe, expect, it } from "vitest";
import { billListQuery } from "@/lib/bills/list-query";
import { invoiceListQuery } from "@/lib/invoices/list-query";
import { dueWindow } from "./list-query";

const VENDOR = "0b6f1c7e-4a4f-4c55-9d59-0a3c8f1e2b11";

describe("list query: one parser for bills and invoices", () => {
  it("reads every filter from the URL", () => {
    expect(
      billListQuery.parse({
        q: " acme ",
        status: "unpaid",
        party: VENDOR.toUpperCase(),
        from: "2026-01-01",
        to: "2026-03-31",
        due: "overdue",
        sync: "issue",
        sort: "open",
        dir: "desc",
        page: "2",
      }),
    ).toEqual({
      q: "acme",
      status: "unpaid",
      party: VENDOR,
      from: "2026-01-01",
      to: "2026-03-31",
      due: "overdue",
      sync: "issue",
      sort: "open",
      dir: "desc",
      page: 2,
    });
  });

  it("falls back to each default on hostile values, never throwing", () => {
    const hostile = {
      q: "x".repeat(10_000),
      status: "'; drop table bills; --",
      party: "1 or 1=1",
      from: "2026-02-30",
      to: "tomorrow",
      due: ["__proto__"],
      sync: "{}",
      sort: "vendor; delete",
      dir: "sideways",
      page: "1e309",
    };
    expect(billListQuery.parse(hostile)).toEqual(billListQuery.defaults);
    expect(invoiceListQuery.parse(hostile)).toEqual(invoiceListQuery.defaults);
    expect(billListQuery.parse({ page: "0" }).page).toBe(1);
    expect(billListQuery.parse({ page: "2.5" }).page).toBe(1);
    expect(billListQuery.parse({ page: "100001" }).page).toBe(1);
    expect(billListQuery.parse({ q: "a\u0000b" }).q).toBe("ab");
    expect(billListQuery.parse({ from: "0000-01-01", to: "2026-13-01" })).toMatchObject({ from: null, to: null });
  });

  it("ignores prototype keys and reads the first of repeated values", () => {
    const params = Object.create({ status: "paid" }) as Record<string, string | string[]>;
    params.sort = ["amount", "vendor"];
    expect(billListQuery.parse(params)).toMatchObject({ status: "all", sort: "amount" });
  });

  it("a backwards date range means the days between", () => {
    expect(invoiceListQuery.parse({ from: "2026-05-01", to: "2026-04-01" })).toMatchObject({ from: "2026-04-01", to: "2026-05-01" });
  });

  it("each list keeps its own defaults", () => {
    expect(billListQuery.defaults).toMatchObject({ status: "all", sort: "due", dir: "asc" });
    expect(invoiceListQuery.defaults).toMatchObject({ status: "all", sort: "invoiceDate", dir: "desc" });
    expect(invoiceListQuery.parse({ sort: "open" }).sort).toBe("invoiceDate");
  });

  it("links keep the state, drop defaults, and round-trip through the parser", () => {
    const query = billListQuery.parse({ status: "unpaid", party: VENDOR, from: "2026-01-01", due: "this_week", sync: "synced", q: "a&b", page: "3" });
    const href = billListQuery.href("/o/x/bills", query);
    expect(href).toBe(`/o/x/bills?q=a%26b&status=unpaid&party=${VENDOR}&from=2026-01-01&due=this_week&sync=synced&page=3`);
    const back = billListQuery.parse(Object.fromEntries(new URL(href, "http://h").searchParams));
    expect(back).toEqual(query);
    expect(billListQuery.href("/o/x/bills", billListQuery.defaults)).toBe("/o/x/bills");
  });

  it("a header click flips the active column and starts another on its first direction, on page 1", () => {
    const query = invoiceListQuery.parse({ sort: "customer", dir: "asc", page: "4" });
    expect(invoiceListQuery.sortHref("/i", query, "customer")).toBe("/i?sort=customer");
    expect(invoiceListQuery.sortHref("/i", { ...query, dir: "desc" }, "customer")).toBe("/i?sort=customer&dir=asc");
    expect(invoiceListQuery.sortHref("/i", query, "total")).toBe("/i?sort=total");
    expect(billListQuery.sortHref("/b", billListQuery.defaults, "due")).toBe("/b?dir=desc");
  });

  it("knows when a list is filtered", () => {
    expect(billListQuery.isFiltered(billListQuery.defaults)).toBe(false);
    expect(billListQuery.isFiltered({ ...billListQuery.defaults, sort: "amount", page: 3 })).toBe(false);
    expect(billListQuery.isFiltered({ ...billListQuery.defaults, due: "overdue" })).toBe(true);
  });
});

it("spots the blank fields a submitted filter form leaves in the URL", () => {
  expect(billListQuery.hasBlankFilters({ party: "", from: "", due: "any", sync: "any" })).toBe(true);
  expect(billListQuery.hasBlankFilters({ due: "overdue", q: "" })).toBe(false);
});

describe("dueWindow", () => {
  it("this week is the business today and six days after; overdue is before today", () => {
    expect(dueWindow("this_week", "2026-12-29")).toEqual({ from: "2026-12-29", to: "2027-01-04" });
    expect(dueWindow("overdue", "2026-03-01")).toEqual({ from: null, to: "2026-02-28" });
    expect(dueWindow("any", "2026-03-01")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { parseInvoiceListQuery } from "./list-query";

describe("parseInvoiceListQuery", () => {
  it("defaults to all invoices, newest first, page 1", () => {
    expect(parseInvoiceListQuery({})).toMatchObject({ q: "", status: "all", sort: "invoiceDate", dir: "desc", page: 1 });
  });

  it("reads valid parameters and the first of repeated ones", () => {
    expect(parseInvoiceListQuery({ q: "  INV-7 ", status: ["paid", "unpaid"], sort: "total", dir: "asc", page: "3" })).toMatchObject({
      q: "INV-7",
      status: "paid",
      sort: "total",
      dir: "asc",
      page: 3,
    });
  });

  it("falls back per field on garbage instead of failing the page", () => {
    expect(parseInvoiceListQuery({ status: "lost", sort: "drop table", dir: "up", page: "-2" })).toMatchObject({
      q: "",
      status: "all",
      sort: "invoiceDate",
      dir: "desc",
      page: 1,
    });
  });
});

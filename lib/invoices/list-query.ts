import { defineListQuery, type ListQuery, type SearchParams } from "@/lib/lists/list-query";

export const INVOICE_STATUS_FILTERS = ["all", "unpaid", "partially_paid", "paid", "voided"] as const;
export type InvoiceStatusFilter = (typeof INVOICE_STATUS_FILTERS)[number];

export const INVOICE_SORTS = ["invoiceDate", "dueDate", "invoiceNumber", "customer", "total", "openBalance", "status"] as const;
export type InvoiceSort = (typeof INVOICE_SORTS)[number];

/** The invoice list's URL state (lib/lists/list-query.ts); anything unreadable falls back to the defaults. */
export const invoiceListQuery = defineListQuery<InvoiceSort, InvoiceStatusFilter>({
  sorts: INVOICE_SORTS,
  statuses: INVOICE_STATUS_FILTERS,
  defaultSort: "invoiceDate",
  defaultDir: "desc",
  // Dates and money start newest/largest first; names and numbers A→Z.
  firstDir: { invoiceDate: "desc", dueDate: "desc", total: "desc", openBalance: "desc" },
});

export type InvoiceListQuery = ListQuery<InvoiceSort, InvoiceStatusFilter>;

/** Reads `searchParams` (repeated keys use the first value). */
export function parseInvoiceListQuery(params: SearchParams): InvoiceListQuery {
  return invoiceListQuery.parse(params);
}

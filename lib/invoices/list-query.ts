import { z } from "zod";
import { searchText } from "@/lib/forms/search-text";

export const INVOICE_STATUS_FILTERS = ["all", "unpaid", "partially_paid", "paid", "voided"] as const;
export type InvoiceStatusFilter = (typeof INVOICE_STATUS_FILTERS)[number];

export const INVOICE_SORTS = ["invoiceDate", "dueDate", "invoiceNumber", "customer", "total", "openBalance"] as const;
export type InvoiceSort = (typeof INVOICE_SORTS)[number];

/** The invoice list's URL parameters; anything unreadable falls back to the defaults. */
export const invoiceListQuerySchema = z.object({
  q: searchText().catch("").default(""),
  status: z.enum(INVOICE_STATUS_FILTERS).catch("all").default("all"),
  sort: z.enum(INVOICE_SORTS).catch("invoiceDate").default("invoiceDate"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type InvoiceListQuery = z.output<typeof invoiceListQuerySchema>;

/** Reads `searchParams` (repeated keys use the first value). */
export function parseInvoiceListQuery(params: Record<string, string | string[] | undefined>): InvoiceListQuery {
  const first = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return invoiceListQuerySchema.parse(first);
}

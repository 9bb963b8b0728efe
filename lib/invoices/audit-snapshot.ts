/**
 * What the audit trail records about an invoice: readable values (names, formatted money, a line
 * summary) so the history reads "Customer: Garcia Residence → Elm Park HOA", not ids.
 */
import { formatMoney } from "@/lib/ap";
import type { AuditField } from "@/lib/audit/diff";

export type InvoiceAuditSnapshot = {
  customer: string;
  invoiceNumber: string;
  invoiceDate: string;
  dueDate: string;
  terms: string | null;
  location: string | null;
  currency: string;
  memo: string | null;
  customerMemo: string | null;
  total: string;
  lines: string;
};

export const INVOICE_AUDIT_FIELDS: AuditField<InvoiceAuditSnapshot>[] = [
  { field: "customer", label: "Customer" },
  { field: "invoiceNumber", label: "Invoice number" },
  { field: "invoiceDate", label: "Invoice date" },
  { field: "dueDate", label: "Due date" },
  { field: "terms", label: "Terms" },
  { field: "location", label: "Location" },
  { field: "currency", label: "Currency" },
  { field: "customerMemo", label: "Message on invoice" },
  { field: "memo", label: "Internal note" },
  { field: "total", label: "Total" },
  { field: "lines", label: "Lines" },
];

export type SnapshotLine = { itemName: string; quantity: string; amountCents: number };

/** "Lawn care visit × 2 ($170.00); Mulch × 1.5 ($67.50)" — short enough for a history entry. */
export function describeLines(lines: readonly SnapshotLine[], currency = "USD"): string {
  return lines.map((line) => `${line.itemName} × ${trimQuantity(line.quantity)} (${formatMoney(line.amountCents, currency)})`).join("; ");
}

/** "2.0000" → "2", "1.5000" → "1.5": numeric columns come back padded to their scale. */
export function trimQuantity(quantity: string): string {
  return quantity.includes(".") ? quantity.replace(/\.?0+$/, "") : quantity;
}

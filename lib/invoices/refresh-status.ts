import { and, eq } from "drizzle-orm";
import { summarizeInvoice, type InvoiceStatusSummary } from "@/lib/ap";
import type { Tx } from "@/lib/db/connection";
import { invoices, receivedPayments } from "@/lib/db/schema";

/**
 * Re-derives an invoice's status and open balance from its total, its void flag and its received
 * payments (lib/ap `summarizeInvoice`) and stores them so lists can filter and sort on them.
 * Call it inside the same transaction as every change to the invoice or its payments.
 */
export async function refreshInvoiceStatus(tx: Tx, organizationId: string, invoiceId: string): Promise<InvoiceStatusSummary | null> {
  const [invoice] = await tx
    .select({ totalCents: invoices.totalCents, voidedAt: invoices.voidedAt, status: invoices.status, openBalanceCents: invoices.openBalanceCents })
    .from(invoices)
    .where(and(eq(invoices.organizationId, organizationId), eq(invoices.id, invoiceId)));
  if (!invoice) return null;
  const payments = await tx
    .select({ status: receivedPayments.status, amountCents: receivedPayments.amountCents })
    .from(receivedPayments)
    .where(and(eq(receivedPayments.organizationId, organizationId), eq(receivedPayments.invoiceId, invoiceId)));
  const summary = summarizeInvoice({
    totalCents: invoice.totalCents,
    voided: invoice.voidedAt !== null,
    // A received payment counts once money has arrived; scheduled/processing ones don't settle yet.
    payments: payments.map((payment) => ({
      status: payment.status === "paid" ? ("received" as const) : ("voided" as const),
      amountCents: payment.amountCents,
    })),
  });
  if (summary.status !== invoice.status || summary.openBalanceCents !== invoice.openBalanceCents) {
    await tx
      .update(invoices)
      .set({ status: summary.status, openBalanceCents: summary.openBalanceCents })
      .where(and(eq(invoices.organizationId, organizationId), eq(invoices.id, invoiceId)));
  }
  return summary;
}

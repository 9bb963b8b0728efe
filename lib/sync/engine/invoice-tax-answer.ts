import { formatMoney } from "@/lib/ap/money";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { invoices } from "@/lib/db/schema";
import { refreshInvoiceStatus } from "@/lib/invoices/refresh-status";
import { parseQboTxn } from "@/lib/sync/core";
import { recordSyncAudit } from "@/lib/sync/engine/sync-audit";

/**
 * QBO computes an invoice's sales tax: the app never sends TotalTax, only the tax codes. When QBO
 * accepts an invoice the app wrote, its answer carries the tax and total QBO now holds, and the app
 * takes them so the invoice reads exactly as in QBO (lines + tax = total) without waiting for the
 * next read. The tax amount is not part of the content hash, so this is no change to send back.
 */
export async function takeInvoiceTaxFromAnswer(tx: Tx, organizationId: string, invoiceId: string, answer: Record<string, unknown>): Promise<void> {
  let parsed;
  try {
    parsed = parseQboTxn(answer, "invoice");
  } catch {
    return; // An answer the core cannot read changes nothing here; the next read brings QBO's figures.
  }
  if ("deleted" in parsed) return;
  const taxCents = parsed.taxCents ?? 0;
  const [current] = await tx
    .select({ taxCents: invoices.taxCents, totalCents: invoices.totalCents, voidedAt: invoices.voidedAt })
    .from(invoices)
    .where(and(eq(invoices.organizationId, organizationId), eq(invoices.id, invoiceId)));
  if (!current || current.voidedAt) return;
  if (current.taxCents === taxCents && current.totalCents === parsed.totalCents) return;
  await tx
    .update(invoices)
    .set({ taxCents, totalCents: parsed.totalCents })
    .where(and(eq(invoices.organizationId, organizationId), eq(invoices.id, invoiceId)));
  await refreshInvoiceStatus(tx, organizationId, invoiceId);
  await recordSyncAudit(tx, {
    organizationId,
    entityType: "invoice",
    entityId: invoiceId,
    action: "sales tax from QuickBooks",
    changes: [
      { field: "taxCents", label: "Tax", old: formatMoney(current.taxCents), new: formatMoney(taxCents) },
      { field: "totalCents", label: "Total", old: formatMoney(current.totalCents), new: formatMoney(parsed.totalCents) },
    ].filter((change) => change.old !== change.new),
  });
}

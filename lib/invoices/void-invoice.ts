import { and, eq, ne } from "drizzle-orm";
import { formatMoney, INVOICE_STATUS_LABELS, sumCents } from "@/lib/ap";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/connection";
import { invoices, receivedPayments } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/forms/action-result";
import { runBulk, type BulkResult } from "@/lib/lists/bulk";
import { refreshInvoiceStatus } from "./refresh-status";
import type { Actor } from "./save-invoice";

/**
 * Voids an invoice (QBO keeps a voided invoice with zero amounts). Refused while payments against it
 * are live: they must be voided first, so money is never left pointing at a voided invoice.
 */
export async function voidInvoice(db: Db, actor: Actor, invoiceId: string): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [invoice] = await tx
      .select({ voidedAt: invoices.voidedAt, currency: invoices.currency, status: invoices.status })
      .from(invoices)
      .where(and(eq(invoices.organizationId, actor.organizationId), eq(invoices.id, invoiceId)))
      .for("update");
    if (!invoice) throw new UserFacingError("This invoice no longer exists.");
    if (invoice.voidedAt) throw new UserFacingError("This invoice is already voided.");
    const live = await tx
      .select({ amountCents: receivedPayments.amountCents })
      .from(receivedPayments)
      .where(
        and(
          eq(receivedPayments.organizationId, actor.organizationId),
          eq(receivedPayments.invoiceId, invoiceId),
          ne(receivedPayments.status, "voided"),
        ),
      );
    if (live.length > 0) {
      const amount = formatMoney(sumCents(live.map((payment) => payment.amountCents)), invoice.currency);
      throw new UserFacingError(
        `This invoice has ${live.length === 1 ? "a payment" : `${live.length} payments`} of ${amount} recorded against it. Void ${live.length === 1 ? "that payment" : "those payments"} first, then void the invoice.`,
      );
    }
    await tx
      .update(invoices)
      .set({ voidedAt: new Date() })
      .where(and(eq(invoices.organizationId, actor.organizationId), eq(invoices.id, invoiceId)));
    await refreshInvoiceStatus(tx, actor.organizationId, invoiceId);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      entityType: "invoice",
      entityId: invoiceId,
      action: "voided",
      changes: [{ field: "status", label: "Status", old: INVOICE_STATUS_LABELS[invoice.status], new: INVOICE_STATUS_LABELS.voided }],
    });
    return { id: invoiceId };
  });
}

/** Bulk "Void": each invoice through `voidInvoice` (its own transaction, row locked): done once, or reported with why not. */
export async function voidInvoices(db: Db, actor: Actor, invoiceIds: readonly string[]): Promise<BulkResult> {
  return runBulk(invoiceIds, (invoiceId) => voidInvoice(db, actor, invoiceId), { action: "bulk void invoices", org: actor.organizationId });
}

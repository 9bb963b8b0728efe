/**
 * Recording and voiding payments received against an invoice. Each change locks the invoice row,
 * writes the payment, re-derives the invoice's status (`refreshInvoiceStatus`) and records the audit
 * trail on both the payment and the invoice — all in one transaction.
 */
import { and, eq } from "drizzle-orm";
import { formatMoney, INVOICE_STATUS_LABELS, type ReceivedPaymentForm } from "@/lib/ap";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db, Tx } from "@/lib/db/connection";
import { invoices, receivedPayments } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/forms/action-result";
import type { Actor } from "@/lib/invoices/save-invoice";
import { refreshInvoiceStatus } from "@/lib/invoices/refresh-status";
import { assertPickerAccount } from "@/lib/reference/picker-accounts";

function fail(field: string, message: string): never {
  throw new UserFacingError("Please correct the highlighted fields.", { [field]: [message] });
}

async function lockInvoice(tx: Tx, organizationId: string, invoiceId: string) {
  const [invoice] = await tx
    .select({
      id: invoices.id,
      customerId: invoices.customerId,
      invoiceNumber: invoices.invoiceNumber,
      invoiceDate: invoices.invoiceDate,
      currency: invoices.currency,
      status: invoices.status,
      openBalanceCents: invoices.openBalanceCents,
      voidedAt: invoices.voidedAt,
    })
    .from(invoices)
    .where(and(eq(invoices.organizationId, organizationId), eq(invoices.id, invoiceId)))
    .for("update");
  return invoice ?? null;
}

function statusChange(before: keyof typeof INVOICE_STATUS_LABELS, after: keyof typeof INVOICE_STATUS_LABELS) {
  return before === after ? [] : [{ field: "status", label: "Status", old: INVOICE_STATUS_LABELS[before], new: INVOICE_STATUS_LABELS[after] }];
}

export async function receivePayment(db: Db, actor: Actor, input: ReceivedPaymentForm): Promise<{ id: string; invoiceId: string }> {
  return db.transaction(async (tx) => {
    const invoice = await lockInvoice(tx, actor.organizationId, input.invoiceId);
    if (!invoice) throw new UserFacingError("This invoice no longer exists.");
    if (invoice.voidedAt) throw new UserFacingError("This invoice is voided, so it can't receive payments.");
    if (invoice.openBalanceCents === 0) throw new UserFacingError("This invoice is already paid in full.");
    if (input.amountCents > invoice.openBalanceCents) {
      fail("amount", `The amount can't be more than the open balance of ${formatMoney(invoice.openBalanceCents, invoice.currency)}.`);
    }
    if (input.paymentDate < invoice.invoiceDate) fail("paymentDate", "The payment date can't be before the invoice date.");
    // An electronic receipt lands in Money In Clearing and reaches a bank account in the day's funds
    // transfer, so it takes a bank account (as a payment source does), never Undeposited Funds.
    const electronic = input.method === "electronic";
    const account = await assertPickerAccount(tx, actor.organizationId, input.depositAccountId, electronic ? "payment_source" : "deposit_to", "depositAccountId");

    const [payment] = await tx
      .insert(receivedPayments)
      .values({
        organizationId: actor.organizationId,
        invoiceId: invoice.id,
        customerId: invoice.customerId,
        kind: input.method,
        status: "paid",
        amountCents: input.amountCents,
        depositAccountId: input.depositAccountId,
        receivedDate: input.paymentDate,
        reference: input.reference ?? null,
        createdBy: actor.userId,
      })
      .returning({ id: receivedPayments.id });
    const summary = await refreshInvoiceStatus(tx, actor.organizationId, invoice.id);
    const amount = formatMoney(input.amountCents, invoice.currency);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      entityType: "received_payment",
      entityId: payment!.id,
      action: "created",
      changes: [
        { field: "invoice", label: "Invoice", old: null, new: invoice.invoiceNumber },
        { field: "amount", label: "Amount", old: null, new: amount },
        { field: "receivedDate", label: "Date", old: null, new: input.paymentDate },
        { field: "method", label: "Received", old: null, new: electronic ? "Electronically, through Money In Clearing" : "Outside the app" },
        { field: "depositAccount", label: electronic ? "Reaches bank account" : "Deposit to", old: null, new: account.name },
        ...(input.reference ? [{ field: "reference", label: "Reference", old: null, new: input.reference }] : []),
      ],
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      entityType: "invoice",
      entityId: invoice.id,
      action: `received a payment of ${amount}`,
      changes: [
        ...statusChange(invoice.status, summary!.status),
        {
          field: "openBalance",
          label: "Open balance",
          old: formatMoney(invoice.openBalanceCents, invoice.currency),
          new: formatMoney(summary!.openBalanceCents, invoice.currency),
        },
      ],
    });
    return { id: payment!.id, invoiceId: invoice.id };
  });
}

/** Voids a received payment; the invoice reopens (its open balance grows back by the amount). */
export async function voidReceivedPayment(db: Db, actor: Actor, paymentId: string): Promise<{ id: string; invoiceId: string }> {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ invoiceId: receivedPayments.invoiceId })
      .from(receivedPayments)
      .where(and(eq(receivedPayments.organizationId, actor.organizationId), eq(receivedPayments.id, paymentId)));
    if (!found) throw new UserFacingError("This payment no longer exists.");
    // Lock the invoice first (same order as receivePayment), then re-read the payment under the lock.
    const invoice = await lockInvoice(tx, actor.organizationId, found.invoiceId);
    const [payment] = await tx
      .select({ status: receivedPayments.status, amountCents: receivedPayments.amountCents })
      .from(receivedPayments)
      .where(and(eq(receivedPayments.organizationId, actor.organizationId), eq(receivedPayments.id, paymentId)));
    if (!invoice || !payment) throw new UserFacingError("This payment no longer exists.");
    if (payment.status === "voided") throw new UserFacingError("This payment is already voided.");
    await tx
      .update(receivedPayments)
      .set({ status: "voided", voidedAt: new Date() })
      .where(and(eq(receivedPayments.organizationId, actor.organizationId), eq(receivedPayments.id, paymentId)));
    const summary = await refreshInvoiceStatus(tx, actor.organizationId, invoice.id);
    const amount = formatMoney(payment.amountCents, invoice.currency);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      entityType: "received_payment",
      entityId: paymentId,
      action: "voided",
      changes: [{ field: "status", label: "Status", old: "Received", new: "Voided" }],
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      entityType: "invoice",
      entityId: invoice.id,
      action: `had a payment of ${amount} voided`,
      changes: [
        ...statusChange(invoice.status, summary!.status),
        {
          field: "openBalance",
          label: "Open balance",
          old: formatMoney(invoice.openBalanceCents, invoice.currency),
          new: formatMoney(summary!.openBalanceCents, invoice.currency),
        },
      ],
    });
    return { id: paymentId, invoiceId: invoice.id };
  });
}

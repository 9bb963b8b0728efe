import { and, eq, inArray, lte } from "drizzle-orm";
import {
  fieldErrorMap,
  formatMoney,
  fullPaymentRequest,
  paymentMethodErrors,
  groupIntoFundsTransfers,
  paymentsDueForProcessing,
  planBillPayments,
  transitionPayment,
  type BillPaymentDraft,
  type IsoDate,
  type PayableBill,
  type ElectronicPaymentForm,
  type MarkAsPaidForm,
  type PaymentMethod,
} from "@/lib/ap";
import { recordAudit } from "@/lib/audit/record-audit";
import { loadBillSummaries, type BillWithSummary } from "@/lib/bills/bill-balances";
import type { Actor } from "@/lib/bills/bill-repository";
import { refreshBillStatus } from "@/lib/bills/refresh-bill-status";
import type { Db, Tx } from "@/lib/db/connection";
import { billPayments, fundsTransfers } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/forms/action-result";
import { organizationToday } from "@/lib/orgs/organizations";
import { runBulk, type BulkResult } from "@/lib/lists/bulk";
import { assertPickerAccount, loadPickerAccounts } from "@/lib/reference/picker-accounts";

const PAYMENT_STATUS_LABELS = { scheduled: "Scheduled", processing: "Processing", paid: "Paid", voided: "Voided" } as const;

/** Validates the requests against the bills' current balances (locked) and inserts the payments. */
async function recordPayments(
  tx: Tx,
  actor: Actor,
  requests: { billId: string; amountCents: number }[],
  method: PaymentMethod,
  errorRoot: "payments" | "single",
): Promise<string[]> {
  await assertPickerAccount(tx, actor.organizationId, method.bankAccountId, "payment_source", "bankAccountId");
  const loaded = await loadBillSummaries(
    tx,
    actor.organizationId,
    requests.map((request) => request.billId),
    { lock: true },
  );
  const plan = planBillPayments({ bills: [...loaded.values()].map(payableBillOf), requests, method });
  if (!plan.ok) {
    const errors = fieldErrorMap(plan.errors);
    // A single-bill form posts `amount`, not `payments.0.amount`.
    const mapped =
      errorRoot === "single"
        ? Object.fromEntries(Object.entries(errors).map(([path, messages]) => [path.replace(/^payments\.0\./, ""), messages]))
        : errors;
    throw new UserFacingError(formLevelMessage(plan.errors), mapped);
  }
  const ids: string[] = [];
  for (const draft of plan.value.drafts) {
    const [payment] = await tx.insert(billPayments).values(paymentRow(actor, draft)).returning();
    ids.push(payment!.id);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      entityType: "bill_payment",
      entityId: payment!.id,
      action: draft.kind === "electronic" ? "scheduled" : "recorded as paid",
      changes: [
        { field: "amountCents", label: "Amount", old: null, new: formatMoney(draft.amountCents, draft.currency) },
        { field: "status", label: "Status", old: null, new: PAYMENT_STATUS_LABELS[draft.status] },
      ],
    });
    await refreshBillStatus(tx, actor.organizationId, draft.billId, {
      actorUserId: actor.userId,
      action: draft.kind === "electronic" ? "payment scheduled" : "marked as paid",
    });
  }
  return ids;
}

/** What the payment rules need of a loaded bill. */
function payableBillOf({ bill, summary }: BillWithSummary): PayableBill {
  return {
    id: bill.id,
    vendorId: bill.vendorId,
    currency: bill.currency,
    status: summary.status,
    openBalanceCents: summary.openBalanceCents,
    scheduledCents: summary.scheduledCents,
  };
}

/** The alert above the form: a form-wide problem in its own words, otherwise a pointer to the fields. */
export function formLevelMessage(errors: readonly { path: string; message: string }[]): string {
  return errors.find((error) => error.path === "")?.message ?? "Please correct the highlighted fields.";
}

function paymentRow(actor: Actor, draft: BillPaymentDraft) {
  return {
    organizationId: actor.organizationId,
    billId: draft.billId,
    vendorId: draft.vendorId,
    kind: draft.kind,
    status: draft.status,
    amountCents: draft.amountCents,
    bankAccountId: draft.bankAccountId,
    // Offline payments happened on their paid date; that is also when they "processed".
    processDate: draft.processDate ?? draft.paidDate!,
    paidDate: draft.paidDate,
    reference: draft.reference,
    syncToQbo: draft.syncToQbo,
    createdBy: actor.userId,
  };
}

/** "Pay" / "Pay selected": electronic payments, one per bill, scheduled for the process date. */
export async function scheduleElectronicPayments(
  db: Db,
  actor: Actor,
  input: ElectronicPaymentForm,
  today: string,
): Promise<{ paymentIds: string[] }> {
  return db.transaction(async (tx) => ({
    paymentIds: await recordPayments(
      tx,
      actor,
      input.payments,
      { kind: "electronic", bankAccountId: input.bankAccountId, processDate: input.processDate, today },
      "payments",
    ),
  }));
}

/** "Mark as paid": a payment made outside the app, recorded as paid now. */
export async function markBillAsPaid(db: Db, actor: Actor, input: MarkAsPaidForm): Promise<{ paymentId: string }> {
  return db.transaction(async (tx) => {
    const [paymentId] = await recordPayments(
      tx,
      actor,
      [{ billId: input.billId, amountCents: input.amountCents }],
      {
        kind: "offline",
        bankAccountId: input.bankAccountId,
        paidDate: input.paidDate,
        reference: input.reference ?? null,
        syncToQbo: input.syncToQbo,
      },
      "single",
    );
    return { paymentId: paymentId! };
  });
}

/** How a bulk action pays: no bank account means the organisation's Bank Account GL preference. */
export type BulkPaymentMethod =
  | { kind: "electronic"; bankAccountId?: string | undefined; processDate: IsoDate }
  | { kind: "offline"; bankAccountId?: string | undefined; paidDate: IsoDate; syncToQbo: boolean };

/**
 * Bulk "Schedule payment" / "Mark paid": each bill gets one payment of what is still payable on it,
 * through the same rules as a single payment. The method (account, date) is checked once, before
 * any bill: a wrong one refuses the whole request. Then each bill runs in its own transaction with
 * its row locked, so one bill that can't be paid is reported with its reason and never undoes the
 * others, and two people paying the same bill at once can't overpay it.
 */
export async function payBillsInFull(db: Db, actor: Actor, billIds: readonly string[], input: BulkPaymentMethod, today: IsoDate): Promise<BulkResult> {
  const bankAccountId = input.bankAccountId ?? (await loadPickerAccounts(db, actor.organizationId, "payment_source")).defaultId;
  if (!bankAccountId) throw new UserFacingError("Choose a bank account to pay from.", { bankAccountId: ["Choose a bank account to pay from."] });
  const method: PaymentMethod =
    input.kind === "electronic"
      ? { kind: "electronic", bankAccountId, processDate: input.processDate, today }
      : { kind: "offline", bankAccountId, paidDate: input.paidDate, reference: null, syncToQbo: input.syncToQbo };
  const methodErrors = paymentMethodErrors(method);
  if (methodErrors.length > 0) throw new UserFacingError(formLevelMessage(methodErrors), fieldErrorMap(methodErrors));
  await assertPickerAccount(db, actor.organizationId, bankAccountId, "payment_source", "bankAccountId");
  return runBulk(
    billIds,
    (billId) =>
      db.transaction(async (tx) => {
        const loaded = (await loadBillSummaries(tx, actor.organizationId, [billId], { lock: true })).get(billId);
        const full = fullPaymentRequest(loaded ? payableBillOf(loaded) : undefined);
        if (!full.ok) throw new UserFacingError(full.reason);
        await recordPayments(tx, actor, [full.request], method, "single");
      }),
    { action: input.kind === "electronic" ? "bulk schedule payment" : "bulk mark paid", org: actor.organizationId },
  );
}

/**
 * "Process payments": scheduled payments due by `today` start processing, and each (date, bank
 * account) group leaves the bank as ONE funds transfer that links its payments.
 */
export async function processDuePayments(
  db: Db,
  actor: Actor,
  today: string,
): Promise<{ transferIds: string[]; paymentCount: number; totalCents: number }> {
  return db.transaction(async (tx) => {
    const scheduled = await tx
      .select()
      .from(billPayments)
      .where(
        and(
          eq(billPayments.organizationId, actor.organizationId),
          eq(billPayments.status, "scheduled"),
          lte(billPayments.processDate, today),
        ),
      )
      .orderBy(billPayments.processDate, billPayments.id)
      .for("update");
    const due = paymentsDueForProcessing(scheduled, today);
    const transfers = groupIntoFundsTransfers(
      due.map((payment) => ({
        id: payment.id,
        amountCents: payment.amountCents,
        processDate: payment.processDate,
        bankAccountId: payment.bankAccountId,
        direction: "out" as const,
      })),
    );
    const transferIds: string[] = [];
    for (const draft of transfers) {
      const [transfer] = await tx
        .insert(fundsTransfers)
        .values({
          organizationId: actor.organizationId,
          direction: draft.direction,
          bankAccountId: draft.bankAccountId,
          transferDate: draft.transferDate,
          amountCents: draft.totalCents,
        })
        .returning({ id: fundsTransfers.id });
      transferIds.push(transfer!.id);
      await tx
        .update(billPayments)
        .set({ status: "processing", fundsTransferId: transfer!.id })
        .where(and(eq(billPayments.organizationId, actor.organizationId), inArray(billPayments.id, draft.paymentIds)));
      for (const paymentId of draft.paymentIds) {
        await recordAudit(tx, {
          organizationId: actor.organizationId,
          actorUserId: actor.userId,
          entityType: "bill_payment",
          entityId: paymentId,
          action: "started processing",
          changes: [{ field: "status", label: "Status", old: "Scheduled", new: "Processing" }],
        });
      }
    }
    return {
      transferIds,
      paymentCount: due.length,
      totalCents: transfers.reduce((total, transfer) => total + transfer.totalCents, 0),
    };
  });
}

/**
 * "Mark processed as paid": the bank confirmed the funds transfers, so processing payments are paid.
 * In a live payment processor this is the bank's confirmation; here an admin records it.
 */
export async function settleProcessingPayments(db: Db, actor: Actor, today: string): Promise<{ paymentCount: number }> {
  return db.transaction(async (tx) => {
    const processing = await tx
      .select({ id: billPayments.id, billId: billPayments.billId })
      .from(billPayments)
      .where(and(eq(billPayments.organizationId, actor.organizationId), eq(billPayments.status, "processing")))
      .for("update");
    if (processing.length === 0) return { paymentCount: 0 };
    await tx
      .update(billPayments)
      .set({ status: "paid", paidDate: today })
      .where(and(eq(billPayments.organizationId, actor.organizationId), inArray(billPayments.id, processing.map((p) => p.id))));
    for (const payment of processing) {
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        entityType: "bill_payment",
        entityId: payment.id,
        action: "marked paid",
        changes: [{ field: "status", label: "Status", old: "Processing", new: "Paid" }],
      });
    }
    for (const billId of new Set(processing.map((payment) => payment.billId))) {
      await refreshBillStatus(tx, actor.organizationId, billId, { actorUserId: actor.userId, action: "payment completed" });
    }
    return { paymentCount: processing.length };
  });
}

/**
 * "Process payments" at an instant: the day is the organisation's today in its time zone, so a
 * New York business processing at 20:00 (01:00 UTC) groups its payments on its own date.
 */
export async function processDuePaymentsAt(db: Db, actor: Actor, at: Date) {
  return processDuePayments(db, actor, await organizationToday(db, actor.organizationId, at));
}

/** "Mark processed as paid" at an instant: paid on the organisation's today. */
export async function settleProcessingPaymentsAt(db: Db, actor: Actor, at: Date) {
  return settleProcessingPayments(db, actor, await organizationToday(db, actor.organizationId, at));
}

/** Voids (or cancels, while scheduled) a payment; the bill reopens for the amount. */
export async function voidBillPayment(db: Db, actor: Actor, paymentId: string): Promise<{ billId: string }> {
  return db.transaction(async (tx) => {
    const [payment] = await tx
      .select()
      .from(billPayments)
      .where(and(eq(billPayments.organizationId, actor.organizationId), eq(billPayments.id, paymentId)))
      .for("update");
    if (!payment) throw new UserFacingError("This payment no longer exists.");
    const transition = transitionPayment(payment.status, "voided");
    if (!transition.ok) throw new UserFacingError(transition.error);
    await tx
      .update(billPayments)
      .set({ status: "voided", voidedAt: new Date() })
      .where(and(eq(billPayments.organizationId, actor.organizationId), eq(billPayments.id, paymentId)));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      entityType: "bill_payment",
      entityId: paymentId,
      action: transition.effect === "cancel" ? "cancelled" : "voided",
      changes: [{ field: "status", label: "Status", old: PAYMENT_STATUS_LABELS[payment.status], new: "Voided" }],
    });
    await refreshBillStatus(tx, actor.organizationId, payment.billId, {
      actorUserId: actor.userId,
      action: transition.effect === "cancel" ? "payment cancelled" : "payment voided",
    });
    return { billId: payment.billId };
  });
}

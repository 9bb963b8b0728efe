"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { checkboxField, electronicPaymentSchema, isoDateField, markAsPaidSchema } from "@/lib/ap";
import { fieldErrorsOf, orgAction, type OrgContext } from "@/lib/auth/guard";
import { businessToday } from "@/lib/bills/today";
import { UserFacingError } from "@/lib/forms/action-result";
import { bulkIdsField } from "@/lib/lists/bulk";
import {
  markBillAsPaid,
  payBillsInFull,
  processDuePaymentsAt,
  scheduleElectronicPayments,
  settleProcessingPaymentsAt,
  voidBillPayment,
} from "./payment-repository";
import { optionalRecordId, recordId } from "@/lib/forms/record-id";

const actorOf = (ctx: OrgContext) => ({ organizationId: ctx.org.organizationId, userId: ctx.user.id });

function revalidate(slug: string) {
  revalidatePath(`/o/${slug}/bills`, "layout");
  revalidatePath(`/o/${slug}/payments`);
}

/**
 * "Pay" / "Pay selected": electronic payments scheduled for the process date, then on to the bill
 * (one) or Payments (several). The server redirects: a bill paid in full leaves nothing to pay, so
 * the re-rendered pay page no longer holds the form that could have navigated.
 */
export const payBillsAction = orgAction(
  {
    schema: z.looseObject({}),
    permission: "payment.edit",
    redirectTo: ({ billIds, paymentIds }: { billIds: string[]; paymentIds: string[] }, ctx: OrgContext) =>
      billIds.length === 1 ? `/o/${ctx.org.slug}/bills/${billIds[0]}?saved=scheduled` : `/o/${ctx.org.slug}/payments?scheduled=${paymentIds.length}`,
  },
  async (ctx, raw) => {
    const today = businessToday(ctx.org.timeZone);
    const parsed = electronicPaymentSchema(today).safeParse(raw);
    if (!parsed.success) throw new UserFacingError("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
    const result = await scheduleElectronicPayments(ctx.db, actorOf(ctx), parsed.data, today);
    revalidate(ctx.org.slug);
    return { ...result, billIds: parsed.data.payments.map((payment) => payment.billId) };
  },
);

/** "Mark as paid": a payment made outside the app, with the Sync to QuickBooks choice. */
export const markAsPaidAction = orgAction({ schema: markAsPaidSchema, permission: "payment.edit" }, async (ctx, input) => {
  const result = await markBillAsPaid(ctx.db, actorOf(ctx), input);
  revalidate(ctx.org.slug);
  return result;
});

export const processPaymentsAction = orgAction({ schema: z.object({}), permission: "payment.edit" }, async (ctx) => {
  const result = await processDuePaymentsAt(ctx.db, actorOf(ctx), new Date());
  revalidate(ctx.org.slug);
  return result;
});

/** Standing in for the bank's confirmation, so only an admin may record it. */
export const settleProcessingPaymentsAction = orgAction({ schema: z.object({}), permission: "payment.settle" }, async (ctx) => {
  const result = await settleProcessingPaymentsAt(ctx.db, actorOf(ctx), new Date());
  revalidate(ctx.org.slug);
  return result;
});

export const voidPaymentAction = orgAction({ schema: z.object({ paymentId: recordId() }), permission: "payment.edit" }, async (ctx, input) => {
  const result = await voidBillPayment(ctx.db, actorOf(ctx), input.paymentId);
  revalidate(ctx.org.slug);
  return result;
});

const bulkAccount = optionalRecordId("Choose a bank account from the list.");

/**
 * Bills list → Schedule payment: one electronic payment per selected bill for what is still payable,
 * from the chosen account (default: the Bank Account GL preference). Every bill is either scheduled
 * or reported with why not (lib/payments/payment-repository.ts payBillsInFull).
 */
export const bulkScheduleBillsAction = orgAction(
  { schema: z.object({ ids: bulkIdsField(), bankAccountId: bulkAccount, processDate: isoDateField("process date") }), permission: "payment.edit" },
  async (ctx, input) => {
    const today = businessToday(ctx.org.timeZone);
    const result = await payBillsInFull(ctx.db, actorOf(ctx), input.ids, { kind: "electronic", bankAccountId: input.bankAccountId, processDate: input.processDate }, today);
    revalidate(ctx.org.slug);
    return result;
  },
);

/** Bills list → Mark paid: the rest of each selected bill recorded as paid outside the app (the offline rule). */
export const bulkMarkBillsPaidAction = orgAction(
  { schema: z.object({ ids: bulkIdsField(), bankAccountId: bulkAccount, paidDate: isoDateField("payment date"), syncToQbo: checkboxField() }), permission: "payment.edit" },
  async (ctx, input) => {
    const today = businessToday(ctx.org.timeZone);
    const result = await payBillsInFull(
      ctx.db,
      actorOf(ctx),
      input.ids,
      { kind: "offline", bankAccountId: input.bankAccountId, paidDate: input.paidDate, syncToQbo: input.syncToQbo },
      today,
    );
    revalidate(ctx.org.slug);
    return result;
  },
);

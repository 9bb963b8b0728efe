"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { electronicPaymentSchema, markAsPaidSchema } from "@/lib/ap";
import { fieldErrorsOf, orgAction, type OrgContext } from "@/lib/auth/guard";
import { businessToday } from "@/lib/bills/today";
import { UserFacingError } from "@/lib/forms/action-result";
import {
  markBillAsPaid,
  processDuePaymentsAt,
  scheduleElectronicPayments,
  settleProcessingPaymentsAt,
  voidBillPayment,
} from "./payment-repository";
import { recordId } from "@/lib/forms/record-id";

const actorOf = (ctx: OrgContext) => ({ organizationId: ctx.org.organizationId, userId: ctx.user.id });

function revalidate(slug: string) {
  revalidatePath(`/o/${slug}/bills`, "layout");
  revalidatePath(`/o/${slug}/payments`);
}

const schedulePayments = orgAction({ schema: z.looseObject({}) }, async (ctx, raw) => {
  const today = businessToday(ctx.org.timeZone);
  const parsed = electronicPaymentSchema(today).safeParse(raw);
  if (!parsed.success) throw new UserFacingError("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  const result = await scheduleElectronicPayments(ctx.db, actorOf(ctx), parsed.data, today);
  revalidate(ctx.org.slug);
  return { ...result, billIds: parsed.data.payments.map((payment) => payment.billId), orgSlug: ctx.org.slug };
});

/**
 * "Pay" / "Pay selected": electronic payments scheduled for the process date, then on to the bill
 * (one) or Payments (several). The server redirects: a bill paid in full leaves nothing to pay, so
 * the re-rendered pay page no longer holds the form that could have navigated.
 */
export async function payBillsAction(previous: unknown, form: FormData) {
  const result = await schedulePayments(previous, form);
  if (!result.ok) return result;
  const { billIds, paymentIds, orgSlug } = result.data;
  redirect(billIds.length === 1 ? `/o/${orgSlug}/bills/${billIds[0]}?saved=scheduled` : `/o/${orgSlug}/payments?scheduled=${paymentIds.length}`);
}

/** "Mark as paid": a payment made outside the app, with the Sync to QuickBooks choice. */
export const markAsPaidAction = orgAction({ schema: markAsPaidSchema }, async (ctx, input) => {
  const result = await markBillAsPaid(ctx.db, actorOf(ctx), input);
  revalidate(ctx.org.slug);
  return result;
});

export const processPaymentsAction = orgAction({ schema: z.object({}) }, async (ctx) => {
  const result = await processDuePaymentsAt(ctx.db, actorOf(ctx), new Date());
  revalidate(ctx.org.slug);
  return result;
});

/** Standing in for the bank's confirmation, so only an admin may record it. */
export const settleProcessingPaymentsAction = orgAction({ schema: z.object({}), role: "admin" }, async (ctx) => {
  const result = await settleProcessingPaymentsAt(ctx.db, actorOf(ctx), new Date());
  revalidate(ctx.org.slug);
  return result;
});

export const voidPaymentAction = orgAction({ schema: z.object({ paymentId: recordId() }) }, async (ctx, input) => {
  const result = await voidBillPayment(ctx.db, actorOf(ctx), input.paymentId);
  revalidate(ctx.org.slug);
  return result;
});

"use server";

import { revalidatePath } from "next/cache";
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

/** "Pay" / "Pay selected": electronic payments scheduled for the process date. */
export const payBillsAction = orgAction({ schema: z.looseObject({}), permission: "payment.edit" }, async (ctx, raw) => {
  const today = businessToday(ctx.org.timeZone);
  const parsed = electronicPaymentSchema(today).safeParse(raw);
  if (!parsed.success) throw new UserFacingError("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  const result = await scheduleElectronicPayments(ctx.db, actorOf(ctx), parsed.data, today);
  revalidate(ctx.org.slug);
  return result;
});

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

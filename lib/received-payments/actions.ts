"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { receivedPaymentSchema } from "@/lib/ap";
import { orgAction } from "@/lib/auth/guard";
import { receivePayment, voidReceivedPayment } from "./receive-payment";
import { recordId } from "@/lib/forms/record-id";

export const receivePaymentAction = orgAction({ schema: receivedPaymentSchema, permission: "payment.edit" }, async (ctx, input) => {
  const result = await receivePayment(ctx.db, { organizationId: ctx.org.organizationId, userId: ctx.user.id }, input);
  revalidatePath(`/o/${ctx.org.slug}/invoices`, "layout");
  return result;
});

export const voidReceivedPaymentAction = orgAction({ schema: z.object({ id: recordId() }), permission: "payment.edit" }, async (ctx, input) => {
  const result = await voidReceivedPayment(ctx.db, { organizationId: ctx.org.organizationId, userId: ctx.user.id }, input.id);
  revalidatePath(`/o/${ctx.org.slug}/invoices`, "layout");
  return result;
});

"use server";

import { revalidatePath } from "next/cache";
import { vendorCreditApplicationSchema, vendorCreditSchema } from "@/lib/ap";
import { orgAction, type OrgContext } from "@/lib/auth/guard";
import { applyVendorCredit, createVendorCredit } from "./credit-repository";

const actorOf = (ctx: OrgContext) => ({ organizationId: ctx.org.organizationId, userId: ctx.user.id });

export const createVendorCreditAction = orgAction({ schema: vendorCreditSchema }, async (ctx, input) => {
  const result = await createVendorCredit(ctx.db, actorOf(ctx), input);
  revalidatePath(`/o/${ctx.org.slug}/vendor-credits`);
  return result;
});

/** "Apply to bills": spends the credit on open bills of the same vendor. */
export const applyVendorCreditAction = orgAction({ schema: vendorCreditApplicationSchema }, async (ctx, input) => {
  const result = await applyVendorCredit(ctx.db, actorOf(ctx), input);
  revalidatePath(`/o/${ctx.org.slug}/vendor-credits`, "layout");
  revalidatePath(`/o/${ctx.org.slug}/bills`, "layout");
  return result;
});

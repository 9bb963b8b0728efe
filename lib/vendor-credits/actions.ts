"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { vendorCreditApplicationSchema, vendorCreditSchema } from "@/lib/ap";
import { fieldErrorsOf, orgAction, type OrgContext } from "@/lib/auth/guard";
import { UserFacingError } from "@/lib/forms/action-result";
import { recordId } from "@/lib/forms/record-id";
import { applyVendorCredit, createVendorCredit, unapplyVendorCredit, updateVendorCredit, voidVendorCredit } from "./credit-repository";

const actorOf = (ctx: OrgContext) => ({ organizationId: ctx.org.organizationId, userId: ctx.user.id });

/** Credits and their applications show on credit, bill and vendor pages. */
function revalidateCredits(slug: string) {
  revalidatePath(`/o/${slug}/vendor-credits`, "layout");
  revalidatePath(`/o/${slug}/bills`, "layout");
}

export const createVendorCreditAction = orgAction({ schema: vendorCreditSchema, permission: "credit.edit" }, async (ctx, input) => {
  const result = await createVendorCredit(ctx.db, actorOf(ctx), input);
  revalidatePath(`/o/${ctx.org.slug}/vendor-credits`);
  return result;
});

/** Edits a credit nothing is applied from yet; the form is validated with lib/ap `vendorCreditSchema`. */
export const updateVendorCreditAction = orgAction({ schema: z.looseObject({ id: recordId() }), permission: "credit.edit" }, async (ctx, raw) => {
  const parsed = vendorCreditSchema.safeParse(raw);
  if (!parsed.success) throw new UserFacingError("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  const result = await updateVendorCredit(ctx.db, actorOf(ctx), raw.id, parsed.data);
  revalidateCredits(ctx.org.slug);
  return result;
});

/** "Apply to bills": spends the credit on open bills of the same vendor. */
export const applyVendorCreditAction = orgAction({ schema: vendorCreditApplicationSchema, permission: "credit.edit" }, async (ctx, input) => {
  const result = await applyVendorCredit(ctx.db, actorOf(ctx), input);
  revalidateCredits(ctx.org.slug);
  return result;
});

/** "Unapply": takes one application back off its bill. */
export const unapplyVendorCreditAction = orgAction(
  { schema: z.object({ vendorCreditId: recordId(), applicationId: recordId() }), permission: "credit.edit" },
  async (ctx, input) => {
    const result = await unapplyVendorCredit(ctx.db, actorOf(ctx), input);
    revalidateCredits(ctx.org.slug);
    return result;
  },
);

/** Voids a credit nothing is applied from (the form asks for confirmation first). */
export const voidVendorCreditAction = orgAction({ schema: z.object({ vendorCreditId: recordId() }), permission: "credit.edit" }, async (ctx, input) => {
  const result = await voidVendorCredit(ctx.db, actorOf(ctx), input.vendorCreditId);
  revalidateCredits(ctx.org.slug);
  return result;
});

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { billSchema } from "@/lib/ap";
import { fieldErrorsOf, orgAction, type OrgContext } from "@/lib/auth/guard";
import { UserFacingError } from "@/lib/forms/action-result";
import { loadSampleLists } from "@/lib/reference/sample-lists";
import { bulkIdsField } from "@/lib/lists/bulk";
import { createBill, updateBill, voidBill, voidBills } from "./bill-repository";
import { optionalRecordId, recordId } from "@/lib/forms/record-id";

const actorOf = (ctx: OrgContext) => ({ organizationId: ctx.org.organizationId, userId: ctx.user.id });


/** Creates or edits a bill. The form is validated with lib/ap `billSchema`; totals are computed here. */
export const saveBillAction = orgAction({ schema: z.looseObject({ id: optionalRecordId() }), permission: "bill.edit" }, async (ctx, raw) => {
  const parsed = billSchema.safeParse(raw);
  if (!parsed.success) throw new UserFacingError("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  const result = raw.id
    ? await updateBill(ctx.db, actorOf(ctx), raw.id, parsed.data)
    : await createBill(ctx.db, actorOf(ctx), parsed.data);
  revalidatePath(`/o/${ctx.org.slug}/bills`);
  return result;
});

export const voidBillAction = orgAction({ schema: z.object({ billId: recordId() }), permission: "bill.edit" }, async (ctx, input) => {
  const result = await voidBill(ctx.db, actorOf(ctx), input.billId);
  revalidatePath(`/o/${ctx.org.slug}/bills`);
  revalidatePath(`/o/${ctx.org.slug}/vendor-credits`);
  return result;
});

/** Bills list → Void (after the confirmation): each selected bill voided once, or reported with why not. */
export const bulkVoidBillsAction = orgAction({ schema: z.object({ ids: bulkIdsField() }), permission: "bill.edit" }, async (ctx, input) => {
  const result = await voidBills(ctx.db, actorOf(ctx), input.ids);
  revalidatePath(`/o/${ctx.org.slug}/bills`, "layout");
  revalidatePath(`/o/${ctx.org.slug}/vendor-credits`);
  return result;
});

export const setUpStarterChartAction = orgAction({ schema: z.object({}), permission: "settings.manage" }, async (ctx) => {
  const result = await loadSampleLists(ctx.db, ctx.org.organizationId, ctx.user.id);
  revalidatePath(`/o/${ctx.org.slug}/bills`);
  return result;
});

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/auth/guard";
import { createCounterparty, updateCounterparty } from "./repository";
import { counterpartyKindSchema, counterpartySchema } from "./schemas";
import { optionalRecordId, recordId } from "@/lib/forms/record-id";

const saveSchema = counterpartySchema.extend({
  kind: counterpartyKindSchema,
  id: optionalRecordId(),
});

/** Creates or edits a vendor or customer. */
export const saveCounterpartyAction = orgAction({ schema: saveSchema, permission: "party.edit" }, async (ctx, input) => {
  const { kind, id, ...fields } = input;
  const who = { organizationId: ctx.org.organizationId, userId: ctx.user.id };
  const result = id
    ? await updateCounterparty(ctx.db, who, kind, id, fields)
    : await createCounterparty(ctx.db, who, kind, fields);
  revalidatePath(`/o/${ctx.org.slug}/${kind}s`);
  return result;
});

const activeSchema = z.object({
  kind: counterpartyKindSchema,
  id: recordId(),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

/** QBO never deletes vendors or customers; neither do we. Deactivate instead. */
export const setCounterpartyActiveAction = orgAction({ schema: activeSchema, permission: "party.edit" }, async (ctx, input) => {
  const who = { organizationId: ctx.org.organizationId, userId: ctx.user.id };
  const result = await updateCounterparty(ctx.db, who, input.kind, input.id, { active: input.active });
  revalidatePath(`/o/${ctx.org.slug}/${input.kind}s`);
  return result;
});

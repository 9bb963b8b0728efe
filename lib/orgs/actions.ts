"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { addMember, MissingPasswordError } from "@/lib/auth/accounts";
import { orgAction } from "@/lib/auth/guard";
import { addMemberSchema, createOrganizationSchema } from "@/lib/auth/schemas";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { UserFacingError, type ActionResult } from "@/lib/forms/action-result";
import { parseForm } from "@/lib/forms/parse-form";
import { createOrganization } from "./organizations";

/** Admins only: add a person to this organisation (an existing account, or a new one). */
export const addMemberAction = orgAction({ schema: addMemberSchema, role: "admin" }, async (ctx, input) => {
  try {
    const result = await addMember(ctx.db, ctx.org.organizationId, input);
    if (result.alreadyMember) throw new UserFacingError(`${input.email} is already a member.`, { email: ["Already a member"] });
    revalidatePath(`/o/${ctx.org.slug}/settings`);
    return { email: input.email, created: result.created };
  } catch (error) {
    if (error instanceof MissingPasswordError) throw new UserFacingError(error.message, { password: [error.message] });
    throw error;
  }
});

/** Any signed-in person can start another organisation; they become its admin. */
export async function createOrganizationAction(_prev: unknown, form: FormData): Promise<ActionResult<never>> {
  const user = await getSessionUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again." };
  const parsed = parseForm(form, createOrganizationSchema);
  if (!parsed.ok) return parsed.failure;
  const db = await getDb();
  const org = await db.transaction((tx) => createOrganization(tx, { name: parsed.data.organizationName, ownerUserId: user.id }));
  redirect(`/o/${org.slug}`);
}

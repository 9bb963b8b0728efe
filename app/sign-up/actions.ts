"use server";

import { EmailTakenError, InvitationRefusedError, signUp, signUpByInvitation } from "@/lib/auth/accounts";
import { invitedSignUpSchema, signUpSchema } from "@/lib/auth/schemas";
import { getDb } from "@/lib/db";
import { logWithReference } from "@/lib/error-reference";
import { somethingWentWrong, UserFacingError, type ActionResult } from "@/lib/forms/action-result";
import { parseForm } from "@/lib/forms/parse-form";
import { logger } from "@/lib/log";

export async function signUpAction(_prev: unknown, form: FormData): Promise<ActionResult<{ slug: string }>> {
  const parsed = parseForm(form, signUpSchema);
  if (!parsed.ok) return parsed.failure;
  try {
    const { organization } = await signUp(await getDb(), parsed.data);
    return { ok: true, data: { slug: organization.slug } };
  } catch (error) {
    // A taken email (EmailTakenError, or the unique index when sign-ups race) is a field error.
    if (error instanceof UserFacingError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    // Unexpected (a database error): its text holds the INSERT's values, the password hash among them.
    return { ok: false, message: somethingWentWrong(logWithReference(logger(), "sign-up failed", error)) };
  }
}

/** Sign-up from an invitation link: the new account joins the inviting organisation, and no other. */
export async function signUpByInvitationAction(_prev: unknown, form: FormData): Promise<ActionResult<{ slug: string }>> {
  const parsed = parseForm(form, invitedSignUpSchema);
  if (!parsed.ok) return parsed.failure;
  try {
    const { organization } = await signUpByInvitation(await getDb(), parsed.data);
    return { ok: true, data: { slug: organization.slug } };
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return { ok: false, message: error.message, fieldErrors: { email: [error.message] } };
    }
    if (error instanceof InvitationRefusedError) return { ok: false, message: error.message };
    return { ok: false, message: somethingWentWrong(logWithReference(logger(), "sign-up by invitation failed", error)) };
  }
}

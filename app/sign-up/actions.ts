"use server";

import { signUp } from "@/lib/auth/accounts";
import { signUpSchema } from "@/lib/auth/schemas";
import { getDb } from "@/lib/db";
import { UserFacingError, type ActionResult } from "@/lib/forms/action-result";
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
    // Anything else goes to the log (which never prints query parameters: the password hash is one),
    // not to Next.js, whose own error print would.
    logger().error("sign-up failed", { error });
    return { ok: false, message: "Something went wrong and no account was created. Please try again." };
  }
}

"use server";

import { EmailTakenError, signUp } from "@/lib/auth/accounts";
import { fieldErrorsOf } from "@/lib/auth/guard";
import { signUpSchema } from "@/lib/auth/schemas";
import { getDb } from "@/lib/db";
import type { ActionResult } from "@/lib/forms/action-result";
import { formDataToObject } from "@/lib/forms/form-data";

export async function signUpAction(_prev: unknown, form: FormData): Promise<ActionResult<{ slug: string }>> {
  const parsed = signUpSchema.safeParse(formDataToObject(form));
  if (!parsed.success) {
    return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
  }
  try {
    const { organization } = await signUp(await getDb(), parsed.data);
    return { ok: true, data: { slug: organization.slug } };
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return { ok: false, message: error.message, fieldErrors: { email: [error.message] } };
    }
    throw error;
  }
}

"use server";

import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db";
import { logWithReference } from "@/lib/error-reference";
import { somethingWentWrong, type ActionResult } from "@/lib/forms/action-result";
import { parseForm } from "@/lib/forms/parse-form";
import { logger } from "@/lib/log";
import { createMailer, fromAddress } from "@/lib/mail/mailer";
import { createPasswordResetToken, passwordResetAccount, resetPassword } from "./password-reset";
import { PASSWORD_RESET_LINK_PROBLEM, PASSWORD_RESET_REQUESTED_MESSAGE, passwordResetMail } from "./password-reset-rules";
import { newPasswordProblem } from "./password-policy";
import { forgotPasswordSchema, resetPasswordSchema } from "./schemas";

/**
 * Signed out: asks for a reset link. The answer is the same whether or not the e-mail has an
 * account (and when mailing fails: that is logged), so it cannot be used to find accounts.
 */
export async function requestPasswordResetAction(_prev: unknown, form: FormData): Promise<ActionResult<{ message: string }>> {
  const parsed = parseForm(form, forgotPasswordSchema);
  if (!parsed.ok) return parsed.failure;
  const answer = { ok: true as const, data: { message: PASSWORD_RESET_REQUESTED_MESSAGE } };
  try {
    const created = await createPasswordResetToken(await getDb(), parsed.data.email);
    if (!created) return answer;
    const config = env();
    const link = new URL(`/reset-password/${created.token}`, config.APP_URL).toString();
    const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: fromAddress(config.APP_URL), log: logger() });
    await mailer.send({ to: created.user.email, ...passwordResetMail({ name: created.user.name, link }) });
  } catch (error) {
    logWithReference(logger(), "password reset request failed", error);
  }
  return answer;
}

/** The reset page: a new password (the password policy applies) ends every other session. */
export async function resetPasswordAction(_prev: unknown, form: FormData): Promise<ActionResult<{ email: string }>> {
  const parsed = parseForm(form, resetPasswordSchema);
  if (!parsed.ok) {
    if (parsed.failure.fieldErrors?.token) return { ok: false, message: PASSWORD_RESET_LINK_PROBLEM };
    return parsed.failure;
  }
  try {
    const db = await getDb();
    const account = await passwordResetAccount(db, parsed.data.token);
    if (!account) return { ok: false, message: PASSWORD_RESET_LINK_PROBLEM };
    // A password made of the person's own details is easy to guess too.
    const problem = newPasswordProblem(parsed.data.password, [account.name, account.email, account.email.split("@")[0]!]);
    if (problem) return { ok: false, message: "Please choose another password.", fieldErrors: { password: [problem] } };
    const result = await resetPassword(db, parsed.data);
    if (!result.ok) return { ok: false, message: PASSWORD_RESET_LINK_PROBLEM };
    return { ok: true, data: { email: result.email } };
  } catch (error) {
    return { ok: false, message: somethingWentWrong(logWithReference(logger(), "password reset failed", error)) };
  }
}

import { z } from "zod";
import { browserTimeZoneSchema as browserTimeZone } from "@/lib/ap/schemas";
import { recordId } from "@/lib/forms/record-id";
import { invitationTokenSchema } from "@/lib/orgs/invitation-token";
import { newPasswordProblem } from "./password-policy";
import { ROLES } from "./permissions";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address" }).max(254));
/**
 * The one rule for a password someone chooses (sign-up, a first password set by an admin, and any
 * future change or reset): see password-policy.ts. Never trimmed: spaces are part of a password.
 */
export const newPassword = z.string().superRefine((value, ctx) => {
  const problem = newPasswordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
const personName = z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters");
export const organizationName = z
  .string()
  .trim()
  .min(2, "Enter the business name")
  .max(100, "Use at most 100 characters");

export const signUpSchema = z
  .object({ name: personName, email, password: newPassword, organizationName, timeZone: browserTimeZone })
  // A password made of the person's own details is easy to guess too.
  .superRefine((input, ctx) => {
    if (typeof input.password !== "string" || newPasswordProblem(input.password) !== null) return; // already reported
    // Another field may have failed, so its value is whatever was sent.
    const details = [input.name, input.email, String(input.email).split("@")[0], input.organizationName];
    const problem = newPasswordProblem(input.password, details.filter((d): d is string => typeof d === "string" && d !== ""));
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({ email, password: z.string().min(1, "Enter your password").max(200) });

/** Sign-up from an invitation link: the e-mail is the invitation's, so the form's is not read. */
export const invitedSignUpSchema = z
  .object({ name: personName, password: newPassword, invitation: invitationTokenSchema })
  .superRefine((input, ctx) => {
    if (typeof input.password !== "string" || newPasswordProblem(input.password) !== null) return; // already reported
    if (typeof input.name !== "string" || input.name === "") return;
    const problem = newPasswordProblem(input.password, [input.name]);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });
export type InvitedSignUpInput = z.infer<typeof invitedSignUpSchema>;

export const inviteMemberSchema = z.object({
  email,
  role: z.enum(ROLES, { message: "Choose a role" }),
});
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

export const revokeInvitationSchema = z.object({ invitationId: recordId("This invitation does not exist.") });

export const changeMemberRoleSchema = z.object({
  userId: recordId("This person is not a member."),
  role: z.enum(ROLES, { message: "Choose a role" }),
});
export const removeMemberSchema = z.object({ userId: recordId("This person is not a member.") });

export const createOrganizationSchema = z.object({ organizationName, timeZone: browserTimeZone });

/** "Forgot password": only the e-mail. */
export const forgotPasswordSchema = z.object({ email });

/** The reset page: the link's token and the new password (the password policy applies). */
export const resetPasswordSchema = z.object({ token: invitationTokenSchema, password: newPassword });

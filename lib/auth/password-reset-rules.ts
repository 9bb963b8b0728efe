/** How long a password reset link works. */
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

export function passwordResetExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + PASSWORD_RESET_TTL_MS);
}

/** What the "forgot password" form answers, whether or not the e-mail has an account. */
export const PASSWORD_RESET_REQUESTED_MESSAGE =
  "If an account uses this e-mail address, a link to choose a new password is on its way. It works once, for one hour.";

export const PASSWORD_RESET_LINK_PROBLEM =
  "This password reset link is not valid any more: it was used, it expired (links work for one hour) or a newer one was sent. Ask for a new one.";

export function passwordResetMail(input: { name: string; link: string }): { subject: string; text: string } {
  return {
    subject: "Choose a new Ledgerbridge password",
    text: [
      `Hello ${input.name},`,
      "",
      "Someone (hopefully you) asked to reset the password of your Ledgerbridge account.",
      // No "password:" before the link: the log redactor would hide it as a secret (lib/log-redaction.ts).
      "To choose a new one, open this link within one hour:",
      input.link,
      "",
      "The link works once. If you did not ask for it, ignore this mail: your password stays as it is.",
    ].join("\n"),
  };
}

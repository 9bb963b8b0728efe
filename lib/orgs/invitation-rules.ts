/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function invitationExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + INVITATION_TTL_MS);
}

export type InvitationState = { email: string; expiresAt: Date; acceptedAt: Date | null };

/** Why this invitation cannot be accepted (by this e-mail, now), or null when it can. */
export type InvitationProblem = "used" | "expired" | "wrong-email";

export function invitationProblem(
  invitation: InvitationState,
  now: Date,
  acceptingEmail?: string,
): InvitationProblem | null {
  if (invitation.acceptedAt) return "used";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  if (acceptingEmail !== undefined && acceptingEmail.trim().toLowerCase() !== invitation.email.toLowerCase()) {
    return "wrong-email";
  }
  return null;
}

/** The plain message a person opening the link sees; nothing in it tells who was invited. */
export function invitationProblemMessage(problem: InvitationProblem | "not-found"): string {
  switch (problem) {
    case "used":
      return "This invitation has already been used. Each invitation link works once.";
    case "expired":
      return "This invitation has expired. Ask an admin of the organisation for a new one.";
    case "wrong-email":
      return "This invitation is for a different e-mail address. Sign out, open the link again and sign in or sign up with the address the invitation was sent to.";
    case "not-found":
      return "This invitation link is not valid. It may have been revoked; ask an admin of the organisation for a new one.";
  }
}

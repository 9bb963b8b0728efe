import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";

/** 32 random bytes, base64url: the secret in an invitation link. Only its hash is stored. */
export function newInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A token as it appears in /invite/<token>; anything else is not a link we made. */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { passwordResetTokens, users } from "@/lib/db/schema";
// A reset link's secret has the invitation link's shape: 32 random bytes, only the SHA-256 stored.
import { hashInvitationToken as hashToken, newInvitationToken as newToken } from "@/lib/orgs/invitation-token";
import { hashPassword } from "./password";
import { passwordResetExpiry } from "./password-reset-rules";

/**
 * "Forgot password": a one-time token for the account with this e-mail, or null when there is none
 * (the caller answers the same either way). A new request replaces the older links.
 */
export async function createPasswordResetToken(
  db: Db,
  email: string,
  now: Date = new Date(),
): Promise<{ token: string; user: { id: string; email: string; name: string } } | null> {
  const normalised = email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, name: users.name })
      .from(users)
      .where(sql`lower(${users.email}) = ${normalised}`)
      .limit(1);
    if (!user) return null;
    await tx.delete(passwordResetTokens).where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
    const token = newToken();
    await tx.insert(passwordResetTokens).values({ userId: user.id, tokenHash: hashToken(token), createdAt: now, expiresAt: passwordResetExpiry(now) });
    return { token, user };
  });
}

/** The account a link's token still works for, or null (the reset page shows its form only then). */
export async function passwordResetAccount(db: Db, token: string, now: Date = new Date()): Promise<{ name: string; email: string } | null> {
  const [row] = await db
    .select({ name: users.name, email: users.email })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(and(eq(passwordResetTokens.tokenHash, hashToken(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

export type ResetPasswordResult = { ok: true; userId: string; email: string } | { ok: false; reason: "invalid" };

/**
 * Sets the new password (already checked against the password policy) and ends every session of
 * the account. Single use: the conditional update lets one of any number of concurrent uses through.
 */
export async function resetPassword(
  db: Db,
  input: { token: string; password: string },
  now: Date = new Date(),
): Promise<ResetPasswordResult> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.tokenHash, hashToken(input.token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
      .returning({ userId: passwordResetTokens.userId });
    if (!claimed) return { ok: false, reason: "invalid" } as const;
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, claimed.userId))
      .returning({ id: users.id, email: users.email });
    // Other links sent before this one stop working too.
    await tx.delete(passwordResetTokens).where(and(eq(passwordResetTokens.userId, claimed.userId), isNull(passwordResetTokens.usedAt)));
    return { ok: true, userId: user!.id, email: user!.email } as const;
  });
}

/**
 * Session tokens are JWTs that live in a cookie for days, so they cannot be taken back; instead each
 * carries the user's session version (`sv`) from sign-in, and a token whose version is no longer the
 * user's is refused. Sign-out and a password change bump the version (session-version.ts).
 */
export type SessionClaims = { sub?: string; sv?: unknown; [claim: string]: unknown };

/** Thrown from next-auth's jwt callback: next-auth then clears the cookie and reports no session. */
export class SessionEndedError extends Error {
  override name = "SessionEndedError";
  constructor(reason: string) {
    super(`Session ended: ${reason}`);
  }
}

/** The claims a fresh sign-in puts in its token. */
export function claimsAtSignIn<T extends SessionClaims>(token: T, user: { sessionVersion: number }): T {
  return { ...token, sv: user.sessionVersion };
}

/**
 * Checks an existing session token against the user's current session version (`lookup` reads it;
 * null when the user is gone). Returns the token unchanged, or throws SessionEndedError.
 */
export async function checkSessionClaims<T extends SessionClaims>(
  token: T,
  lookup: (userId: string) => Promise<number | null>,
): Promise<T> {
  if (!token.sub) throw new SessionEndedError("no user");
  // Tokens from before session versions existed carry none: they are ended too.
  if (typeof token.sv !== "number" || !Number.isInteger(token.sv)) throw new SessionEndedError("no session version");
  const current = await lookup(token.sub);
  if (current === null) throw new SessionEndedError("user not found");
  if (current !== token.sv) throw new SessionEndedError("signed out or password changed");
  return token;
}

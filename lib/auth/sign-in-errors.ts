/**
 * What the sign-in page says for an error code. The code arrives in the URL (`?error=`, or the
 * `error` next-auth's client reads back from one), so anyone can write it: only fixed sentences are
 * ever shown, and an unknown code gets one generic sentence rather than its own text.
 */
export const WRONG_CREDENTIALS_MESSAGE = "That email and password don't match an account.";
export const GENERIC_SIGN_IN_MESSAGE = "Signing in didn't work. Please try again.";

const LOCKED_CODE = /^Locked-(\d{1,4})$/;
const MAX_LOCK_MINUTES = 60;

/** The code `authorize` throws for a locked sign-in; next-auth passes a thrown message through as `error`. */
export function lockedErrorCode(retryAfterSeconds: number): string {
  return `Locked-${lockMinutes(Math.ceil(retryAfterSeconds / 60))}`;
}

const FIXED: Record<string, string> = {
  CredentialsSignin: WRONG_CREDENTIALS_MESSAGE,
  SessionRequired: "Please sign in to see that page.",
};

export function signInErrorMessage(code: string | null | undefined): string | undefined {
  if (!code) return undefined;
  const locked = LOCKED_CODE.exec(code);
  if (locked) {
    const minutes = lockMinutes(Number(locked[1]));
    return `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  return Object.hasOwn(FIXED, code) ? FIXED[code] : GENERIC_SIGN_IN_MESSAGE;
}

function lockMinutes(minutes: number): number {
  return Math.min(MAX_LOCK_MINUTES, Math.max(1, Number.isFinite(minutes) ? minutes : 1));
}

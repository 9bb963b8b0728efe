/**
 * Repeated failed sign-ins slow down, then lock for a while. Two counters, so locking is not a
 * weapon: failures of one client (email + IP) lock that client after MAX_FAILURES, and failures of
 * the email from everywhere lock it after MAX_EMAIL_FAILURES, except for a client that has signed in
 * to this email before (KNOWN_CLIENT_MS): an attacker who locks an email from elsewhere does not keep
 * its owner out from their usual place, and spreading guesses over many addresses still hits the
 * email-wide limit. Pure: the caller passes the recent failures (newest first) and the current time.
 * The caller counts and records under one lock per email, so concurrent attempts cannot all pass.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failures of one client (email + IP) in the window before that client is locked. */
export const MAX_FAILURES = 5;
/** Failures of one email from all clients in the window before it is locked for unknown clients. */
export const MAX_EMAIL_FAILURES = 20;
/** How long a successful sign-in makes the client "known" for that email. */
export const KNOWN_CLIENT_MS = 30 * 24 * 60 * 60 * 1000;

export type ThrottleDecision =
  | { allowed: true; delayMs: number }
  | { allowed: false; retryAfterSeconds: number };

export type ThrottleInput = {
  /** This client's (email + IP) failures, newest first; at least MAX_FAILURES of them if there are. */
  clientFailures: Date[];
  /** The email's failures from every client, newest first; at least MAX_EMAIL_FAILURES if there are. */
  emailFailures: Date[];
  /** This client signed in to this email within KNOWN_CLIENT_MS. */
  knownClient: boolean;
};

export function decideLoginThrottle(input: ThrottleInput, now: Date): ThrottleDecision {
  const client = recent(input.clientFailures, now);
  if (client.length >= MAX_FAILURES) return locked(client, MAX_FAILURES, now);
  if (!input.knownClient) {
    const email = recent(input.emailFailures, now);
    if (email.length >= MAX_EMAIL_FAILURES) return locked(email, MAX_EMAIL_FAILURES, now);
  }
  // 0, 250, 500, 1000, 2000 ms: harmless for a typo, costly for a script.
  const delayMs = client.length === 0 ? 0 : Math.min(2000, 250 * 2 ** (client.length - 1));
  return { allowed: true, delayMs };
}

function recent(failuresNewestFirst: Date[], now: Date): Date[] {
  return failuresNewestFirst.filter((at) => now.getTime() - at.getTime() < THROTTLE_WINDOW_MS);
}

/** Locked until the oldest of the last `limit` failures leaves the window. */
function locked(failures: Date[], limit: number, now: Date): ThrottleDecision {
  const unlockAt = failures[limit - 1]!.getTime() + THROTTLE_WINDOW_MS;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((unlockAt - now.getTime()) / 1000)) };
}

/**
 * Repeated failed sign-ins for one email first slow down, then lock for a while. Pure: the caller
 * passes the recent failures (newest first) and the current time.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES = 5;

export type ThrottleDecision =
  | { allowed: true; delayMs: number }
  | { allowed: false; retryAfterSeconds: number };

export function decideLoginThrottle(failuresNewestFirst: Date[], now: Date): ThrottleDecision {
  const recent = failuresNewestFirst.filter((at) => now.getTime() - at.getTime() < THROTTLE_WINDOW_MS);
  if (recent.length >= MAX_FAILURES) {
    // Locked until the oldest of the last MAX_FAILURES failures leaves the window.
    const oldestCounted = recent[MAX_FAILURES - 1]!;
    const unlockAt = oldestCounted.getTime() + THROTTLE_WINDOW_MS;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((unlockAt - now.getTime()) / 1000)) };
  }
  // 0, 250, 500, 1000, 2000 ms: harmless for a typo, costly for a script.
  const delayMs = recent.length === 0 ? 0 : Math.min(2000, 250 * 2 ** (recent.length - 1));
  return { allowed: true, delayMs };
}

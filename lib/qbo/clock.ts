/**
 * Time source and timer, injectable so rate limiting, token expiry and backoff can be tested
 * without real waiting.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `callback` after `ms`; returns a function that cancels it. */
  setTimer(callback: () => void, ms: number): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, ms) {
    const handle = setTimeout(callback, ms);
    return () => clearTimeout(handle);
  },
};

/** Promise-returning sleep on a given clock (used for retry backoff). */
export function sleepOn(clock: Clock): (ms: number) => Promise<void> {
  return (ms) => new Promise((resolve) => clock.setTimer(resolve, ms));
}

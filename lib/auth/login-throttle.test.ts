import { describe, expect, it } from "vitest";
import { decideLoginThrottle, MAX_EMAIL_FAILURES, MAX_FAILURES, THROTTLE_WINDOW_MS, type ThrottleInput } from "./login-throttle";

const now = new Date("2026-11-25T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const failures = (n: number, everyMs = 1000) => Array.from({ length: n }, (_, i) => ago(i * everyMs));
const input = (over: Partial<ThrottleInput>): ThrottleInput => ({ clientFailures: [], emailFailures: [], knownClient: false, ...over });

describe("decideLoginThrottle", () => {
  it("lets a first attempt through at once", () => {
    expect(decideLoginThrottle(input({}), now)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("slows down growing failures of the client", () => {
    const delays = [1, 2, 3, 4].map((n) => {
      const d = decideLoginThrottle(input({ clientFailures: failures(n), emailFailures: failures(n) }), now);
      return d.allowed ? d.delayMs : -1;
    });
    expect(delays).toEqual([250, 500, 1000, 2000]);
  });

  it("locks the client after the maximum and says for how long", () => {
    const mine = failures(MAX_FAILURES, 60_000);
    const d = decideLoginThrottle(input({ clientFailures: mine, emailFailures: mine, knownClient: true }), now);
    expect(d.allowed).toBe(false);
    if (!d.allowed) expect(d.retryAfterSeconds).toBe((THROTTLE_WINDOW_MS - 4 * 60_000) / 1000);
  });

  it("does not lock or slow another client for failures it did not make", () => {
    const elsewhere = failures(MAX_FAILURES * 2);
    expect(decideLoginThrottle(input({ emailFailures: elsewhere }), now)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("locks the email for unknown clients once failures from everywhere reach the email-wide maximum", () => {
    const everywhere = failures(MAX_EMAIL_FAILURES, 30_000);
    const d = decideLoginThrottle(input({ emailFailures: everywhere }), now);
    expect(d.allowed).toBe(false);
    if (!d.allowed) expect(d.retryAfterSeconds).toBe((THROTTLE_WINDOW_MS - (MAX_EMAIL_FAILURES - 1) * 30_000) / 1000);
  });

  it("still lets a client that signed in to the email before through the email-wide lock", () => {
    const everywhere = failures(MAX_EMAIL_FAILURES * 2);
    expect(decideLoginThrottle(input({ emailFailures: everywhere, knownClient: true }), now)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("forgets failures older than the window", () => {
    const old = Array.from({ length: 30 }, () => ago(THROTTLE_WINDOW_MS + 1));
    expect(decideLoginThrottle(input({ clientFailures: old, emailFailures: old }), now)).toEqual({ allowed: true, delayMs: 0 });
  });
});

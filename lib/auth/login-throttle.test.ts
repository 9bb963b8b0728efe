import { describe, expect, it } from "vitest";
import { decideLoginThrottle, MAX_FAILURES, THROTTLE_WINDOW_MS } from "./login-throttle";

const now = new Date("2026-11-25T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("decideLoginThrottle", () => {
  it("lets a first attempt through at once", () => {
    expect(decideLoginThrottle([], now)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("slows down growing failures", () => {
    const delays = [1, 2, 3, 4].map((n) => {
      const d = decideLoginThrottle(Array.from({ length: n }, (_, i) => ago(i * 1000)), now);
      return d.allowed ? d.delayMs : -1;
    });
    expect(delays).toEqual([250, 500, 1000, 2000]);
  });

  it("locks after the maximum and says for how long", () => {
    const failures = Array.from({ length: MAX_FAILURES }, (_, i) => ago(i * 60_000));
    const d = decideLoginThrottle(failures, now);
    expect(d.allowed).toBe(false);
    if (!d.allowed) expect(d.retryAfterSeconds).toBe((THROTTLE_WINDOW_MS - 4 * 60_000) / 1000);
  });

  it("forgets failures older than the window", () => {
    const failures = Array.from({ length: 10 }, () => ago(THROTTLE_WINDOW_MS + 1));
    expect(decideLoginThrottle(failures, now)).toEqual({ allowed: true, delayMs: 0 });
  });
});

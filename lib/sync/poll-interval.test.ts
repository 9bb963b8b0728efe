import { describe, expect, it } from "vitest";
import { IDLE_POLL_MS, pollIntervalFor, RUNNING_POLL_MS } from "./poll-interval";

describe("pollIntervalFor", () => {
  it("polls fast while a run is going and every second when idle", () => {
    expect(pollIntervalFor({ running: true, visible: true })).toBe(RUNNING_POLL_MS);
    expect(pollIntervalFor({ running: false, visible: true })).toBe(IDLE_POLL_MS);
    expect(IDLE_POLL_MS).toBeLessThanOrEqual(1000);
  });
  it("stops in a hidden tab", () => {
    expect(pollIntervalFor({ running: true, visible: false })).toBe(false);
  });
  it("backs off while the server fails, capped at 30 s", () => {
    expect(pollIntervalFor({ running: true, visible: true, failedAttempts: 1 })).toBe(2000);
    expect(pollIntervalFor({ running: false, visible: true, failedAttempts: 10 })).toBe(30_000);
  });
});

import { describe, expect, it } from "vitest";
import { decideRateStart, type RateUsage } from "./shared-rate-budget-decision";

const limits = { requestsPerWindow: 5, batchesPerWindow: 2, maxConcurrent: 3, windowMs: 1_000 };
const idle: RateUsage = {
  requestsInWindow: 0,
  batchesInWindow: 0,
  inFlight: 0,
  requestBlockerStartedAt: null,
  batchBlockerStartedAt: null,
  earliestInFlightExpiry: null,
};
const NOW = 10_000;

describe("decideRateStart", () => {
  it("starts when every count is under its limit", () => {
    expect(decideRateStart("request", { ...idle, requestsInWindow: 4, inFlight: 2 }, NOW, limits, 100)).toEqual({ start: true });
    expect(decideRateStart("batch", { ...idle, requestsInWindow: 4, batchesInWindow: 1, inFlight: 2 }, NOW, limits, 100)).toEqual({ start: true });
  });

  it("waits for the blocking request to leave the window", () => {
    const usage = { ...idle, requestsInWindow: 5, requestBlockerStartedAt: NOW - 700 };
    expect(decideRateStart("request", usage, NOW, limits, 100)).toEqual({ start: false, waitMs: 300, blockedBy: ["requests"] });
  });

  it("waits at least a millisecond when the blocker is on the boundary", () => {
    const usage = { ...idle, requestsInWindow: 5, requestBlockerStartedAt: NOW - 1_000 };
    expect(decideRateStart("request", usage, NOW, limits, 100)).toMatchObject({ start: false, waitMs: 1 });
  });

  it("blocks batches on the batch window while plain requests still go", () => {
    const usage = { ...idle, requestsInWindow: 2, batchesInWindow: 2, batchBlockerStartedAt: NOW - 400 };
    expect(decideRateStart("batch", usage, NOW, limits, 100)).toEqual({ start: false, waitMs: 600, blockedBy: ["batches"] });
    expect(decideRateStart("request", usage, NOW, limits, 100)).toEqual({ start: true });
  });

  it("polls for a concurrency slot, sooner when an in-flight lease expires first", () => {
    expect(decideRateStart("request", { ...idle, inFlight: 3 }, NOW, limits, 100)).toEqual({ start: false, waitMs: 100, blockedBy: ["concurrency"] });
    expect(decideRateStart("request", { ...idle, inFlight: 3, earliestInFlightExpiry: NOW + 30 }, NOW, limits, 100)).toMatchObject({ waitMs: 30 });
    expect(decideRateStart("request", { ...idle, inFlight: 3, earliestInFlightExpiry: NOW + 5_000 }, NOW, limits, 100)).toMatchObject({ waitMs: 100 });
  });

  it("waits for the longest of several blocking reasons", () => {
    const usage = { ...idle, requestsInWindow: 5, requestBlockerStartedAt: NOW - 900, batchesInWindow: 2, batchBlockerStartedAt: NOW - 200, inFlight: 3 };
    expect(decideRateStart("batch", usage, NOW, limits, 150)).toEqual({ start: false, waitMs: 800, blockedBy: ["requests", "batches", "concurrency"] });
  });

  it("polls when a window is full but the blocker is unknown", () => {
    expect(decideRateStart("request", { ...idle, requestsInWindow: 5 }, NOW, limits, 100)).toMatchObject({ start: false, waitMs: 100 });
  });
});

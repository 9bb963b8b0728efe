import type { RateKind, RateLimits } from "@/lib/qbo/limiter";

/** What the lease table says about one realm at one instant (all times epoch ms, database clock). */
export interface RateUsage {
  /** Leases of any kind started inside the window. */
  requestsInWindow: number;
  /** Batch leases started inside the window. */
  batchesInWindow: number;
  /** Leases neither released nor expired. */
  inFlight: number;
  /**
   * Start of the request lease whose leaving the window frees a slot: the `requestsPerWindow`-th
   * newest one. Null when fewer leases are in the window.
   */
  requestBlockerStartedAt: number | null;
  /** The same for batches (the `batchesPerWindow`-th newest batch lease). */
  batchBlockerStartedAt: number | null;
  /** Earliest expiry among the in-flight leases (a crashed holder's lease stops counting then). */
  earliestInFlightExpiry: number | null;
}

export type RateDecision =
  | { start: true }
  | { start: false; waitMs: number; blockedBy: Array<"requests" | "batches" | "concurrency"> };

/**
 * May a request of `kind` start now, and if not, how long until trying again is worthwhile? A
 * window slot frees at a known instant (the blocker leaves the window); a concurrency slot frees
 * when some holder releases, which the table cannot announce, so that is polled every `pollMs`
 * (or sooner, when an in-flight lease expires first). Every blocking reason must clear, so the
 * wait is the longest of them.
 */
export function decideRateStart(kind: RateKind, usage: RateUsage, now: number, limits: RateLimits, pollMs: number): RateDecision {
  const waits: number[] = [];
  const blockedBy: Array<"requests" | "batches" | "concurrency"> = [];
  const untilLeaves = (startedAt: number | null) => (startedAt === null ? pollMs : startedAt + limits.windowMs - now);

  if (usage.requestsInWindow >= limits.requestsPerWindow) {
    blockedBy.push("requests");
    waits.push(untilLeaves(usage.requestBlockerStartedAt));
  }
  if (kind === "batch" && usage.batchesInWindow >= limits.batchesPerWindow) {
    blockedBy.push("batches");
    waits.push(untilLeaves(usage.batchBlockerStartedAt));
  }
  if (usage.inFlight >= limits.maxConcurrent) {
    blockedBy.push("concurrency");
    const untilExpiry = usage.earliestInFlightExpiry === null ? pollMs : usage.earliestInFlightExpiry - now;
    waits.push(Math.min(pollMs, untilExpiry));
  }
  if (blockedBy.length === 0) return { start: true };
  // At least 1 ms: a blocker exactly on the boundary leaves the window on the next tick.
  return { start: false, waitMs: Math.max(1, Math.ceil(Math.max(...waits))), blockedBy };
}

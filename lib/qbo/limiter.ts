import { systemClock, type Clock } from "@/lib/qbo/clock";

export type RateKind = "request" | "batch";
export type Release = () => void;

/**
 * A realm's request budget. `acquire` resolves when a request may start and returns the
 * function to call when it has finished. The in-memory budget below serves one process; a
 * Postgres-backed implementation of this same interface can share the budget between workers.
 */
export interface RateBudget {
  acquire(kind: RateKind): Promise<Release>;
}

export interface RateLimits {
  /** Requests of any kind (a batch counts as one request too) per window. QBO: 500/min. */
  requestsPerWindow: number;
  /** Batch requests per window. QBO: 40/min per realm and app. */
  batchesPerWindow: number;
  /** Requests in flight at once. QBO: 10. */
  maxConcurrent: number;
  windowMs: number;
}

export const QBO_RATE_LIMITS: RateLimits = {
  requestsPerWindow: 500,
  batchesPerWindow: 40,
  maxConcurrent: 10,
  // A minute plus a second: QBO counts a request when it arrives, we when we send it, so a slot
  // reused exactly 60 s later can still land inside QBO's minute and cost a 429.
  windowMs: 61_000,
};

interface Waiter {
  kind: RateKind;
  grant: (release: Release) => void;
}

/** Sliding-window + concurrency limiter for one realm, in memory. Waiters are served in order. */
export class InMemoryRateBudget implements RateBudget {
  private readonly limits: RateLimits;
  private readonly clock: Clock;
  private readonly requestStarts: number[] = [];
  private readonly batchStarts: number[] = [];
  private readonly waiters: Waiter[] = [];
  private inFlight = 0;
  private cancelTimer: (() => void) | null = null;
  private timerAt = Number.POSITIVE_INFINITY;

  constructor(limits: Partial<RateLimits> = {}, clock: Clock = systemClock) {
    this.limits = { ...QBO_RATE_LIMITS, ...limits };
    this.clock = clock;
  }

  acquire(kind: RateKind): Promise<Release> {
    return new Promise((resolve) => {
      this.waiters.push({ kind, grant: resolve });
      this.pump();
    });
  }

  /** Current usage, for diagnostics and tests. */
  snapshot(): { inFlight: number; requestsInWindow: number; batchesInWindow: number; waiting: number } {
    this.prune(this.clock.now());
    return {
      inFlight: this.inFlight,
      requestsInWindow: this.requestStarts.length,
      batchesInWindow: this.batchStarts.length,
      waiting: this.waiters.length,
    };
  }

  private prune(now: number): void {
    const cutoff = now - this.limits.windowMs;
    while (this.requestStarts.length > 0 && (this.requestStarts[0] ?? 0) <= cutoff) this.requestStarts.shift();
    while (this.batchStarts.length > 0 && (this.batchStarts[0] ?? 0) <= cutoff) this.batchStarts.shift();
  }

  private pump(): void {
    const now = this.clock.now();
    this.prune(now);
    let wakeAt = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.waiters.length; ) {
      if (this.inFlight >= this.limits.maxConcurrent) return; // a release will pump again
      const waiter = this.waiters[i] as Waiter;
      const blockedUntil = this.windowBlockedUntil(waiter.kind);
      if (blockedUntil !== null) {
        wakeAt = Math.min(wakeAt, blockedUntil);
        // A request blocked by the request window blocks everyone after it; a batch blocked by
        // the batch window lets plain requests behind it go first.
        if (waiter.kind === "request" || this.requestStarts.length >= this.limits.requestsPerWindow) break;
        i++;
        continue;
      }
      this.waiters.splice(i, 1);
      this.start(waiter, now);
    }
    this.scheduleWake(wakeAt);
  }

  /** When the window frees a slot for this kind, or null when it has room now. */
  private windowBlockedUntil(kind: RateKind): number | null {
    const { windowMs, requestsPerWindow, batchesPerWindow } = this.limits;
    if (this.requestStarts.length >= requestsPerWindow) return (this.requestStarts[0] ?? 0) + windowMs;
    if (kind === "batch" && this.batchStarts.length >= batchesPerWindow) return (this.batchStarts[0] ?? 0) + windowMs;
    return null;
  }

  private start(waiter: Waiter, now: number): void {
    this.inFlight++;
    this.requestStarts.push(now);
    if (waiter.kind === "batch") this.batchStarts.push(now);
    let released = false;
    waiter.grant(() => {
      if (released) return;
      released = true;
      this.inFlight--;
      this.pump();
    });
  }

  private scheduleWake(at: number): void {
    if (at === Number.POSITIVE_INFINITY || at >= this.timerAt) return;
    this.cancelTimer?.();
    this.timerAt = at;
    this.cancelTimer = this.clock.setTimer(() => {
      this.cancelTimer = null;
      this.timerAt = Number.POSITIVE_INFINITY;
      this.pump();
    }, at - this.clock.now());
  }
}

/** One in-memory budget per realm, created on first use. */
export function createInMemoryRateBudgets(
  limits: Partial<RateLimits> = {},
  clock: Clock = systemClock,
): (realmId: string) => RateBudget {
  const budgets = new Map<string, InMemoryRateBudget>();
  return (realmId) => {
    let budget = budgets.get(realmId);
    if (!budget) {
      budget = new InMemoryRateBudget(limits, clock);
      budgets.set(realmId, budget);
    }
    return budget;
  };
}

/** No limits at all (for tests against a sandbox with throttling off). */
export const unlimitedRateBudget: RateBudget = {
  acquire: () => Promise.resolve(() => undefined),
};

/**
 * QBO's per-realm limits: 500 requests per sliding minute, 10 requests in flight, 40 batch
 * requests per minute. Over the limit the caller answers 429 / Fault 3001 (no Retry-After).
 */

export interface ThrottleLimits {
  perMinute: number;
  concurrent: number;
  batchPerMinute: number;
}

export const QBO_LIMITS: ThrottleLimits = { perMinute: 500, concurrent: 10, batchPerMinute: 40 };

const WINDOW_MS = 60_000;

interface RealmCounters {
  inFlight: number;
  recent: number[];
  recentBatches: number[];
}

function prune(times: number[], nowMs: number): void {
  let drop = 0;
  while (drop < times.length && (times[drop] ?? 0) <= nowMs - WINDOW_MS) drop += 1;
  if (drop > 0) times.splice(0, drop);
}

export class Throttle {
  private readonly realms = new Map<string, RealmCounters>();

  constructor(private readonly limits: ThrottleLimits = QBO_LIMITS) {}

  private counters(realmId: string): RealmCounters {
    let counters = this.realms.get(realmId);
    if (!counters) {
      counters = { inFlight: 0, recent: [], recentBatches: [] };
      this.realms.set(realmId, counters);
    }
    return counters;
  }

  /** Admits a request (and counts it in flight) or refuses it. Admitted requests must `leave`. */
  tryEnter(realmId: string, isBatch: boolean, nowMs: number): boolean {
    const counters = this.counters(realmId);
    prune(counters.recent, nowMs);
    prune(counters.recentBatches, nowMs);
    if (counters.inFlight >= this.limits.concurrent) return false;
    if (counters.recent.length >= this.limits.perMinute) return false;
    if (isBatch && counters.recentBatches.length >= this.limits.batchPerMinute) return false;
    counters.inFlight += 1;
    counters.recent.push(nowMs);
    if (isBatch) counters.recentBatches.push(nowMs);
    return true;
  }

  leave(realmId: string): void {
    const counters = this.counters(realmId);
    counters.inFlight = Math.max(0, counters.inFlight - 1);
  }

  reset(): void {
    this.realms.clear();
  }
}

import { hostname } from "node:os";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { QBO_RATE_LIMITS, type RateBudget, type RateKind, type RateLimits, type Release } from "@/lib/qbo/limiter";
import { decideRateStart, type RateUsage } from "./shared-rate-budget-decision";
import { logger } from "@/lib/log";

/** QBO gives up on a request after 120 s; a lease not released by then belongs to a dead holder. */
export const LEASE_TIMEOUT_MS = 150_000;
/** How often a request waiting for a concurrency slot looks again (releases are not announced). */
const CONCURRENCY_POLL_MS = 100;
/** Prune leases that left the window about once every this many acquisitions per budget. */
const PRUNE_EVERY = 200;

export interface SharedRateBudgetOptions {
  limits?: Partial<RateLimits>;
  leaseMs?: number;
  pollMs?: number;
  /** Tests: called with each decision the budget took (after the lock, before waiting). */
  onDecision?: (decision: ReturnType<typeof decideRateStart>) => void;
}

type Row = Record<string, unknown>;
/** postgres.js returns the rows as an array, PGlite as `{ rows }`. */
async function rowsOf(db: Pick<Db, "execute">, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown;
  return Array.isArray(result) ? (result as Row[]) : ((result as { rows: Row[] }).rows ?? []);
}
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * One realm's QBO budget shared by every process on the database: each request is a row in
 * `qbo_rate_leases`. Taking a slot happens under a per-realm transaction advisory lock, so the
 * count-then-insert cannot race across workers, and every instant comes from the database's clock
 * (`clock_timestamp()`, read after the lock), so workers on different machines agree on windows.
 * A holder that dies without releasing stops counting as in flight when its lease expires.
 */
export class SharedRateBudget implements RateBudget {
  private readonly limits: RateLimits;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private acquisitions = 0;

  constructor(
    private readonly db: Db,
    private readonly realmId: string,
    private readonly holder: string,
    private readonly options: SharedRateBudgetOptions = {},
  ) {
    this.limits = { ...QBO_RATE_LIMITS, ...options.limits };
    this.leaseMs = options.leaseMs ?? LEASE_TIMEOUT_MS;
    this.pollMs = options.pollMs ?? CONCURRENCY_POLL_MS;
  }

  async acquire(kind: RateKind): Promise<Release> {
    for (;;) {
      const outcome = await this.tryStart(kind);
      if ("leaseId" in outcome) return this.releaseFor(outcome.leaseId);
      // A little jitter so waiters of several workers do not queue on the lock in lockstep.
      await new Promise((resolve) => setTimeout(resolve, outcome.waitMs + Math.floor(Math.random() * Math.min(20, this.pollMs))));
    }
  }

  private async tryStart(kind: RateKind): Promise<{ leaseId: string } | { waitMs: number }> {
    const { windowMs, requestsPerWindow, batchesPerWindow } = this.limits;
    const prune = ++this.acquisitions % PRUNE_EVERY === 1;
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`qbo-rate:${this.realmId}`}))`);
      const [row] = await rowsOf(
        tx,
        sql`with t as (select clock_timestamp() as now),
          realm as (select * from qbo_rate_leases where realm_id = ${this.realmId}),
          recent as (select r.* from realm r, t where r.started_at > t.now - ${windowMs}::int * interval '1 millisecond')
        select
          extract(epoch from t.now)::float8 * 1000 as now_ms,
          (select count(*) from recent)::int as requests,
          (select count(*) from recent where kind = 'batch')::int as batches,
          (select count(*) from realm r where r.released_at is null and r.expires_at > t.now)::int as in_flight,
          (select extract(epoch from min(r.expires_at))::float8 * 1000 from realm r where r.released_at is null and r.expires_at > t.now) as earliest_expiry_ms,
          (select extract(epoch from started_at)::float8 * 1000 from recent order by started_at desc offset ${requestsPerWindow - 1}::int limit 1) as request_blocker_ms,
          (select extract(epoch from started_at)::float8 * 1000 from recent where kind = 'batch' order by started_at desc offset ${batchesPerWindow - 1}::int limit 1) as batch_blocker_ms,
          t.now::text as now_ts
        from t`,
      );
      if (!row) throw new Error("shared rate budget: the usage query returned nothing");
      const now = Number(row.now_ms);
      const usage: RateUsage = {
        requestsInWindow: Number(row.requests),
        batchesInWindow: Number(row.batches),
        inFlight: Number(row.in_flight),
        requestBlockerStartedAt: num(row.request_blocker_ms),
        batchBlockerStartedAt: num(row.batch_blocker_ms),
        earliestInFlightExpiry: num(row.earliest_expiry_ms),
      };
      const decision = decideRateStart(kind, usage, now, this.limits, this.pollMs);
      this.options.onDecision?.(decision);
      if (prune) {
        // Rows that left the window and are no longer in flight say nothing any more.
        await tx.execute(sql`delete from qbo_rate_leases
          where realm_id = ${this.realmId}
            and started_at <= clock_timestamp() - ${windowMs}::int * interval '1 millisecond'
            and (released_at is not null or expires_at <= clock_timestamp())`);
      }
      if (!decision.start) return { waitMs: decision.waitMs };
      // The lease starts at the instant the counts were taken (full precision, hence text), still under the lock.
      const [lease] = await rowsOf(
        tx,
        sql`insert into qbo_rate_leases (realm_id, kind, holder, started_at, expires_at)
          values (${this.realmId}, ${kind}, ${this.holder}, ${String(row.now_ts)}::timestamptz,
                  ${String(row.now_ts)}::timestamptz + ${this.leaseMs}::int * interval '1 millisecond')
          returning id`,
      );
      return { leaseId: String(lease!.id) };
    });
  }

  private releaseFor(leaseId: string): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // Fire and forget: the caller's request is done either way, and a lost release only keeps
      // the slot busy until the lease expires.
      void this.db
        .execute(sql`update qbo_rate_leases set released_at = clock_timestamp() where id = ${leaseId} and released_at is null`)
        .catch((error: unknown) =>
          logger().warn("qbo rate lease release failed", { leaseId, error }),
        );
    };
  }
}

/** Names this process in lease rows (diagnostics only: nothing keys on it). */
export function defaultLeaseHolder(): string {
  return `${hostname()}:${process.pid}`;
}

/** One shared budget per realm, created on first use; every worker on the database shares the limits. */
export function sharedRateBudgets(
  db: Db,
  holder: string = defaultLeaseHolder(),
  limits: Partial<RateLimits> = {},
  options: Omit<SharedRateBudgetOptions, "limits"> = {},
): (realmId: string) => RateBudget {
  const budgets = new Map<string, SharedRateBudget>();
  return (realmId) => {
    let budget = budgets.get(realmId);
    if (!budget) {
      budget = new SharedRateBudget(db, realmId, holder, { ...options, limits });
      budgets.set(realmId, budget);
    }
    return budget;
  };
}

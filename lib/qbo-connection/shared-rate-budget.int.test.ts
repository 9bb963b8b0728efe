import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { qboRateLeases } from "@/lib/db/schema";
import type { RateKind } from "@/lib/qbo/limiter";
import { createPostgresTestDatabase, onPostgres, type PostgresTestDatabase } from "@/lib/testing/postgres-test-database";
import { SharedRateBudget } from "./shared-rate-budget";

// Two workers need two real connections: PGlite has one, so this runs on PostgreSQL only.
describe.skipIf(!onPostgres)("a QBO rate budget shared by workers through PostgreSQL", () => {
  let database: PostgresTestDatabase;

  beforeAll(async () => {
    database = await createPostgresTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  type Lease = { holder: string; kind: string; started: number; released: number; expires: number };
  /** Lease times in microseconds from the database (JS dates would round them to milliseconds). */
  async function leasesOf(realmId: string): Promise<Lease[]> {
    const rows = await database.handle.query<{ holder: string; kind: string; started: string; released: string | null; expires: string }>(
      `select holder, kind,
         (extract(epoch from started_at) * 1000000)::bigint::text as started,
         (extract(epoch from released_at) * 1000000)::bigint::text as released,
         (extract(epoch from expires_at) * 1000000)::bigint::text as expires
       from qbo_rate_leases where realm_id = $1 order by started_at`,
      [realmId],
    );
    return rows.map((r) => ({
      holder: r.holder,
      kind: r.kind,
      started: Number(r.started),
      released: r.released === null ? Number.POSITIVE_INFINITY : Number(r.released),
      expires: Number(r.expires),
    }));
  }

  async function allReleased(realmId: string) {
    for (let i = 0; i < 100; i += 1) {
      const open = await database.handle.db
        .select({ id: qboRateLeases.id })
        .from(qboRateLeases)
        .where(and(eq(qboRateLeases.realmId, realmId), isNull(qboRateLeases.releasedAt)));
      if (open.length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("leases were not released");
  }

  it("never lets two workers together start more than the window allows or run more than the concurrency limit", { timeout: 30_000 }, async () => {
    const limits = { requestsPerWindow: 20, batchesPerWindow: 4, maxConcurrent: 3, windowMs: 1_500 };
    const realmId = "realm-shared";
    const blocked = new Set<string>();
    const onDecision = (decision: { start: boolean; blockedBy?: string[] }) => decision.blockedBy?.forEach((reason) => blocked.add(reason));
    const workerA = new SharedRateBudget((await database.connect(3)).db, realmId, "worker-a", { limits, onDecision });
    const workerB = new SharedRateBudget((await database.connect(3)).db, realmId, "worker-b", { limits, onDecision });

    // Each worker fires 25 requests at once (every 5th a batch) that hold their slot for a moment.
    const fire = (budget: SharedRateBudget) =>
      Array.from({ length: 25 }, async (_, i) => {
        const kind: RateKind = i % 5 === 0 ? "batch" : "request";
        const release = await budget.acquire(kind);
        await new Promise((resolve) => setTimeout(resolve, 5 + ((i * 7) % 20)));
        release();
      });
    await Promise.all([...fire(workerA), ...fire(workerB)]);
    await allReleased(realmId);

    const leases = await leasesOf(realmId);
    expect(leases).toHaveLength(50);
    expect(new Set(leases.map((l) => l.holder))).toEqual(new Set(["worker-a", "worker-b"]));
    // The limits were reached, so the budget really had to hold requests back.
    expect(blocked.has("requests")).toBe(true);
    expect(blocked.has("concurrency")).toBe(true);

    const windowUs = limits.windowMs * 1000;
    for (const lease of leases) {
      const start = lease.started;
      // Every window (start − window, start] holds at most the limit of starts, of batches…
      const inWindow = leases.filter((l) => l.started > start - windowUs && l.started <= start);
      expect(inWindow.length).toBeLessThanOrEqual(limits.requestsPerWindow);
      expect(inWindow.filter((l) => l.kind === "batch").length).toBeLessThanOrEqual(limits.batchesPerWindow);
      // …and at each start at most the concurrency limit is in flight, this one included.
      const inFlight = leases.filter((l) => l.started <= start && Math.min(l.released, l.expires) > start);
      expect(inFlight.length).toBeLessThanOrEqual(limits.maxConcurrent);
    }
    // Held back, not dropped: the 50 starts span more than two windows.
    expect(leases.at(-1)!.started - leases[0]!.started).toBeGreaterThan(2 * windowUs);
  });

  it("stops counting a crashed holder's unreleased lease once it expires", { timeout: 20_000 }, async () => {
    const limits = { requestsPerWindow: 100, batchesPerWindow: 10, maxConcurrent: 2, windowMs: 60_000 };
    const realmId = "realm-crash";
    // The "crashed" worker takes every slot and never releases: its process died mid-request.
    const crashed = new SharedRateBudget((await database.connect(1)).db, realmId, "crashed", { limits, leaseMs: 1_000 });
    await crashed.acquire("request");
    await crashed.acquire("request");
    const survivor = new SharedRateBudget((await database.connect(1)).db, realmId, "survivor", { limits });
    const release = await survivor.acquire("request");
    release();
    await allReleasedBy(realmId, "survivor");

    const leases = await leasesOf(realmId);
    const dead = leases.filter((l) => l.holder === "crashed");
    const [alive] = leases.filter((l) => l.holder === "survivor");
    expect(dead).toHaveLength(2);
    expect(dead.every((l) => l.released === Number.POSITIVE_INFINITY)).toBe(true);
    // The survivor started only when the first dead lease had expired, not before.
    expect(alive!.started).toBeGreaterThanOrEqual(Math.min(...dead.map((l) => l.expires)));
  });

  async function allReleasedBy(realmId: string, holder: string) {
    for (let i = 0; i < 100; i += 1) {
      const open = await database.handle.db
        .select({ id: qboRateLeases.id })
        .from(qboRateLeases)
        .where(and(eq(qboRateLeases.realmId, realmId), eq(qboRateLeases.holder, holder), isNull(qboRateLeases.releasedAt)));
      if (open.length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${holder}'s leases were not released`);
  }
});

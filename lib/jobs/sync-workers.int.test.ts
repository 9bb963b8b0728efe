import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncRuns } from "@/lib/db/schema";
import { startSandboxServer, type SandboxServer } from "@/lib/qbo-sandbox";
import { unlimitedRateBudget } from "@/lib/qbo";
import type { ConnectionDeps } from "@/lib/qbo-connection/connection";
import { createQboClientFactory } from "@/lib/qbo-connection/client-factory";
import { sharedRateBudgets } from "@/lib/qbo-connection/shared-rate-budget";
import { setStandardPreferences, syncNow } from "@/lib/sync/engine/sandbox-org";
import { createPostgresTestDatabase, onPostgres, type PostgresTestDatabase } from "@/lib/testing/postgres-test-database";
import { connectedSandboxOrg, createAppBills, sandboxConnectionDeps, unfinishedSyncJobs, waitFor } from "@/lib/testing/sandbox-workers";
import { startSyncJobs, type SyncJobs } from "./sync-jobs";

const ORGS = 6;
const SEED = { vendors: 2, customers: 2, bills: 4, invoices: 4, randomSeed: 11 };

// Two workers = two pg-boss instances and two connection pools on one real PostgreSQL database.
describe.skipIf(!onPostgres)("two sync workers serving many companies", () => {
  let database: PostgresTestDatabase;
  let server: SandboxServer;
  let deps: ConnectionDeps;
  const workers: SyncJobs[] = [];

  beforeAll(async () => {
    database = await createPostgresTestDatabase();
    server = await startSandboxServer({ port: 0, throttling: true });
    deps = sandboxConnectionDeps(server);
  });
  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await server?.close();
    await database?.close();
  });

  async function startWorker(name: string, finished: Map<string, string[]>) {
    const pool = await database.connect(6);
    const jobs = await startSyncJobs({
      handle: pool,
      connectionString: database.url,
      clientFactory: createQboClientFactory(pool.db, deps, sharedRateBudgets(pool.db, name)),
      concurrency: 2,
      log: (message, extra) => {
        if (message === "sync job finished") finished.set(name, [...(finished.get(name) ?? []), String(extra?.runId)]);
      },
    });
    workers.push(jobs);
    return jobs;
  }

  it("runs every company's syncs one at a time, shares the work, and writes each record to QBO once", { timeout: 90_000 }, async () => {
    const db = database.handle.db;
    const setupFactory = createQboClientFactory(db, deps, () => unlimitedRateBudget);
    const orgs = [];
    for (let i = 0; i < ORGS; i += 1) {
      const org = await connectedSandboxOrg(db, server, deps, SEED);
      await syncNow(db, org.organizationId, { clientFactory: setupFactory }); // brings the chart of accounts
      await setStandardPreferences(db, org.organizationId, org.userId);
      orgs.push({ ...org, billNumbers: await createAppBills(db, org.organizationId, 6, `W${i}A`) });
    }

    const finished = new Map<string, string[]>();
    const workerA = await startWorker("worker-a", finished);
    const workerB = await startWorker("worker-b", finished);

    // Each company is asked for three times, by either worker; more app bills arrive in between.
    for (let round = 0; round < 3; round += 1) {
      for (const [i, org] of orgs.entries()) {
        const jobs = (i + round) % 2 === 0 ? workerA : workerB;
        await jobs.enqueueSync({ organizationId: org.organizationId, trigger: "manual" });
      }
      if (round === 1) {
        for (const [i, org] of orgs.entries()) org.billNumbers.push(...(await createAppBills(db, org.organizationId, 3, `W${i}B`)));
      }
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    await waitFor("the sync jobs to finish", async () => (await unfinishedSyncJobs(db)) === 0, 75_000, 200);
    // Bills added after a company's last run started may still be waiting: one more round settles them.
    for (const org of orgs) await workerA.enqueueSync({ organizationId: org.organizationId, trigger: "manual" });
    await waitFor("the last sync jobs to finish", async () => (await unfinishedSyncJobs(db)) === 0, 60_000, 200);

    const failedJobs = await database.handle.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = 'sync' and (state = 'failed' or retry_count > 0)`);
    expect(failedJobs[0]?.n).toBe(0);
    // Both workers took jobs.
    expect(finished.get("worker-a")?.length ?? 0).toBeGreaterThan(0);
    expect(finished.get("worker-b")?.length ?? 0).toBeGreaterThan(0);

    const runs = await db
      .select()
      .from(syncRuns)
      .where(inArray(syncRuns.organizationId, orgs.map((o) => o.organizationId)))
      .orderBy(asc(syncRuns.startedAt));
    for (const org of orgs) {
      const own = runs.filter((r) => r.organizationId === org.organizationId && r.trigger === "manual");
      expect(own.length).toBeGreaterThanOrEqual(2);
      expect(own.every((r) => r.status === "succeeded" || r.status === "partial")).toBe(true);
      // Never two runs of one company at the same time.
      for (let i = 1; i < own.length; i += 1) {
        expect(own[i]!.startedAt!.getTime()).toBeGreaterThanOrEqual(own[i - 1]!.finishedAt!.getTime());
      }
      // Every app bill is in the company's QBO exactly once.
      const client = (await setupFactory(org.organizationId))!.client;
      for (const billNumber of org.billNumbers) {
        expect({ billNumber, inQbo: await client.count("Bill", `DocNumber = '${billNumber}'`) }).toEqual({ billNumber, inQbo: 1 });
      }
    }
    const allRuns = await db.select({ id: syncRuns.id }).from(syncRuns).where(eq(syncRuns.trigger, "manual"));
    expect(new Set([...(finished.get("worker-a") ?? []), ...(finished.get("worker-b") ?? [])])).toEqual(new Set(allRuns.map((r) => r.id)));
  });
});

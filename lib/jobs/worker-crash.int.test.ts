import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncIntentions, syncRuns } from "@/lib/db/schema";
import { unlimitedRateBudget } from "@/lib/qbo";
import { startSandboxServer, type SandboxServer } from "@/lib/qbo-sandbox";
import type { ConnectionDeps } from "@/lib/qbo-connection/connection";
import { createQboClientFactory } from "@/lib/qbo-connection/client-factory";
import { sharedRateBudgets } from "@/lib/qbo-connection/shared-rate-budget";
import { setStandardPreferences, syncNow } from "@/lib/sync/engine/sandbox-org";
import { createPostgresTestDatabase, onPostgres, type PostgresTestDatabase } from "@/lib/testing/postgres-test-database";
import {
  connectedSandboxOrg,
  createAppBills,
  mappedBillCount,
  sandboxConnectionDeps,
  sandboxWorkerEnv,
  spawnWorker,
  unfinishedSyncJobs,
  waitFor,
} from "@/lib/testing/sandbox-workers";
import { startSyncJobs, SYNC_QUEUE, type SyncJobs } from "./sync-jobs";

const BILLS = 120; // four batches of 30
/**
 * pg-boss hands a job to another worker only after it expires (it has no heartbeat), and the
 * production queue allows an hour. This test's queue expires jobs after 10 s and retries after
 * 1 s; a supervisor below expires them every second (the workers' own maintenance runs every 2 min).
 */
const TEST_QUEUE = { policy: "short", retryLimit: 3, retryDelay: 1, retryBackoff: false, expireInSeconds: 10 } as const;

describe.skipIf(!onPostgres)("a worker killed in the middle of a sync", () => {
  let database: PostgresTestDatabase;
  let server: SandboxServer;
  let deps: ConnectionDeps;
  let supervisor: PgBoss | undefined;
  let survivor: SyncJobs | undefined;
  let child: ChildProcess | undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), "worker-crash-"));

  beforeAll(async () => {
    database = await createPostgresTestDatabase();
    server = await startSandboxServer({ port: 0, throttling: false });
    deps = sandboxConnectionDeps(server);
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await survivor?.stop();
    await supervisor?.stop({ graceful: false, wait: true });
    await server?.close();
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("is finished by another worker, and every app bill reaches QBO exactly once", { timeout: 100_000 }, async () => {
    const db = database.handle.db;
    const direct = createQboClientFactory(db, deps, () => unlimitedRateBudget);
    const org = await connectedSandboxOrg(db, server, deps, { vendors: 1, customers: 1, bills: 0, invoices: 0 });
    await syncNow(db, org.organizationId, { clientFactory: direct });
    await setStandardPreferences(db, org.organizationId, org.userId);
    const billNumbers = await createAppBills(db, org.organizationId, BILLS, "KILL");

    supervisor = new PgBoss({ connectionString: database.url, schema: "pgboss", supervise: true, schedule: false, maintenanceIntervalSeconds: 1, max: 2 });
    supervisor.on("error", () => undefined);
    await supervisor.start();
    await supervisor.createQueue(SYNC_QUEUE, { name: SYNC_QUEUE, ...TEST_QUEUE });

    // Every batch write of this company is slow, so the push of the bills takes a few seconds.
    server.sandbox.injectFault({ kind: "slow", realmId: org.realmId, pathMatch: "/batch", delayMs: 1_500, count: 1_000 });

    // The worker that will die: a real `npm run worker` process.
    const worker = spawnWorker(sandboxWorkerEnv(server, database.url, dataDir), 1);
    child = worker.child;
    await worker.started;

    await supervisor.send(SYNC_QUEUE, { organizationId: org.organizationId, trigger: "manual" }, { singletonKey: org.organizationId });

    // Kill it once some bills are in QBO and recorded, and the next batch has been sent (its
    // intentions are pending) but not answered yet: the worst moment for exactly-once delivery.
    const pendingIntentions = async () =>
      (await db.select({ id: syncIntentions.id }).from(syncIntentions).where(and(eq(syncIntentions.organizationId, org.organizationId), eq(syncIntentions.status, "pending")))).length;
    await waitFor(
      "the push to be under way",
      async () => {
        const mapped = await mappedBillCount(db, org.organizationId, "KILL");
        return mapped >= 30 && mapped < BILLS && (await pendingIntentions()) > 0;
      },
      40_000,
      25,
    );
    // Let the sent batch reach the sandbox, where it sits in the injected delay; QBO then takes it
    // although its sender is gone, so QBO ends up holding bills the app never recorded.
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill("SIGKILL");
    await worker.exited;
    const client = (await direct(org.organizationId))!.client;
    const billsInQbo = async () => {
      let found = 0;
      for (const billNumber of billNumbers) found += await client.count("Bill", `DocNumber = '${billNumber}'`);
      return found;
    };
    const recordedAtKill = await mappedBillCount(db, org.organizationId, "KILL");
    await waitFor("QBO to take the batch the dead worker sent", async () => (await billsInQbo()) > recordedAtKill, 5_000, 200);
    const [killedRun] = await db.select().from(syncRuns).where(and(eq(syncRuns.organizationId, org.organizationId), eq(syncRuns.trigger, "manual")));
    expect(killedRun?.status).toBe("running");
    expect(recordedAtKill).toBeLessThan(BILLS);

    // Two minutes without a heartbeat mark a run dead; the test moves its heartbeat back instead of waiting.
    await db
      .update(syncRuns)
      .set({ heartbeatAt: new Date(Date.now() - 3 * 60_000), startedAt: new Date(Date.now() - 3 * 60_000) })
      .where(eq(syncRuns.id, killedRun!.id));
    server.sandbox.clearFaults();

    const survivorPool = await database.connect(4);
    survivor = await startSyncJobs({
      handle: survivorPool,
      connectionString: database.url,
      clientFactory: createQboClientFactory(survivorPool.db, deps, sharedRateBudgets(survivorPool.db, "survivor")),
      concurrency: 1,
      log: () => undefined,
    });
    await waitFor("the re-delivered job to finish", async () => (await unfinishedSyncJobs(db)) === 0, 60_000, 200);

    const runs = await db.select().from(syncRuns).where(and(eq(syncRuns.organizationId, org.organizationId), eq(syncRuns.trigger, "manual"))).orderBy(asc(syncRuns.createdAt));
    expect(runs[0]).toMatchObject({ id: killedRun!.id, status: "interrupted" });
    // "partial" only because the seeded company holds bills the rules skip (foreign currency, voided…).
    expect(runs.at(-1)).toMatchObject({ status: "partial", error: null });
    expect(runs.at(-1)?.counts["bill"]?.failed).toBe(0);
    expect(await mappedBillCount(db, org.organizationId, "KILL")).toBe(BILLS);
    expect(await pendingIntentions()).toBe(0);
    for (const billNumber of billNumbers) {
      expect({ billNumber, inQbo: await client.count("Bill", `DocNumber = '${billNumber}'`) }).toEqual({ billNumber, inQbo: 1 });
    }
  });
});

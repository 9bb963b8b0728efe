/**
 * Dead runs are noticed fast (issue 11, point 4): once a run's heartbeat lapses (its worker or the
 * app was killed) the status API stops showing it as running, it is marked interrupted, and its
 * organisation's sync starts again by itself — at a worker's start-up and while workers run.
 */
import { and, asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/connection";
import { syncRuns } from "@/lib/db/schema";
import { startSandboxServer, type SandboxServer } from "@/lib/qbo-sandbox";
import { executeSyncRun, requestSync } from "@/lib/sync/engine";
import { getSyncStatus } from "@/lib/sync/engine/status";
import { createTestDatabase } from "@/lib/testing/test-database";
import { appClientFactory, bossConnectionString, capturingLogger, connectedOrganization, eventually } from "./job-test-fixtures";
import { startSyncJobs, type SyncJobs } from "./sync-jobs";

let handle: DatabaseHandle;
let server: SandboxServer;
let jobs: SyncJobs | undefined;
const log = capturingLogger("debug");

beforeAll(async () => {
  handle = await createTestDatabase();
  server = await startSandboxServer({ port: 0, throttling: false });
}, 60_000);
afterEach(async () => {
  await jobs?.stop();
  jobs = undefined;
});
afterAll(async () => {
  await server?.close();
  await handle?.close();
});

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

/** A run left "running" by a process that died `minutes` ago, 65 % through. */
async function deadRun(organizationId: string, minutes: number, userId?: string) {
  const [row] = await handle.db
    .insert(syncRuns)
    .values({ organizationId, trigger: "manual", triggeredBy: userId ?? null, status: "running", phase: "bills_invoices", percent: 65, startedAt: minutesAgo(minutes + 1), heartbeatAt: minutesAgo(minutes), createdAt: minutesAgo(minutes + 1) })
    .returning();
  return row!;
}

const runsOf = (organizationId: string) => handle.db.select().from(syncRuns).where(eq(syncRuns.organizationId, organizationId)).orderBy(asc(syncRuns.createdAt));

function start(options: { reclaimEveryMs?: number } = {}) {
  return (async () =>
    startSyncJobs({
      handle,
      connectionString: await bossConnectionString(handle),
      clientFactory: appClientFactory(handle, server),
      logger: log.logger,
      ...options,
    }))();
}

describe("a run whose heartbeat lapsed", () => {
  it("is not shown as running by the status API (the sync icon) once its heartbeat is 2 minutes old", async () => {
    const org = await connectedOrganization(handle, server);
    const fresh = await deadRun(org.organizationId, 0.5);
    expect((await getSyncStatus(handle.db, org.organizationId)).activeRun?.id).toBe(fresh.id);
    await handle.db.update(syncRuns).set({ heartbeatAt: minutesAgo(2.5) }).where(eq(syncRuns.id, fresh.id));
    expect((await getSyncStatus(handle.db, org.organizationId)).activeRun).toBeNull();
  });

  it("is marked interrupted, with a plain message, when Sync Now replaces it at once", async () => {
    const org = await connectedOrganization(handle, server);
    const dead = await deadRun(org.organizationId, 3);
    const replaced = await requestSync(handle.db, { organizationId: org.organizationId, trigger: "manual" });
    expect(replaced.runId).not.toBe(dead.id);
    const [old] = await handle.db.select().from(syncRuns).where(eq(syncRuns.id, dead.id));
    expect(old).toMatchObject({ status: "interrupted", finishedAt: expect.any(Date) });
    expect(old?.error).toMatch(/interrupted/i);
    expect(old?.error).not.toMatch(/failed query|select|insert|at .*\.ts/i);
    expect((await getSyncStatus(handle.db, org.organizationId)).lastRun?.id).toBe(dead.id);
  });

  it("is reclaimed by a worker starting up: marked interrupted and its organisation synced again, without anyone asking", { timeout: 60_000 }, async () => {
    const org = await connectedOrganization(handle, server);
    const dead = await deadRun(org.organizationId, 3, org.userId);
    jobs = await start();
    const runs = await eventually(async () => {
      const rows = await runsOf(org.organizationId);
      return rows.length === 2 && !["queued", "running"].includes(rows[1]!.status) ? rows : null;
    });
    expect(runs[0]).toMatchObject({ id: dead.id, status: "interrupted" });
    expect(runs[1]).toMatchObject({ trigger: "manual", triggeredBy: org.userId });
    expect(runs[1]?.status).not.toBe("failed");
  });

  it("is reclaimed while workers run, within their sweep", { timeout: 60_000 }, async () => {
    jobs = await start({ reclaimEveryMs: 250 });
    const org = await connectedOrganization(handle, server);
    const dead = await deadRun(org.organizationId, 2.5);
    const runs = await eventually(async () => {
      const rows = await runsOf(org.organizationId);
      return rows.length === 2 && !["queued", "running"].includes(rows[1]!.status) ? rows : null;
    });
    expect(runs[0]).toMatchObject({ id: dead.id, status: "interrupted" });
    expect(runs[1]?.status).not.toBe("failed");
  });

  it("on the embedded database, every run still 'running' at start-up is dead (one process holds the database)", { timeout: 60_000 }, async () => {
    if (handle.kind !== "pglite") return;
    const org = await connectedOrganization(handle, server);
    const killedJustNow = await deadRun(org.organizationId, 0.1);
    jobs = await start();
    const [reclaimed] = await eventually(async () => {
      const rows = await handle.db.select().from(syncRuns).where(and(eq(syncRuns.id, killedJustNow.id), eq(syncRuns.status, "interrupted")));
      return rows.length === 1 ? rows : null;
    });
    expect(reclaimed?.status).toBe("interrupted");
  });
});

describe("a run taken over while it was still going", () => {
  it("stops at its next heartbeat and leaves the run as the other process marked it", { timeout: 60_000 }, async () => {
    const org = await connectedOrganization(handle, server);
    const { runId } = await requestSync(handle.db, { organizationId: org.organizationId, trigger: "manual" });
    const factory = appClientFactory(handle, server);
    const summary = await executeSyncRun(handle.db, runId, {
      clientFactory: async (organizationId) => {
        // While this run connects, another process decides it was dead.
        await handle.db.update(syncRuns).set({ status: "interrupted", error: "interrupted elsewhere", finishedAt: new Date() }).where(eq(syncRuns.id, runId));
        return factory(organizationId);
      },
    });
    expect(summary.status).toBe("interrupted");
    const [row] = await handle.db.select().from(syncRuns).where(eq(syncRuns.id, runId));
    expect(row).toMatchObject({ status: "interrupted", error: "interrupted elsewhere" });
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/connection";
import { syncRuns } from "@/lib/db/schema";
import { startSandboxServer, type SandboxServer } from "@/lib/qbo-sandbox";
import { startSyncInBackground } from "@/lib/sync/start-sync";
import { createTestDatabase } from "@/lib/testing/test-database";
import { appClientFactory, bossConnectionString, capturingLogger, connectedOrganization, eventually } from "./job-test-fixtures";
import { SYNC_QUEUE, startSyncJobs, type SyncJobs } from "./sync-jobs";

let handle: DatabaseHandle;
let server: SandboxServer;
let jobs: SyncJobs;
const log = capturingLogger("debug");

beforeAll(async () => {
  handle = await createTestDatabase();
  server = await startSandboxServer({ port: 0, throttling: false });
  jobs = await startSyncJobs({
    handle,
    connectionString: await bossConnectionString(handle),
    clientFactory: appClientFactory(handle, server),
    logger: log.logger,
  });
}, 60_000);

afterAll(async () => {
  await jobs?.stop();
  await server?.close();
  await handle?.close();
});

const finished = (runId: string) =>
  eventually(async () => {
    const [run] = await handle.db.select().from(syncRuns).where(eq(syncRuns.id, runId));
    return run && !["queued", "running"].includes(run.status) ? run : null;
  });

describe("Sync Now runs as a job", () => {
  it("creates the run at once, a second request joins it, and a queue worker executes it", async () => {
    const org = await connectedOrganization(handle, server);
    const input = { organizationId: org.organizationId, trigger: "manual" as const, userId: org.userId };
    const first = await startSyncInBackground(handle.db, input, async () => jobs);
    expect(first.joined).toBe(false);
    const second = await startSyncInBackground(handle.db, input, async () => jobs);
    expect(second).toEqual({ runId: first.runId, joined: true });

    const run = await finished(first.runId);
    // No preferences yet: the chart of accounts comes in, transactions wait (a partial run).
    expect(run.status).toBe("partial");
    expect(run.trigger).toBe("manual");
    expect(run.triggeredBy).toBe(org.userId);

    // One job, carrying the run, completed with the run's outcome (pg-boss marks the job completed
    // just after the run row is finished, so wait for it).
    const rows = await eventually(async () => {
      const found = await handle.query<{ data: Record<string, unknown>; state: string; output: Record<string, unknown> }>(
        "select data, state, output from pgboss.job where name = $1 and data->>'organizationId' = $2",
        [SYNC_QUEUE, org.organizationId],
      );
      return found.every((row) => row.state !== "active" && row.state !== "created") ? found : null;
    });
    expect(rows).toEqual([
      {
        data: { organizationId: org.organizationId, trigger: "manual", userId: org.userId, runId: first.runId },
        state: "completed",
        output: { runId: first.runId, status: "partial" },
      },
    ]);
  }, 60_000);

  it("every QBO request line of the run carries the run, organisation, realm, job and intuit_tid, at debug", async () => {
    const org = await connectedOrganization(handle, server);
    const { runId } = await startSyncInBackground(handle.db, { organizationId: org.organizationId, trigger: "manual" }, async () => jobs);
    await finished(runId);
    await eventually(async () => log.lines.some((l) => l.message === "sync job finished" && l.runId === runId));

    const requests = log.lines.filter((l) => l.message === "qbo.request" && l.organizationId === org.organizationId);
    expect(requests.length).toBeGreaterThan(1);
    for (const line of requests) {
      expect(line).toMatchObject({ level: "debug", runId, organizationId: org.organizationId, realmId: org.realmId, status: 200 });
      expect(line.jobId).toEqual(expect.any(String));
      expect(line.intuitTid).toEqual(expect.any(String));
    }
    expect(log.lines.find((l) => l.message === "sync job started" && l.runId === runId)).toMatchObject({ level: "info", organizationId: org.organizationId, trigger: "manual" });
  }, 60_000);

  it("a Sync Now while a debounced job waits brings that job forward, and it runs the new run", async () => {
    const org = await connectedOrganization(handle, server);
    // A QuickBooks change was announced: a webhook job waits out its debounce.
    await jobs.enqueueSync({ organizationId: org.organizationId, trigger: "webhook" }, { delaySeconds: 3600 });
    const { runId, joined } = await startSyncInBackground(handle.db, { organizationId: org.organizationId, trigger: "manual" }, async () => jobs);
    expect(joined).toBe(false);
    const run = await finished(runId);
    expect(run.trigger).toBe("manual");
    // pg-boss records the job's output just after the run row is finished: wait for it.
    const [job] = await eventually(async () => {
      const rows = await handle.query<{ data: Record<string, unknown>; output: Record<string, unknown> | null; state: string }>(
        "select data, output, state from pgboss.job where name = $1 and data->>'organizationId' = $2",
        [SYNC_QUEUE, org.organizationId],
      );
      return rows.length === 1 && rows[0]!.state === "completed" ? rows.map(({ data, output }) => ({ data, output })) : null;
    });
    expect(job).toEqual({ data: { organizationId: org.organizationId, trigger: "webhook" }, output: { runId, status: run.status } });
  }, 60_000);

  it("when the queue cannot take the job, the run is closed and the person is told", async () => {
    const org = await connectedOrganization(handle, server);
    const broken = async () => ({
      enqueueSync: async () => {
        throw new Error("queue down");
      },
    });
    await expect(startSyncInBackground(handle.db, { organizationId: org.organizationId, trigger: "manual" }, broken)).rejects.toThrow(
      "The sync could not start",
    );
    const runs = await handle.db.select().from(syncRuns).where(eq(syncRuns.organizationId, org.organizationId));
    expect(runs).toMatchObject([{ status: "failed", error: "The sync could not be queued. Please try again in a minute." }]);
  });
});

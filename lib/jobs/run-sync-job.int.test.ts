import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { syncRuns } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";
import { capturingLogger } from "./job-test-fixtures";
import { BUSY_REQUEUE_SECONDS, chooseRunForJob, runSyncJob } from "./run-sync-job";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle?.close());

const now = new Date("2030-06-01T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
let counter = 0;

async function org() {
  counter += 1;
  const { organization } = await signUp(handle.db, { name: "R", email: `r${counter}@example.com`, password: "a fine password", organizationName: `R${counter}` });
  return organization.id;
}

async function run(organizationId: string, values: Partial<typeof syncRuns.$inferInsert>) {
  const [row] = await handle.db
    .insert(syncRuns)
    .values({ organizationId, trigger: "manual", createdAt: minutesAgo(1), ...values })
    .returning({ id: syncRuns.id });
  return row!.id;
}

describe("chooseRunForJob", () => {
  it("a job with a run executes that run while it waits", async () => {
    const o = await org();
    const runId = await run(o, { status: "queued" });
    expect(await chooseRunForJob(handle.db, { organizationId: o, trigger: "manual", runId }, now)).toEqual({ runId });
  });

  it("takes over its run when the process running it died", async () => {
    const o = await org();
    const runId = await run(o, { status: "running", startedAt: minutesAgo(10), heartbeatAt: minutesAgo(5) });
    expect(await chooseRunForJob(handle.db, { organizationId: o, trigger: "manual", runId }, now)).toEqual({ runId });
  });

  it("skips a run that finished or is live elsewhere, unless another run of the organisation waits for a job", async () => {
    const o = await org();
    const done = await run(o, { status: "succeeded", finishedAt: minutesAgo(1) });
    expect(await chooseRunForJob(handle.db, { organizationId: o, trigger: "manual", runId: done }, now)).toEqual({ skipped: "run is finished" });
    const live = await run(o, { status: "running", startedAt: minutesAgo(1), heartbeatAt: now });
    expect(await chooseRunForJob(handle.db, { organizationId: o, trigger: "manual", runId: live }, now)).toEqual({ skipped: "run is running elsewhere" });
    await handle.db.update(syncRuns).set({ status: "succeeded", finishedAt: now }).where(eq(syncRuns.id, live));
    const waiting = await run(o, { status: "queued" });
    expect(await chooseRunForJob(handle.db, { organizationId: o, trigger: "manual", runId: done }, now)).toEqual({ runId: waiting });
  });

  it("never runs another organisation's run", async () => {
    const mine = await org();
    const theirs = await run(await org(), { status: "queued" });
    expect(await chooseRunForJob(handle.db, { organizationId: mine, trigger: "manual", runId: theirs }, now)).toEqual({ skipped: "run not found" });
  });

  it("a job without a run starts one, or joins a waiting one", async () => {
    const o = await org();
    // The run row is stamped by the database clock: judge its age by the real one.
    const created = await chooseRunForJob(handle.db, { organizationId: o, trigger: "automatic" }, new Date());
    expect(created).toEqual({ runId: expect.any(String) });
    expect(await chooseRunForJob(handle.db, { organizationId: o, trigger: "webhook" }, new Date())).toEqual(created);
    const [row] = await handle.db.select().from(syncRuns).where(eq(syncRuns.organizationId, o));
    expect(row).toMatchObject({ trigger: "automatic", status: "queued" });
  });

  it("a job without a run is busy while the organisation's run is live, and is queued again (changes since it began still get a sync)", async () => {
    const o = await org();
    await run(o, { status: "running", startedAt: minutesAgo(1), heartbeatAt: now });
    expect(await chooseRunForJob(handle.db, { organizationId: o, trigger: "webhook" }, now)).toEqual({ busy: true });
    const requeued: Array<[unknown, number]> = [];
    const output = await runSyncJob(handle.db, { id: "job-busy", data: { organizationId: o, trigger: "webhook" } }, {
      clientFactory: async () => {
        throw new Error("a busy job must not sync");
      },
      logger: capturingLogger().logger,
      now: () => now,
      requeue: async (data, delay) => {
        requeued.push([data, delay]);
      },
    });
    expect(output).toMatchObject({ runId: null, skipped: expect.stringContaining("queued again") });
    expect(requeued).toEqual([[{ organizationId: o, trigger: "webhook" }, BUSY_REQUEUE_SECONDS]]);
  });
});

describe("runSyncJob", () => {
  it("hands the client factory a logger bound to the job and run, and reports the run's outcome", async () => {
    const o = await org();
    const runId = await run(o, { status: "queued" });
    const { logger, lines } = capturingLogger();
    let received: unknown;
    const output = await runSyncJob(handle.db, { id: "job-1", data: { organizationId: o, trigger: "manual", runId } }, {
      clientFactory: async (_organizationId, options) => {
        received = options;
        options?.logger?.debug("qbo.request", { intuitTid: "tid-1" });
        return null; // not connected: the run fails with a message
      },
      logger,
      requeue: async () => undefined,
    });
    expect(output).toEqual({ runId, status: "failed" });
    expect(received).toEqual({ logger: expect.anything() });
    expect(lines.find((l) => l.message === "qbo.request")).toMatchObject({ jobId: "job-1", organizationId: o, runId, intuitTid: "tid-1" });
    expect(lines.find((l) => l.message === "sync job finished")).toMatchObject({ runId, status: "failed", error: expect.stringContaining("not connected") });
  });

  it("a skipped job says why, and executes nothing", async () => {
    const o = await org();
    const done = await run(o, { status: "failed", finishedAt: now });
    const { logger, lines } = capturingLogger();
    const output = await runSyncJob(handle.db, { id: "job-2", data: { organizationId: o, trigger: "manual", runId: done } }, {
      clientFactory: async () => {
        throw new Error("must not be called");
      },
      logger,
      now: () => now,
      requeue: async () => {
        throw new Error("must not be queued again");
      },
    });
    expect(output).toEqual({ runId: null, skipped: "run is finished" });
    expect(lines).toMatchObject([{ message: "sync job skipped", requestedRunId: done, reason: "run is finished" }]);
  });
});

import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/connection";
import { createBoss } from "@/lib/jobs/boss";
import { bossConnectionString } from "@/lib/jobs/job-test-fixtures";
import { SYNC_QUEUE } from "@/lib/jobs/queue-names";
import { createTestDatabase } from "@/lib/testing/test-database";
import { listOrgSyncJobs, ORG_JOBS_PAGE_SIZE } from "./org-jobs";

let handle: DatabaseHandle;
let boss: PgBoss | undefined;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await handle?.close();
});

const ORG = "00000000-0000-4000-8000-00000000000a";
const OTHER = "00000000-0000-4000-8000-00000000000b";

// The sync queue allows one queued job per singleton key: distinct keys let one test hold several waiting jobs.
let key = 0;
const send = (data: Record<string, unknown>, options: PgBoss.SendOptions = {}) => boss!.send(SYNC_QUEUE, data, { singletonKey: `k${(key += 1)}`, ...options });

/** Takes the given job (and only it) off the queue, as a worker would. */
async function fetchJob(id: string) {
  const held = await handle.query<{ id: string }>(
    "update pgboss.job set start_after = now() + interval '1 hour' where name = $1 and state < 'active' and id <> $2 and start_after <= now() returning id",
    [SYNC_QUEUE, id],
  );
  const [job] = await boss!.fetch(SYNC_QUEUE);
  await handle.query("update pgboss.job set start_after = created_on where id = any($1::uuid[])", [held.map((h) => h.id)]);
  expect(job?.id).toBe(id);
}

describe("listOrgSyncJobs", () => {
  it("says the queue is not ready before any worker created it", async () => {
    expect(await listOrgSyncJobs(handle, ORG)).toMatchObject({ queueReady: false, rows: [], total: 0 });
  });

  it("lists the organisation's jobs in every state, newest first, with runs, attempts and errors", async () => {
    boss = createBoss(handle, await bossConnectionString(handle));
    await boss.start();
    await boss.createQueue(SYNC_QUEUE, { name: SYNC_QUEUE, policy: "short", retryLimit: 1 });

    const completed = (await send({ organizationId: ORG, trigger: "automatic" }))!;
    await fetchJob(completed);
    await boss.complete(SYNC_QUEUE, completed, { runId: "run-auto", status: "succeeded" });
    // Archived (pg-boss moves finished jobs after 12 h): still listed.
    await handle.query(
      `with moved as (delete from pgboss.job where id = $1 returning *)
       insert into pgboss.archive (id, name, priority, data, state, retry_limit, retry_count, retry_delay, retry_backoff, start_after, started_on, singleton_key, singleton_on, expire_in, created_on, completed_on, keep_until, dead_letter, policy, output)
       select id, name, priority, data, state, retry_limit, retry_count, retry_delay, retry_backoff, start_after, started_on, singleton_key, singleton_on, expire_in, created_on, completed_on, keep_until, dead_letter, policy, output from moved`,
      [completed],
    );

    const failed = (await send({ organizationId: ORG, trigger: "manual", runId: "run-failed" }, { retryLimit: 0 }))!;
    await fetchJob(failed);
    await boss.fail(SYNC_QUEUE, failed, new Error("database went away"));

    const retrying = (await send({ organizationId: ORG, trigger: "webhook" }, { retryLimit: 2, retryDelay: 600 }))!;
    await fetchJob(retrying);
    await boss.fail(SYNC_QUEUE, retrying, new Error("Another sync of this organisation is running"));

    const running = (await send({ organizationId: ORG, trigger: "manual", runId: "run-now" }))!;
    await fetchJob(running);

    const scheduled = (await send({ organizationId: ORG, trigger: "webhook" }, { startAfter: 3600 }))!;
    await send({ organizationId: OTHER, trigger: "manual", runId: "not-yours" });

    const { queueReady, rows, total } = await listOrgSyncJobs(handle, ORG);
    expect(queueReady).toBe(true);
    expect(total).toBe(5);
    expect(rows.map((r) => r.id)).toEqual([scheduled, running, retrying, failed, completed]);
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[scheduled]).toMatchObject({ status: "scheduled", trigger: "webhook", runId: null, attempts: 0, nextStartAt: expect.any(Date) });
    expect(byId[running]).toMatchObject({ status: "running", trigger: "manual", runId: "run-now", attempts: 1, startedOn: expect.any(Date) });
    expect(byId[retrying]).toMatchObject({ status: "retrying", attempts: 1, maxAttempts: 3, detail: "Another sync of this organisation is running", nextStartAt: expect.any(Date) });
    expect(byId[failed]).toMatchObject({ status: "failed", runId: "run-failed", attempts: 1, maxAttempts: 1, detail: "database went away", completedOn: expect.any(Date) });
    expect(byId[completed]).toMatchObject({ status: "completed", trigger: "automatic", runId: "run-auto", detail: null, completedOn: expect.any(Date) });
  });

  it("pages through long histories", async () => {
    for (let i = 0; i < ORG_JOBS_PAGE_SIZE + 2; i += 1) await send({ organizationId: OTHER, trigger: "automatic" });
    const first = await listOrgSyncJobs(handle, OTHER);
    const second = await listOrgSyncJobs(handle, OTHER, { page: 2 });
    expect(first.total).toBe(ORG_JOBS_PAGE_SIZE + 3);
    expect(first.rows).toHaveLength(ORG_JOBS_PAGE_SIZE);
    expect(second.rows).toHaveLength(3);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(ORG_JOBS_PAGE_SIZE + 3);
  });
});

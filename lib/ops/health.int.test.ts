import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { syncRuns } from "@/lib/db/schema";
import { createBoss } from "@/lib/jobs/boss";
import { bossConnectionString } from "@/lib/jobs/job-test-fixtures";
import { SYNC_QUEUE } from "@/lib/jobs/queue-names";
import { createTestDatabase } from "@/lib/testing/test-database";
import { checkHealth } from "./health";

let handle: DatabaseHandle;
let boss: PgBoss | undefined;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await handle?.close();
});

async function org(name: string) {
  const { organization } = await signUp(handle.db, { name, email: `${name}@example.com`, password: "a fine password", organizationName: name });
  return organization;
}

describe("checkHealth", () => {
  it("is degraded (database down) when the database cannot be reached", async () => {
    const health = await checkHealth(async () => {
      throw new Error("connection refused");
    });
    expect(health).toEqual({ status: "degraded", database: { ok: false, latencyMs: null }, queue: { ok: false, queued: null, active: null, failed: null } });
  });

  it("is degraded while the sync queue does not exist (no worker ever started)", async () => {
    const health = await checkHealth(async () => handle);
    expect(health.database).toEqual({ ok: true, latencyMs: expect.any(Number) });
    expect(health).toMatchObject({ status: "degraded", queue: { ok: false } });
  });

  it("counts queued, active and failed sync jobs; ok when the database and queue answer", async () => {
    boss = createBoss(handle, await bossConnectionString(handle));
    await boss.start();
    await boss.createQueue(SYNC_QUEUE, { name: SYNC_QUEUE, policy: "short", retryLimit: 0 });
    for (const key of ["a", "b", "c", "d"]) await boss.send(SYNC_QUEUE, { organizationId: key }, { singletonKey: key });
    const [first] = await boss.fetch(SYNC_QUEUE);
    const [second] = await boss.fetch(SYNC_QUEUE);
    await boss.fail(SYNC_QUEUE, second!.id, new Error("boom"));
    expect(first).toBeDefined();

    const health = await checkHealth(async () => handle);
    expect(health).toMatchObject({ status: "ok", database: { ok: true }, queue: { ok: true, queued: 2, active: 1, failed: 1 } });
    expect(health).not.toHaveProperty("companies");
  });

  it("lists each organisation's last run only when asked (operators)", async () => {
    const synced = await org("synced-co");
    await org("never-synced-co");
    await handle.db.insert(syncRuns).values([
      { organizationId: synced.id, trigger: "manual", status: "failed", createdAt: new Date("2030-01-01T10:00:00Z"), finishedAt: new Date("2030-01-01T10:01:00Z") },
      { organizationId: synced.id, trigger: "automatic", status: "succeeded", createdAt: new Date("2030-01-02T10:00:00Z"), finishedAt: new Date("2030-01-02T10:02:00Z") },
    ]);
    const health = await checkHealth(async () => handle, { includeCompanies: true });
    expect(health.companies).toEqual([
      { organization: synced.slug, lastRun: { status: "succeeded", trigger: "automatic", createdAt: "2030-01-02T10:00:00.000Z", finishedAt: "2030-01-02T10:02:00.000Z" } },
      { organization: expect.stringMatching(/^never-synced-co/), lastRun: null },
    ]);
  });
});

import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/connection";
import { createBoss } from "@/lib/jobs/boss";
import { bossConnectionString } from "@/lib/jobs/job-test-fixtures";
import { SYNC_QUEUE, SYNC_QUEUE_OPTIONS } from "@/lib/jobs/sync-jobs";
import { createTestDatabase } from "@/lib/testing/test-database";

let handle: DatabaseHandle;
let boss: PgBoss;
beforeAll(async () => {
  handle = await createTestDatabase();
  boss = createBoss(handle, await bossConnectionString(handle));
  await boss.start();
  await boss.createQueue(SYNC_QUEUE, { name: SYNC_QUEUE, ...SYNC_QUEUE_OPTIONS });
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await handle.close();
});

describe("the sync queue's policy", () => {
  it("folds a second request for an organisation into its queued job", async () => {
    const queued = await boss.send(SYNC_QUEUE, { organizationId: "fold" }, { singletonKey: "fold" });
    expect(queued).toEqual(expect.any(String));
    expect(await boss.send(SYNC_QUEUE, { organizationId: "fold" }, { singletonKey: "fold" })).toBeNull();
    const [job] = await boss.fetch(SYNC_QUEUE);
    expect(job?.id).toBe(queued);
    await boss.complete(SYNC_QUEUE, queued as string);
  });

  it("never stalls other organisations behind one whose job is active and another queued", async () => {
    const a1 = await boss.send(SYNC_QUEUE, { organizationId: "a" }, { singletonKey: "a" });
    const [active] = await boss.fetch(SYNC_QUEUE);
    expect(active?.id).toBe(a1);
    // A's next job is now the oldest waiting one; B's comes after it.
    const a2 = await boss.send(SYNC_QUEUE, { organizationId: "a" }, { singletonKey: "a" });
    const b1 = await boss.send(SYNC_QUEUE, { organizationId: "b" }, { singletonKey: "b" });
    const fetched = [...(await boss.fetch(SYNC_QUEUE)), ...(await boss.fetch(SYNC_QUEUE))].map((job) => job.id);
    // (A "stately" queue fetches nothing here, for every organisation, until A's active job ends.)
    expect(fetched.sort()).toEqual([a2, b1].sort());
  });
});

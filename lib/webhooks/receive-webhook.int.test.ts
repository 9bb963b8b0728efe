import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { qboConnections, syncMappings } from "@/lib/db/schema";
import { SYNC_QUEUE, startSyncJobs, type EnqueueOptions, type SyncJobData } from "@/lib/jobs/sync-jobs";
import { withDatabaseName } from "@/lib/testing/local-database-url";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createLogger } from "@/lib/log";
import { parseWebhookNotification } from "./parse-notification";
import { receiveWebhook, sha256Hex, WEBHOOK_DEBOUNCE_SECONDS, type EnqueueSync } from "./receive-webhook";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle.close());

async function connectedOrg(realmId: string, status: "connected" | "needs_reconnect" | "disconnected" = "connected") {
  const stamp = randomUUID().slice(0, 8);
  const { user, organization } = await signUp(handle.db, {
    name: `Hook ${stamp}`,
    email: `hook-${stamp}@example.com`,
    password: "a fine password",
    organizationName: `Hook Co ${stamp}`,
  });
  await handle.db.insert(qboConnections).values({ organizationId: organization.id, realmId, status, connectedBy: user.id });
  return organization.id;
}

const newRealm = () => `9341${Math.floor(Math.random() * 1e12).toString().padStart(12, "0")}`;

function classicBody(realms: string[], billId = "1"): string {
  return JSON.stringify({
    eventNotifications: realms.map((realmId) => ({
      realmId,
      dataChangeEvent: { entities: [{ name: "Bill", id: billId, operation: "Update", lastUpdated: new Date().toISOString() }] },
    })),
  });
}

function recorder() {
  const calls: { data: SyncJobData; options: EnqueueOptions | undefined }[] = [];
  const enqueue = async (data: SyncJobData, options?: EnqueueOptions) => {
    calls.push({ data, options });
    return `job-${calls.length}`;
  };
  return { calls, enqueue };
}

async function receive(rawBody: string, enqueue: EnqueueSync) {
  return receiveWebhook(handle.db, { rawBody, notification: parseWebhookNotification(rawBody) }, enqueue);
}

async function deliveryRow(rawBody: string) {
  const rows = await handle.query<{ format: string; realm_ids: string[]; event_count: number; enqueued_count: number }>(
    "select format, realm_ids, event_count, enqueued_count from qbo_webhook_deliveries where body_sha256 = $1",
    [sha256Hex(rawBody)],
  );
  return rows;
}

describe("receiveWebhook", () => {
  it("enqueues one debounced webhook sync for the organisation connected to the realm", async () => {
    const realm = newRealm();
    const org = await connectedOrg(realm);
    const { calls, enqueue } = recorder();
    const body = classicBody([realm]);
    const result = await receive(body, enqueue);
    expect(result).toMatchObject({ duplicate: false, format: "classic", realmIds: [realm], eventCount: 1, organizationIds: [org] });
    expect(calls).toEqual([{ data: { organizationId: org, trigger: "webhook" }, options: { delaySeconds: WEBHOOK_DEBOUNCE_SECONDS } }]);
    expect(await deliveryRow(body)).toEqual([{ format: "classic", realm_ids: [realm], event_count: 1, enqueued_count: 1 }]);
  });

  it("treats a replay of the same body as a duplicate and enqueues nothing", async () => {
    const realm = newRealm();
    await connectedOrg(realm);
    const body = classicBody([realm], "77");
    await receive(body, recorder().enqueue);
    const replay = recorder();
    expect(await receive(body, replay.enqueue)).toEqual({ duplicate: true });
    expect(replay.calls).toEqual([]);
    expect(await deliveryRow(body)).toHaveLength(1);
  });

  it("records a delivery for a realm nobody is connected to and enqueues nothing", async () => {
    const { calls, enqueue } = recorder();
    const realm = newRealm();
    const body = classicBody([realm]);
    expect(await receive(body, enqueue)).toMatchObject({ duplicate: false, organizationIds: [] });
    expect(calls).toEqual([]);
    expect(await deliveryRow(body)).toEqual([{ format: "classic", realm_ids: [realm], event_count: 1, enqueued_count: 0 }]);
  });

  it("ignores organisations whose connection is not live", async () => {
    const realm = newRealm();
    await connectedOrg(realm, "needs_reconnect");
    const { calls, enqueue } = recorder();
    await receive(classicBody([realm]), enqueue);
    expect(calls).toEqual([]);
  });

  it("enqueues once per organisation when a delivery names two realms (CloudEvents form)", async () => {
    const [realmA, realmB] = [newRealm(), newRealm()];
    const orgA = await connectedOrg(realmA);
    const orgB = await connectedOrg(realmB);
    const body = JSON.stringify([
      { specversion: "1.0", id: randomUUID(), type: "qbo.bill.updated.v1", time: new Date().toISOString(), intuitentityid: "1", intuitaccountid: realmA },
      { specversion: "1.0", id: randomUUID(), type: "qbo.bill.created.v1", time: new Date().toISOString(), intuitentityid: "2", intuitaccountid: realmA },
      { specversion: "1.0", id: randomUUID(), type: "qbo.invoice.voided.v1", time: new Date().toISOString(), intuitentityid: "3", intuitaccountid: realmB },
    ]);
    const { calls, enqueue } = recorder();
    const result = await receive(body, enqueue);
    expect(result).toMatchObject({ duplicate: false, format: "cloudevents", eventCount: 3 });
    expect(calls.map((call) => call.data.organizationId).sort()).toEqual([orgA, orgB].sort());
    expect(await deliveryRow(body)).toEqual([{ format: "cloudevents", realm_ids: [realmA, realmB], event_count: 3, enqueued_count: 2 }]);
  });

  it("does not sync again for the organisation's own writes coming back, but does for a newer change or a delete", async () => {
    const realm = newRealm();
    const org = await connectedOrg(realm);
    // The sync wrote bill 500 and recorded the version QBO answered with (QBO's offset time format).
    await handle.db.insert(syncMappings).values({
      organizationId: org,
      objectType: "bill",
      localId: randomUUID(),
      realmId: realm,
      qboId: "500",
      syncToken: "1",
      lastUpdatedTime: "2026-11-25T07:29:14-08:00",
      contentHash: "h",
    });
    const delivery = (operation: string, lastUpdated: string) =>
      JSON.stringify({ eventNotifications: [{ realmId: realm, dataChangeEvent: { entities: [{ name: "Bill", id: "500", operation, lastUpdated }] } }] });

    const echo = recorder();
    expect(await receive(delivery("Update", "2026-11-25T15:29:14.000Z"), echo.enqueue)).toMatchObject({ duplicate: false, organizationIds: [] });
    expect(echo.calls).toEqual([]);

    const newer = recorder();
    expect(await receive(delivery("Update", "2026-11-25T15:31:00.000Z"), newer.enqueue)).toMatchObject({ organizationIds: [org] });
    const deleted = recorder();
    expect(await receive(delivery("Delete", "2026-11-25T15:29:14.000Z"), deleted.enqueue)).toMatchObject({ organizationIds: [org] });
  });

  it("forgets the delivery when enqueueing fails, so Intuit's retry is not taken for a duplicate", async () => {
    const realm = newRealm();
    await connectedOrg(realm);
    const body = classicBody([realm], "failing");
    const failing = async () => {
      throw new Error("queue down");
    };
    await expect(receive(body, failing)).rejects.toThrow("queue down");
    expect(await deliveryRow(body)).toEqual([]);
    const retry = recorder();
    expect(await receive(body, retry.enqueue)).toMatchObject({ duplicate: false });
    expect(retry.calls).toHaveLength(1);
  });
});

describe("receiveWebhook on the real sync queue", () => {
  it("folds a burst of deliveries for one organisation into one queued sync job", async () => {
    // On PostgreSQL pg-boss opens its own pool: point it at this file's database.
    const connectionString =
      handle.kind === "postgres"
        ? withDatabaseName(process.env.TEST_DATABASE_URL!, (await handle.query<{ name: string }>("select current_database() as name"))[0]!.name)
        : undefined;
    const jobs = await startSyncJobs({ handle, connectionString, clientFactory: async () => null, logger: createLogger({ sink: () => {} }) });
    try {
      const realm = newRealm();
      const org = await connectedOrg(realm);
            const results = [];
      for (let i = 0; i < 5; i += 1) results.push(await receive(classicBody([realm], `burst-${i}`), jobs.enqueueSync));
      expect(results.every((result) => !result.duplicate)).toBe(true);

      const queued = await handle.query<{ data: SyncJobData; state: string; deferred: boolean }>(
        "select data, state, start_after > now() as deferred from pgboss.job where name = $1",
        [SYNC_QUEUE],
      );
      expect(queued).toEqual([{ data: { organizationId: org, trigger: "webhook" }, state: "created", deferred: true }]);
      expect(await jobs.boss.getQueueSize(SYNC_QUEUE)).toBe(1);
    } finally {
      await jobs.stop();
    }
  });
});

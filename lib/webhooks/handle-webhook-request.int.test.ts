import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { qboConnections } from "@/lib/db/schema";
import type { SyncJobData } from "@/lib/jobs/sync-jobs";
import { createLogger } from "@/lib/log";
import { createTestDatabase } from "@/lib/testing/test-database";
import { handleWebhookRequest, MAX_WEBHOOK_BODY_BYTES, type WebhookRequestDeps } from "./handle-webhook-request";

const TOKEN = "route-test-verifier";
let handle: DatabaseHandle;
let calls: SyncJobData[];
let dbOpened: boolean;
let orgId: string;
const realm = "9341000000000777";

beforeAll(async () => {
  handle = await createTestDatabase();
  const { user, organization } = await signUp(handle.db, { name: "Route", email: "route@example.com", password: "a fine password", organizationName: "Route Co" });
  await handle.db.insert(qboConnections).values({ organizationId: organization.id, realmId: realm, status: "connected", connectedBy: user.id });
  orgId = organization.id;
});
afterAll(async () => handle.close());
beforeEach(() => {
  calls = [];
  dbOpened = false;
});

const deps = (): WebhookRequestDeps => ({
  verifierToken: TOKEN,
  getDb: async () => {
    dbOpened = true;
    return handle.db;
  },
  getEnqueue: async () => async (data: SyncJobData) => {
    calls.push(data);
    return "job";
  },
  logger: createLogger({ sink: () => {} }),
});

const sign = (body: string, token = TOKEN) => createHmac("sha256", token).update(body, "utf8").digest("base64");

function post(body: string, signature?: string): Request {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature !== undefined) headers["intuit-signature"] = signature;
  return new Request("http://localhost/api/qbo/webhooks", { method: "POST", headers, body });
}

const body = (id = randomUUID()) =>
  JSON.stringify({ eventNotifications: [{ realmId: realm, dataChangeEvent: { entities: [{ name: "Bill", id, operation: "Update", lastUpdated: "2030-01-01T00:00:00Z" }] } }] });

const deliveries = async () => Number((await handle.query<{ n: number | string }>("select count(*) as n from qbo_webhook_deliveries"))[0]?.n);

describe("POST /api/qbo/webhooks handler", () => {
  it("answers 401 to a forged or unsigned delivery and records nothing", async () => {
    const before = await deliveries();
    const forged = await handleWebhookRequest(post(body(), sign("something else")), deps());
    const unsigned = await handleWebhookRequest(post(body()), deps());
    const otherToken = await handleWebhookRequest(post(body(), sign(body(), "another-app")), deps());
    expect([forged.status, unsigned.status, otherToken.status]).toEqual([401, 401, 401]);
    expect(await deliveries()).toBe(before);
    expect(dbOpened).toBe(false);
    expect(calls).toEqual([]);
  });

  it("answers 400 to a signed body that is not a QBO notification", async () => {
    const bad = JSON.stringify({ hello: "world" });
    const response = await handleWebhookRequest(post(bad, sign(bad)), deps());
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/neither/);
    expect(calls).toEqual([]);
  });

  it("answers 413 to an oversized body before looking at it", async () => {
    const huge = "x".repeat(MAX_WEBHOOK_BODY_BYTES + 1);
    const response = await handleWebhookRequest(post(huge, sign(huge)), deps());
    expect(response.status).toBe(413);
    expect(dbOpened).toBe(false);
  });

  it("accepts a signed delivery with 200, enqueues the organisation's sync, and 200s the replay without enqueueing", async () => {
    const signedBody = body();
    const first = await handleWebhookRequest(post(signedBody, sign(signedBody)), deps());
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true, duplicate: false, enqueued: 1 });
    expect(calls).toEqual([{ organizationId: orgId, trigger: "webhook" }]);

    const replay = await handleWebhookRequest(post(signedBody, sign(signedBody)), deps());
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ ok: true, duplicate: true, enqueued: 0 });
    expect(calls).toHaveLength(1);
  });

  it("answers 500 (so Intuit retries) when the queue cannot take the job", async () => {
    const signedBody = body();
    const failing: WebhookRequestDeps = {
      ...deps(),
      getEnqueue: async () => async () => {
        throw new Error("queue down");
      },
    };
    expect((await handleWebhookRequest(post(signedBody, sign(signedBody)), failing)).status).toBe(500);
    expect((await handleWebhookRequest(post(signedBody, sign(signedBody)), deps())).status).toBe(200);
    expect(calls).toHaveLength(1);
  });
});

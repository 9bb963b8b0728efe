import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixture, type SandboxFixture } from "./test-support";
import type { ChangeEvent } from "./types";
import { buildCloudEventsBody, cloudEventType, signWebhookBody } from "./webhooks";

interface Delivery {
  body: string;
  signature: string | undefined;
}

const VERIFIER = "test-verifier-token";
let receiver: Server;
let receiverUrl: string;
const deliveries: Delivery[] = [];
let failNext = 0;
let delayMs = 0;

let fx: SandboxFixture;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const signature = request.headers["intuit-signature"];
      deliveries.push({ body: Buffer.concat(chunks).toString("utf8"), signature: typeof signature === "string" ? signature : undefined });
      const status = failNext > 0 ? 500 : 200;
      if (failNext > 0) failNext -= 1;
      setTimeout(() => response.writeHead(status).end(), delayMs);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/qbo/webhooks`;
  fx = await startFixture({ seed: { vendors: 5, customers: 5, bills: 10, invoices: 10, randomSeed: 3 }, webhookUrl: receiverUrl, webhookVerifierToken: VERIFIER });
});
afterAll(async () => {
  await fx.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

async function unpaidBillId(): Promise<string> {
  const result = await fx.query("select * from Bill where Balance > 1 and DocNumber like '%-%' maxresults 100");
  const bills = (result.body["QueryResponse"] as { Bill: { Id: string; Balance: number; TotalAmt: number }[] }).Bill;
  const bill = bills.find((candidate) => candidate.Balance === candidate.TotalAmt);
  if (!bill) throw new Error("no unpaid bill");
  return bill.Id;
}

describe("webhooks", () => {
  it("signs the classic payload with HMAC-SHA256 of the raw body", async () => {
    deliveries.length = 0;
    const billId = await unpaidBillId();
    const response = await fetch(`${fx.server.url}/_sandbox/companies/${fx.realmId}/act`, {
      method: "POST",
      body: JSON.stringify({ actions: [{ type: "pay-bill", billId, amount: 1 }] }),
    });
    expect(response.status).toBe(200);
    await fx.server.sandbox.flush();
    expect(deliveries).toHaveLength(1);
    const delivery = deliveries[0];
    const expected = createHmac("sha256", VERIFIER).update(delivery?.body ?? "").digest("base64");
    expect(delivery?.signature).toBe(expected);
    expect(signWebhookBody(delivery?.body ?? "", VERIFIER)).toBe(expected);
    const payload = JSON.parse(delivery?.body ?? "{}") as {
      eventNotifications: { realmId: string; dataChangeEvent: { entities: { name: string; id: string; operation: string; lastUpdated: string }[] } }[];
    };
    const notification = payload.eventNotifications[0];
    expect(notification?.realmId).toBe(fx.realmId);
    const entities = notification?.dataChangeEvent.entities ?? [];
    expect(entities.map((e) => `${e.name}:${e.operation}`)).toEqual(["BillPayment:Create", "Bill:Update"]);
    expect(entities[1]?.id).toBe(billId);
  });

  it("retries once after a failure and never blocks the action", async () => {
    deliveries.length = 0;
    failNext = 1;
    delayMs = 300;
    const billId = await unpaidBillId();
    const started = Date.now();
    fx.server.sandbox.act(fx.realmId, [{ type: "update", entity: "Bill", id: billId, fields: { PrivateNote: "edited in QBO" } }]);
    expect(Date.now() - started).toBeLessThan(100);
    await fx.server.sandbox.flush();
    delayMs = 0;
    expect(deliveries).toHaveLength(2);
    expect(deliveries[0]?.body).toBe(deliveries[1]?.body);
    const bill = fx.server.sandbox.getRecord(fx.realmId, "Bill", billId);
    expect(bill?.["PrivateNote"]).toBe("edited in QBO");
  });

  it("switches to CloudEvents through the control API, signed the same way", async () => {
    const control = (method: string, body?: unknown) =>
      fetch(`${fx.server.url}/_sandbox/webhooks`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    expect(await (await control("GET")).json()).toEqual({ format: "classic", enabled: true });
    expect((await control("POST", { format: "xml" })).status).toBe(400);
    expect(await (await control("POST", { format: "cloudevents" })).json()).toEqual({ format: "cloudevents", enabled: true });
    try {
      deliveries.length = 0;
      const billId = await unpaidBillId();
      fx.server.sandbox.act(fx.realmId, [{ type: "pay-bill", billId, amount: 1 }]);
      await fx.server.sandbox.flush();
      expect(deliveries).toHaveLength(1);
      const delivery = deliveries[0];
      expect(delivery?.signature).toBe(createHmac("sha256", VERIFIER).update(delivery?.body ?? "").digest("base64"));
      const events = JSON.parse(delivery?.body ?? "[]") as { specversion: string; id: string; type: string; time: string; intuitentityid: string; intuitaccountid: string }[];
      expect(events.map((event) => event.type)).toEqual(["qbo.billpayment.created.v1", "qbo.bill.updated.v1"]);
      expect(events.every((event) => event.specversion === "1.0" && event.intuitaccountid === fx.realmId && event.time)).toBe(true);
      expect(events[1]?.intuitentityid).toBe(billId);
      expect(new Set(events.map((event) => event.id)).size).toBe(2);
    } finally {
      await control("POST", { format: "classic" });
    }
  });
});

describe("CloudEvents body", () => {
  const changes: ChangeEvent[] = [
    { entity: "Bill", id: "1", operation: "Create", lastUpdated: "2030-01-01T00:00:00Z" },
    { entity: "Invoice", id: "2", operation: "Void", lastUpdated: "2030-01-01T00:00:01Z" },
    { entity: "Vendor", id: "3", operation: "Merge", lastUpdated: "2030-01-01T00:00:02Z" },
    { entity: "JournalEntry", id: "4", operation: "Delete", lastUpdated: "2030-01-01T00:00:03Z" },
  ];

  it("names each change qbo.<entity>.<past tense>.v1 with the realm as account and a unique id", () => {
    expect(changes.map(cloudEventType)).toEqual(["qbo.bill.created.v1", "qbo.invoice.voided.v1", "qbo.vendor.merged.v1", "qbo.journalentry.deleted.v1"]);
    const events = JSON.parse(buildCloudEventsBody("123", changes)) as Record<string, unknown>[];
    expect(events[0]).toMatchObject({ specversion: "1.0", type: "qbo.bill.created.v1", time: "2030-01-01T00:00:00Z", intuitentityid: "1", intuitaccountid: "123" });
    expect(new Set(events.map((event) => event["id"])).size).toBe(changes.length);
  });
});

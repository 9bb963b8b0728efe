import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixture, type SandboxFixture } from "./test-support";
import { signWebhookBody } from "./webhooks";

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
  const result = await fx.query("select * from Bill where Balance > 1 and CurrencyRef = 'USD' and DocNumber like '%-%' maxresults 100");
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
});

/**
 * What every request of the product's client + engine looks like on the wire, whatever it does
 * (issue 13, B7): `?minorversion=75` and `Accept: application/json` on every request, a `requestid`
 * on every write, and no read-only field in any write body (QBO.md: "Id, SyncToken, MetaData,
 * TotalAmt, Balance are read-only: the server computes them"; Id and SyncToken are sent only to
 * name the version being updated). The run covers reads, queries in batches, CDC, creates,
 * sparse updates, payments, journal entries and a void.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { billPayments, bills, fundsTransfers, invoices, receivedPayments } from "@/lib/db/schema";
import { getSyncPreferences } from "@/lib/sync/preferences";
import { sandboxClientFactory } from "@/lib/sync/engine/sandbox-client-factory";
import { accountIdByName, syncNow, syncedOrgWithSandboxCompany } from "@/lib/sync/engine/sandbox-org";
import { closeSyncTestWorld, openSyncTestWorld, type SyncTestWorld } from "@/lib/sync/engine/sync-test-world";

interface Sent {
  method: string;
  url: URL;
  accept: string | null;
  body: unknown;
}

const sent: Sent[] = [];
const recordingFetch: typeof fetch = async (input, init) => {
  const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
  const headers = new Headers(init?.headers);
  let body: unknown;
  if (typeof init?.body === "string") {
    try {
      body = JSON.parse(init.body);
    } catch {
      body = init.body;
    }
  }
  sent.push({ method: init?.method ?? "GET", url, accept: headers.get("accept"), body });
  return fetch(input, init);
};

/** Read-only per entity (QBO.md, Common fields; Intuit's reference marks them read-only / system-defined). */
const READ_ONLY: Record<string, readonly string[]> = {
  common: ["MetaData", "domain", "Balance", "HomeBalance", "HomeTotalAmt", "LinkedTxn", "FullyQualifiedName"],
  Bill: ["TotalAmt"],
  Invoice: ["TotalAmt"],
  VendorCredit: ["TotalAmt"],
  JournalEntry: ["TotalAmt"],
  Payment: ["UnappliedAmt"],
  Account: ["Classification", "CurrentBalance", "CurrentBalanceWithSubAccounts"],
};

let world: SyncTestWorld;
let org: Awaited<ReturnType<typeof syncedOrgWithSandboxCompany>>;
let factory: ReturnType<typeof sandboxClientFactory>;

beforeAll(async () => {
  world = await openSyncTestWorld();
  factory = sandboxClientFactory(world.server, { fetch: recordingFetch });
  org = await syncedOrgWithSandboxCompany(world.handle.db, world.server, factory, { vendors: 3, customers: 3, bills: 12, invoices: 12, randomSeed: 5 });
  const db = world.handle.db;

  // App-side work that must go to QBO: an edited bill, a bill payment with its funds transfer,
  // a received payment, and then a void of the bill payment.
  const [bill] = await db.select().from(bills).where(and(eq(bills.organizationId, org.organizationId), eq(bills.status, "unpaid")));
  await db.update(bills).set({ memo: "edited in Ledgerbridge" }).where(eq(bills.id, bill!.id));
  const [other] = (await db.select().from(bills).where(and(eq(bills.organizationId, org.organizationId), eq(bills.status, "unpaid")))).filter((b) => b.id !== bill!.id);
  const prefs = await getSyncPreferences(db, org.organizationId);
  const [transfer] = await db
    .insert(fundsTransfers)
    .values({ organizationId: org.organizationId, direction: "out", bankAccountId: prefs.bankAccountId!, transferDate: "2026-11-20", amountCents: other!.totalCents })
    .returning();
  const [payment] = await db
    .insert(billPayments)
    .values({
      organizationId: org.organizationId,
      billId: other!.id,
      vendorId: other!.vendorId,
      kind: "electronic",
      status: "paid",
      amountCents: other!.totalCents,
      bankAccountId: prefs.bankAccountId!,
      processDate: "2026-11-20",
      paidDate: "2026-11-20",
      fundsTransferId: transfer!.id,
    })
    .returning();
  const [invoice] = await db.select().from(invoices).where(and(eq(invoices.organizationId, org.organizationId), eq(invoices.status, "unpaid")));
  const deposit = await accountIdByName(db, org.organizationId, "Business Savings");
  await db
    .insert(receivedPayments)
    .values({ organizationId: org.organizationId, invoiceId: invoice!.id, customerId: invoice!.customerId, status: "paid", amountCents: 500, depositAccountId: deposit, receivedDate: "2026-11-22", reference: "CHK-9" });
  await syncNow(db, org.organizationId, { clientFactory: factory.factory });
  await db.update(billPayments).set({ status: "voided", voidedAt: new Date() }).where(eq(billPayments.id, payment!.id));
  await syncNow(db, org.organizationId, { clientFactory: factory.factory });
});

afterAll(() => closeSyncTestWorld(world ?? {}));

/** Entity bodies a request writes: the body of `POST /{entity}`, or each non-query batch item. */
function writtenBodies(request: Sent): Array<{ entity: string; body: Record<string, unknown> }> {
  const resource = request.url.pathname.split("/").at(-1) ?? "";
  if (request.method !== "POST" || resource === "query") return [];
  const body = request.body as Record<string, unknown>;
  if (resource !== "batch") return [{ entity: resource, body }];
  const items = (body["BatchItemRequest"] as Array<Record<string, unknown>>) ?? [];
  return items.flatMap((item) =>
    Object.entries(item)
      .filter(([key]) => !["bId", "operation", "Query", "CDCQuery", "optionsData"].includes(key))
      .map(([entity, value]) => ({ entity, body: value as Record<string, unknown> })),
  );
}

describe("the wire contract of the client and engine", () => {
  it("exercised reads, batches and every kind of write", () => {
    const writes = sent.flatMap(writtenBodies);
    expect(sent.some((r) => r.method === "GET")).toBe(true);
    expect(writes.map((w) => w.entity.toLowerCase())).toEqual(expect.arrayContaining(["bill", "billpayment", "payment", "journalentry", "account"]));
  });

  it("sends minorversion=75 and Accept: application/json on every request", () => {
    expect(sent.length).toBeGreaterThan(5);
    for (const request of sent) {
      expect(request.url.searchParams.get("minorversion"), request.url.pathname).toBe("75");
      expect(request.accept, request.url.pathname).toBe("application/json");
    }
  });

  it("puts a requestid (≤ 50 characters, ≤ 36 on batches) on every write", () => {
    const writeRequests = sent.filter((r) => writtenBodies(r).length > 0);
    expect(writeRequests.length).toBeGreaterThan(0);
    for (const request of writeRequests) {
      const requestId = request.url.searchParams.get("requestid");
      expect(requestId, `${request.method} ${request.url.pathname}`).toBeTruthy();
      expect(requestId!.length).toBeLessThanOrEqual(request.url.pathname.endsWith("/batch") ? 36 : 50);
    }
  });

  it("never sends a read-only field in a write body", () => {
    for (const request of sent) {
      for (const { entity, body } of writtenBodies(request)) {
        const name = Object.keys(READ_ONLY).find((key) => key.toLowerCase() === entity.toLowerCase());
        const forbidden = [...(READ_ONLY["common"] ?? []), ...(name ? (READ_ONLY[name] ?? []) : [])];
        expect(Object.keys(body).filter((key) => forbidden.includes(key)), `${entity}: ${JSON.stringify(body)}`).toEqual([]);
      }
    }
  });
});

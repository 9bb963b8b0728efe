/**
 * The app keeps one live bill per vendor and number, one live invoice per number (unique indexes).
 * QuickBooks refuses duplicates only while the company's duplicate-number check is on, so a company
 * can hold two bills of one vendor with one number. Such a record must not fail the run: the first
 * comes in, the other becomes a sync issue on that record, and everything else still syncs.
 */
import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { bills, invoices, syncIssues, syncMappings } from "@/lib/db/schema";
import type { QboClient } from "@/lib/qbo";
import { syncNow, syncedOrgWithSandboxCompany } from "@/lib/sync/engine/sandbox-org";
import { closeSyncTestWorld, openSyncTestWorld, type SyncTestWorld } from "@/lib/sync/engine/sync-test-world";

let world: SyncTestWorld;
let db: Db;
let org: Awaited<ReturnType<typeof syncedOrgWithSandboxCompany>>;
let client: QboClient;

type Raw = Record<string, unknown> & { Id: string; SyncToken: string; DocNumber?: string; VendorRef?: { value: string }; CustomerRef?: { value: string }; Line: Array<Record<string, unknown>> };

beforeAll(async () => {
  world = await openSyncTestWorld();
  db = world.handle.db;
  org = await syncedOrgWithSandboxCompany(db, world.server, world.qbo, { vendors: 2, customers: 2, bills: 3, invoices: 3 });
  // The company lets numbers repeat (QBO: Preferences OtherPrefs "WarnDuplicateBillNumber" off).
  world.server.sandbox.updateSettings(org.realmId, { duplicateDocNumberCheck: false });
  client = (await world.qbo.factory(org.organizationId))!.client;
});
afterAll(() => closeSyncTestWorld(world));

const requestId = () => randomUUID();

/** A new unpaid QBO bill / invoice like an existing one (same vendor or customer and lines), numbered `docNumber`. */
async function copyInQbo(entity: "Bill" | "Invoice", template: Raw, docNumber: string): Promise<Raw> {
  const line = template.Line.find((l) => l["DetailType"] !== "SubTotalLineDetail")!;
  const lineBody = Object.fromEntries(Object.entries(line).filter(([key]) => key !== "Id" && key !== "LinkedTxn"));
  const party = entity === "Bill" ? { VendorRef: template.VendorRef } : { CustomerRef: template.CustomerRef };
  const body = { ...party, DocNumber: docNumber, TxnDate: "2026-11-02", DueDate: "2026-12-02", Line: [lineBody] };
  return (await client.create(entity, body, { requestId: requestId() })) as unknown as Raw;
}

async function openIssuesFor(qboIds: string[]) {
  const rows = await db.select().from(syncIssues).where(and(eq(syncIssues.organizationId, org.organizationId), isNull(syncIssues.resolvedAt)));
  return rows.filter((row) => row.qboId !== null && qboIds.includes(row.qboId));
}

describe("QuickBooks records whose number the app already holds", () => {
  let firstBill: Raw;
  let secondBill: Raw;
  let firstInvoice: Raw;
  let secondInvoice: Raw;

  it("two QBO bills of one vendor (and two invoices) with one number: the run succeeds, one comes in, the other is an issue", async () => {
    const [templateBill] = (await client.query("Bill")) as unknown as Raw[];
    const [templateInvoice] = (await client.query("Invoice")) as unknown as Raw[];
    firstBill = await copyInQbo("Bill", templateBill!, "DUP-1");
    secondBill = await copyInQbo("Bill", templateBill!, "dup-1");
    firstInvoice = await copyInQbo("Invoice", templateInvoice!, "DUP-INV");
    secondInvoice = await copyInQbo("Invoice", templateInvoice!, "DUP-INV");
    const other = await copyInQbo("Bill", templateBill!, "FINE-1");

    const summary = await syncNow(db, org.organizationId, { clientFactory: world.qbo.factory });
    expect(summary.error).toBeNull();
    expect(summary.status).toBe("partial");

    const appBills = await db.select().from(bills).where(and(eq(bills.organizationId, org.organizationId), isNull(bills.voidedAt)));
    expect(appBills.filter((b) => b.billNumber.toLowerCase() === "dup-1").map((b) => b.qboId)).toEqual([firstBill.Id]);
    expect(appBills.filter((b) => b.billNumber === "FINE-1").map((b) => b.qboId)).toEqual([other.Id]);
    const appInvoices = await db.select().from(invoices).where(eq(invoices.organizationId, org.organizationId));
    expect(appInvoices.filter((i) => i.invoiceNumber === "DUP-INV").map((i) => i.qboId)).toEqual([firstInvoice.Id]);

    const issues = await openIssuesFor([secondBill.Id, secondInvoice.Id]);
    expect(issues.map((i) => [i.objectType, i.qboId, i.reasonCode]).sort()).toEqual(
      [
        ["bill", secondBill.Id, "NUMBER_TAKEN_IN_APP"],
        ["invoice", secondInvoice.Id, "NUMBER_TAKEN_IN_APP"],
      ].sort(),
    );
    expect(issues.find((i) => i.objectType === "bill")?.detail).toMatch(/dup-1/);
    // Nothing half-imported: no mapping for the refused records.
    const mapped = await db.select().from(syncMappings).where(and(eq(syncMappings.organizationId, org.organizationId), eq(syncMappings.qboId, secondBill.Id)));
    expect(mapped).toEqual([]);
  });

  it("the next run stays healthy and the issue stays open until the number is changed in QuickBooks", async () => {
    const again = await syncNow(db, org.organizationId, { clientFactory: world.qbo.factory });
    expect(again.error).toBeNull();
    expect((await openIssuesFor([secondBill.Id])).map((i) => i.reasonCode)).toEqual(["NUMBER_TAKEN_IN_APP"]);

    const current = (await client.read("Bill", secondBill.Id)) as unknown as Raw;
    await client.update("Bill", { Id: current.Id, SyncToken: current.SyncToken, DocNumber: "DUP-1B" }, { requestId: requestId(), sparse: true });
    const healed = await syncNow(db, org.organizationId, { clientFactory: world.qbo.factory });
    expect(healed.error).toBeNull();
    expect(await openIssuesFor([secondBill.Id])).toEqual([]);
    const [row] = await db.select().from(bills).where(and(eq(bills.organizationId, org.organizationId), eq(bills.qboId, secondBill.Id)));
    expect(row?.billNumber).toBe("DUP-1B");
  });

  it("a linked QBO bill renumbered onto a number another app bill of the vendor holds: an issue, not a failed run", async () => {
    const current = (await client.read("Bill", secondBill.Id)) as unknown as Raw;
    await client.update("Bill", { Id: current.Id, SyncToken: current.SyncToken, DocNumber: "FINE-1" }, { requestId: requestId(), sparse: true });
    const summary = await syncNow(db, org.organizationId, { clientFactory: world.qbo.factory });
    expect(summary.error).toBeNull();
    expect(summary.status).toBe("partial");
    const [row] = await db.select().from(bills).where(and(eq(bills.organizationId, org.organizationId), eq(bills.qboId, secondBill.Id)));
    expect(row?.billNumber).toBe("DUP-1B");
    expect((await openIssuesFor([secondBill.Id])).map((i) => i.reasonCode)).toEqual(["NUMBER_TAKEN_IN_APP"]);
  });
});

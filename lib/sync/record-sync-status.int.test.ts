/** Issue 14 item 8: a record's page tells the truth about its QuickBooks twin (voided, deleted, paid there). */
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bills, invoices, syncIssues } from "@/lib/db/schema";
import { syncNow, syncedOrgWithSandboxCompany } from "@/lib/sync/engine/sandbox-org";
import { closeSyncTestWorld, openSyncTestWorld, type SyncTestWorld } from "@/lib/sync/engine/sync-test-world";
import { recordSyncStatus } from "@/lib/sync/record-sync-status";

let world: SyncTestWorld;
let org: Awaited<ReturnType<typeof syncedOrgWithSandboxCompany>>;

beforeAll(async () => {
  world = await openSyncTestWorld();
  org = await syncedOrgWithSandboxCompany(world.handle.db, world.server, world.qbo, { vendors: 3, customers: 3, bills: 16, invoices: 16, randomSeed: 23 });
}, 240_000);

afterAll(() => closeSyncTestWorld(world));

const sync = () => syncNow(world.handle.db, org.organizationId, { clientFactory: world.qbo.factory });
const status = (objectType: "bill" | "invoice", id: string) => recordSyncStatus(world.handle.db, org.organizationId, objectType, id);

async function openBills() {
  return world.handle.db.select().from(bills).where(and(eq(bills.organizationId, org.organizationId), eq(bills.status, "unpaid")));
}
async function openInvoices() {
  return world.handle.db.select().from(invoices).where(and(eq(invoices.organizationId, org.organizationId), eq(invoices.status, "unpaid")));
}

describe("record sync status against the sandbox", () => {
  it("a bill voided in the app says it will be deleted in QuickBooks, and after the sync offers no QuickBooks link", async () => {
    const [bill] = await openBills();
    expect((await status("bill", bill!.id)).state).toBe("synced");
    await world.handle.db.update(bills).set({ voidedAt: new Date(), status: "voided" }).where(eq(bills.id, bill!.id));
    expect(await status("bill", bill!.id)).toMatchObject({ state: "void_pending", operation: "delete", qboId: bill!.qboId });

    await sync();
    expect(world.server.sandbox.getRecord(org.realmId, "Bill", bill!.qboId!)).toBeUndefined();
    const after = await status("bill", bill!.id);
    expect(after.state).toBe("removed");
    expect("qboId" in after).toBe(false);
  });

  it("an invoice deleted in QuickBooks says so, with no QuickBooks link", async () => {
    const [invoice] = await openInvoices();
    world.server.sandbox.act(org.realmId, [{ type: "delete", entity: "Invoice", id: invoice!.qboId! }]);
    await sync();
    const after = await status("invoice", invoice!.id);
    expect(after.state).toBe("deleted_in_qbo");
    expect("qboId" in after).toBe(false);
    // The next sync re-reads the tombstone: the page keeps saying so.
    await sync();
    expect((await status("invoice", invoice!.id)).state).toBe("deleted_in_qbo");
  });

  it("an invoice voided in QuickBooks is voided on both sides and keeps its link", async () => {
    const [, invoice] = await openInvoices();
    world.server.sandbox.act(org.realmId, [{ type: "void", entity: "Invoice", id: invoice!.qboId! }]);
    await sync();
    expect(await status("invoice", invoice!.id)).toMatchObject({ state: "voided", qboId: invoice!.qboId });
  });

  it("with 2-Way Payment Sync off, a bill paid in QuickBooks says it was paid there (fully or partly)", async () => {
    const [paid, partly] = await openBills();
    world.server.sandbox.act(org.realmId, [
      { type: "pay-bill", billId: paid!.qboId! },
      { type: "pay-bill", billId: partly!.qboId!, amount: 1 },
    ]);
    await sync();
    expect(await status("bill", paid!.id)).toMatchObject({ state: "synced", paidInQbo: { balanceCents: 0, partly: false } });
    expect(await status("bill", partly!.id)).toMatchObject({ state: "synced", paidInQbo: { balanceCents: partly!.totalCents - 100, partly: true } });
  });

  it("a QuickBooks bill that never came in and is then deleted there closes its open issue", async () => {
    const [issue] = await world.handle.db
      .select()
      .from(syncIssues)
      .where(and(eq(syncIssues.organizationId, org.organizationId), eq(syncIssues.objectType, "bill"), eq(syncIssues.reasonCode, "MISSING_DOC_NUMBER"), isNull(syncIssues.localId), isNull(syncIssues.resolvedAt)))
      .limit(1);
    expect(issue?.qboId).toBeTruthy();
    world.server.sandbox.act(org.realmId, [{ type: "delete", entity: "Bill", id: issue!.qboId! }]);
    await sync();
    const [after] = await world.handle.db.select().from(syncIssues).where(eq(syncIssues.id, issue!.id));
    expect(after?.resolvedAt).not.toBeNull();
  });
});

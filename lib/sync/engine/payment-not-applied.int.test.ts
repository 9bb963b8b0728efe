import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { billPayments, bills, syncIssues } from "@/lib/db/schema";
import { recordSyncStatus } from "@/lib/sync/record-sync-status";
import { getSyncPreferences } from "@/lib/sync/preferences";
import { syncNow, syncedOrgWithSandboxCompany } from "@/lib/sync/engine/sandbox-org";
import { closeSyncTestWorld, openSyncTestWorld, type SyncTestWorld } from "@/lib/sync/engine/sync-test-world";

let world: SyncTestWorld;
let org: Awaited<ReturnType<typeof syncedOrgWithSandboxCompany>>;

beforeAll(async () => {
  world = await openSyncTestWorld();
  org = await syncedOrgWithSandboxCompany(world.handle.db, world.server, world.qbo, { vendors: 2, customers: 2, bills: 6, invoices: 2, randomSeed: 11 });
});

afterAll(() => closeSyncTestWorld(world));

async function openIssues(localId: string) {
  return world.handle.db
    .select()
    .from(syncIssues)
    .where(and(eq(syncIssues.organizationId, org.organizationId), eq(syncIssues.localId, localId), isNull(syncIssues.resolvedAt)));
}

describe("a payment QuickBooks kept as an unapplied credit", () => {
  it("is not recorded as synced: an issue says the bill was already paid, nothing is sent twice, voiding clears it", async () => {
    const { db } = world.handle;
    const { server, qbo } = world;
    const [bill] = await db.select().from(bills).where(and(eq(bills.organizationId, org.organizationId), eq(bills.status, "unpaid")));
    // Paid in QuickBooks (2-way payment sync is off, so the app still shows it unpaid)…
    server.sandbox.act(org.realmId, [{ type: "pay-bill", billId: bill!.qboId! }]);
    // …and paid again in the app.
    const prefs = await getSyncPreferences(db, org.organizationId);
    const [payment] = await db
      .insert(billPayments)
      .values({
        organizationId: org.organizationId,
        billId: bill!.id,
        vendorId: bill!.vendorId,
        kind: "electronic",
        status: "paid",
        amountCents: bill!.totalCents,
        bankAccountId: prefs.bankAccountId!,
        processDate: "2026-11-20",
        paidDate: "2026-11-20",
      })
      .returning();
    const summary = await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(summary.counts["bill_payment"]?.created ?? 0).toBe(0);
    expect(summary.counts["bill_payment"]?.failed).toBe(1);

    const [issue, ...more] = await openIssues(payment!.id);
    expect(more).toHaveLength(0);
    expect(issue?.reasonCode).toBe("PAYMENT_NOT_APPLIED");
    expect(issue?.detail).toMatch(/already paid in full/i);
    expect(issue?.detail).toMatch(/void this payment/i);
    expect((await recordSyncStatus(db, org.organizationId, "bill_payment", payment!.id)).state).toBe("issue");

    // QBO holds the payment as an unapplied credit; the next runs neither send it again nor clear the issue.
    const writes = server.sandbox.getStats(org.realmId).writes;
    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(server.sandbox.getStats(org.realmId).writes).toBe(writes);
    expect((await openIssues(payment!.id)).map((i) => i.reasonCode)).toEqual(["PAYMENT_NOT_APPLIED"]);

    // The fix: void the duplicate payment in the app; the sync voids it in QBO and the issue clears.
    const [linked] = await db.select().from(billPayments).where(eq(billPayments.id, payment!.id));
    expect(linked?.qboId).toBeTruthy();
    await db.update(billPayments).set({ status: "voided", voidedAt: new Date() }).where(eq(billPayments.id, payment!.id));
    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(server.sandbox.getRecord(org.realmId, "BillPayment", linked!.qboId!)?.["TotalAmt"]).toBe(0);
    expect(await openIssues(payment!.id)).toHaveLength(0);
  });
});

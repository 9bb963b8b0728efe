import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { billLines, bills, syncIntentions, syncMappings, vendors } from "@/lib/db/schema";
import { accountIdByName, syncNow, syncedOrgWithSandboxCompany } from "@/lib/sync/engine/sandbox-org";
import { closeSyncTestWorld, openSyncTestWorld, type SyncTestWorld } from "@/lib/sync/engine/sync-test-world";

let handle: SyncTestWorld["handle"];
let server: SyncTestWorld["server"];
let qbo: SyncTestWorld["qbo"];

beforeAll(async () => {
  ({ handle, server, qbo } = await openSyncTestWorld());
});

afterAll(() => closeSyncTestWorld({ handle, server }));

class SimulatedCrash extends Error {}

describe("exactly-once writes to QBO", () => {
  it("a crash after QBO accepted a write and before it was recorded creates no duplicate and loses no change", { timeout: 60_000 }, async () => {
    const db = handle.db;
    const org = await syncedOrgWithSandboxCompany(db, server, qbo, { vendors: 2, customers: 2, bills: 10, invoices: 10 });

    const [vendor] = await db.insert(vendors).values({ organizationId: org.organizationId, displayName: "Crash Test Vendor" }).returning();
    const expense = await accountIdByName(db, org.organizationId, "Utilities");
    // The vendor syncs first (its own run) so the bill's batch is the one that "crashes".
    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    const [bill] = await db
      .insert(bills)
      .values({ organizationId: org.organizationId, vendorId: vendor!.id, billNumber: "CRASH-1", billDate: "2026-11-10", dueDate: "2026-12-10", totalCents: 50_000, openBalanceCents: 50_000 })
      .returning();
    await db.insert(billLines).values({ organizationId: org.organizationId, billId: bill!.id, position: 1, accountId: expense, amountCents: 50_000 });

    const crashed = await syncNow(db, org.organizationId, {
      clientFactory: qbo.factory,
      afterWrite: ({ intentionKeys }) => {
        if (intentionKeys.some((key) => key.includes(`bill:${bill!.id}:create`))) throw new SimulatedCrash("power cut");
      },
    });
    expect(crashed.status).toBe("failed");
    const client = (await qbo.factory(org.organizationId))!.client;
    expect(await client.count("Bill", "DocNumber = 'CRASH-1'")).toBe(1); // QBO has it…
    const mappingOf = async () =>
      (await db.select().from(syncMappings).where(and(eq(syncMappings.organizationId, org.organizationId), eq(syncMappings.localId, bill!.id))))[0];
    expect(await mappingOf()).toBeUndefined(); // …the app did not record it
    const [pending] = await db.select().from(syncIntentions).where(and(eq(syncIntentions.organizationId, org.organizationId), eq(syncIntentions.localId, bill!.id)));
    expect(pending?.status).toBe("pending");

    const writesBefore = server.sandbox.getStats(org.realmId).writes;
    const recovered = await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(recovered.status).not.toBe("failed");
    expect(await client.count("Bill", "DocNumber = 'CRASH-1'")).toBe(1); // no duplicate
    expect(server.sandbox.getStats(org.realmId).writes).toBe(writesBefore); // the retry was replayed, not re-written
    const mapping = await mappingOf();
    const [qboBill] = await client.query("Bill", "DocNumber = 'CRASH-1'");
    expect(mapping?.qboId).toBe(qboBill?.Id);
    const [confirmed] = await db.select().from(syncIntentions).where(eq(syncIntentions.id, pending!.id));
    expect(confirmed?.status).toBe("confirmed");
    expect(confirmed?.requestId).toBe(pending?.requestId);

    // The same for an update: the edit crashes after QBO took it, and still ends up recorded once.
    await db.update(bills).set({ memo: "Second thoughts" }).where(eq(bills.id, bill!.id));
    const crashedUpdate = await syncNow(db, org.organizationId, {
      clientFactory: qbo.factory,
      afterWrite: ({ intentionKeys }) => {
        if (intentionKeys.some((key) => key.includes(`bill:${bill!.id}:update`))) throw new SimulatedCrash("power cut");
      },
    });
    expect(crashedUpdate.status).toBe("failed");
    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(server.sandbox.getRecord(org.realmId, "Bill", qboBill!.Id)?.["PrivateNote"]).toBe("Second thoughts");
    const afterUpdate = await mappingOf();
    expect(afterUpdate?.syncToken).toBe(String(server.sandbox.getRecord(org.realmId, "Bill", qboBill!.Id)?.["SyncToken"]));
    const quiet = await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(quiet.counts["bill"]?.updated ?? 0).toBe(0);
  });
});

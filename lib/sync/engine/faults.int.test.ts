import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { billLines, bills, qboConnections, vendors } from "@/lib/db/schema";
import { getSyncStatus } from "@/lib/sync/engine";
import { accountIdByName, orgWithSandboxCompany, syncNow, syncedOrgWithSandboxCompany } from "@/lib/sync/engine/sandbox-org";
import { closeSyncTestWorld, openSyncTestWorld, type SyncTestWorld } from "@/lib/sync/engine/sync-test-world";

let handle: SyncTestWorld["handle"];
let server: SyncTestWorld["server"];
let qbo: SyncTestWorld["qbo"];

beforeAll(async () => {
  ({ handle, server, qbo } = await openSyncTestWorld());
});

afterAll(() => closeSyncTestWorld({ handle, server }));

describe("QBO faults", () => {
  it("server errors on a batch are retried with the same request id: the write lands once", { timeout: 60_000 }, async () => {
    const db = handle.db;
    const org = await syncedOrgWithSandboxCompany(db, server, qbo, { vendors: 2, customers: 2, bills: 10, invoices: 10 });
    const [vendor] = await db.select().from(vendors).where(eq(vendors.organizationId, org.organizationId)).limit(1);
    const [bill] = await db
      .insert(bills)
      .values({ organizationId: org.organizationId, vendorId: vendor!.id, billNumber: "RETRY-1", billDate: "2026-11-12", dueDate: "2026-12-12", totalCents: 7_700, openBalanceCents: 7_700 })
      .returning();
    await db.insert(billLines).values({ organizationId: org.organizationId, billId: bill!.id, position: 1, accountId: await accountIdByName(db, org.organizationId, "Travel"), amountCents: 7_700 });
    server.sandbox.injectFault({ realmId: org.realmId, kind: "503", count: 2, pathMatch: "/batch" });
    const summary = await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(summary.status).not.toBe("failed");
    const client = (await qbo.factory(org.organizationId))!.client;
    expect(await client.count("Bill", "DocNumber = 'RETRY-1'")).toBe(1);
  });

  it("a revoked connection stops the run and marks the connection as needing reconnect", async () => {
    const db = handle.db;
    const org = await orgWithSandboxCompany(db, server, qbo);
    await db.insert(qboConnections).values({ organizationId: org.organizationId, realmId: org.realmId, companyName: "Sandbox" });
    server.sandbox.injectFault({ realmId: org.realmId, kind: "revoke-refresh" });
    server.sandbox.injectFault({ realmId: org.realmId, kind: "expire-tokens" });
    const summary = await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(summary.status).toBe("failed");
    expect(summary.error).toMatch(/reconnect/i);
    const status = await getSyncStatus(db, org.organizationId);
    expect(status.connection).toBe("needs_reconnect");
    expect(status.lastRun?.status).toBe("failed");
  });
});

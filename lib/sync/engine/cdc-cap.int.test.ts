import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bills } from "@/lib/db/schema";
import { syncNow, syncedOrgWithSandboxCompany } from "@/lib/sync/engine/sandbox-org";
import { closeSyncTestWorld, openSyncTestWorld, type SyncTestWorld } from "@/lib/sync/engine/sync-test-world";

let handle: SyncTestWorld["handle"];
let server: SyncTestWorld["server"];
let qbo: SyncTestWorld["qbo"];

beforeAll(async () => {
  ({ handle, server, qbo } = await openSyncTestWorld());
});

afterAll(() => closeSyncTestWorld({ handle, server }));

describe("incremental sync past CDC's 1,000-object cap", () => {
  it("narrows the window (or reads in full) and misses no change", { timeout: 90_000 }, async () => {
    const db = handle.db;
    const org = await syncedOrgWithSandboxCompany(db, server, qbo, { vendors: 10, customers: 5, bills: 1_080, invoices: 10 });
    const linked = await db.select({ id: bills.id, qboId: bills.qboId }).from(bills).where(eq(bills.organizationId, org.organizationId));
    const client = (await qbo.factory(org.organizationId))!.client;
    const everyBill = await client.query("Bill");
    expect(everyBill.length).toBeGreaterThan(1_000); // one CDC response cannot hold every change
    server.sandbox.act(org.realmId, everyBill.map((b) => ({ type: "update" as const, entity: "Bill" as const, id: b.Id, fields: { PrivateNote: "Bulk edit" } })));

    const summary = await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(summary.mode).toBe("incremental");
    expect(summary.counts["bill"]?.updated).toBe(linked.length);
    const memos = await db.select({ memo: bills.memo }).from(bills).where(eq(bills.organizationId, org.organizationId));
    expect(memos.every((b) => b.memo === "Bulk edit")).toBe(true);
  });
});

import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import { bulkInsert } from "@/lib/db/bulk-insert";
import type { DatabaseHandle } from "@/lib/db/connection";
import { auditEvents, bills, qboWebhookDeliveries, syncMappings, vendors } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";

let handle: DatabaseHandle;
let organizationId: string;
let vendorId: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  ({ organization: { id: organizationId } } = await signUp(handle.db, { name: "Bulk", email: "bulk@example.com", password: "a fine password", organizationName: "Bulk" }));
  [{ id: vendorId }] = (await handle.db.insert(vendors).values({ organizationId, displayName: "Acme" }).returning({ id: vendors.id })) as [{ id: string }];
});
afterAll(async () => handle.close());

describe("bulkInsert", () => {
  it("writes every column type the schema uses exactly as insert().values() would", async () => {
    const voidedAt = new Date("2026-03-04T05:06:07.089Z");
    const rows = Array.from({ length: 1200 }, (_, i) => ({
      organizationId,
      vendorId,
      billNumber: `B-${i} "quoted" \\ ünïcode`,
      billDate: "2026-01-31",
      dueDate: "2026-02-28",
      memo: i % 2 ? null : "memo",
      totalCents: 9_007_199_254_740 + i,
      openBalanceCents: 0,
      status: "paid" as const,
      voidedAt,
    }));
    await bulkInsert(handle.db, bills, rows, { chunkSize: 500 });
    const stored = await handle.db.select().from(bills).where(eq(bills.organizationId, organizationId));
    expect(stored).toHaveLength(1200);
    const first = stored.find((b) => b.billNumber === `B-0 "quoted" \\ ünïcode`);
    expect(first).toMatchObject({ billDate: "2026-01-31", memo: "memo", totalCents: 9_007_199_254_740, status: "paid", currency: "USD", voidedAt });
    expect(first?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first?.createdAt).toBeInstanceOf(Date);
  });

  it("sends a value shared by every row once, whatever its type (boolean, null, number), and keeps per-row ones", async () => {
    await bulkInsert(handle.db, vendors, [
      { organizationId, displayName: "Shared A", email: null, active: false },
      { organizationId, displayName: "Shared B", email: null, active: false },
    ]);
    const stored = await handle.db.select().from(vendors).where(and(eq(vendors.organizationId, organizationId), eq(vendors.active, false)));
    expect(stored.map((v) => [v.displayName, v.email, v.active]).sort()).toEqual([["Shared A", null, false], ["Shared B", null, false]]);
    await bulkInsert(handle.db, vendors, [
      { organizationId, displayName: "Shared C", active: true },
      { organizationId, displayName: "Shared D", active: true },
    ]);
    const active = await handle.db.select().from(vendors).where(and(eq(vendors.organizationId, organizationId), eq(vendors.active, true)));
    expect(active.map((v) => v.displayName).filter((name) => name.startsWith("Shared")).sort()).toEqual(["Shared C", "Shared D"]);
    // One row: every value is "shared", yet the row is written once.
    await bulkInsert(handle.db, vendors, [{ organizationId, displayName: "Single", active: true }]);
    expect(await handle.db.select().from(vendors).where(eq(vendors.displayName, "Single"))).toMatchObject([{ active: true }]);
  });

  it("stores jsonb and text[] values as structures, not strings", async () => {
    await bulkInsert(handle.db, auditEvents, [
      { organizationId, entityType: "bill", entityId: vendorId, action: "imported", changes: [{ field: "total", label: "Total", old: null, new: "1.00" }] },
    ]);
    const [event] = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, "imported")));
    expect(event?.changes).toEqual([{ field: "total", label: "Total", old: null, new: "1.00" }]);
    await bulkInsert(handle.db, qboWebhookDeliveries, [{ bodySha256: "abc", format: "classic", realmIds: ["1", "2"], eventCount: 2 }]);
    const [delivery] = await handle.db.select().from(qboWebhookDeliveries).where(eq(qboWebhookDeliveries.bodySha256, "abc"));
    expect(delivery?.realmIds).toEqual(["1", "2"]);
  });

  it("upserts on the conflict target, overwriting only the listed columns", async () => {
    const base = { organizationId, objectType: "bill", realmId: "r1", lastUpdatedTime: null, syncedAt: new Date() };
    const localId = "00000000-0000-4000-8000-000000000001";
    await bulkInsert(handle.db, syncMappings, [{ ...base, localId, qboId: "1", syncToken: "0", contentHash: "h0" }]);
    await bulkInsert(handle.db, syncMappings, [{ ...base, localId, qboId: "1", syncToken: "3", contentHash: "h3" }], {
      onConflict: { target: ["organizationId", "objectType", "localId"], update: ["syncToken"] },
    });
    const [mapping] = await handle.db.select().from(syncMappings).where(eq(syncMappings.localId, localId));
    expect(mapping).toMatchObject({ syncToken: "3", contentHash: "h0" });
  });

  it("refuses rows that disagree on a column with a default, and writes nothing", async () => {
    const row = { organizationId, entityType: "bill", entityId: vendorId, action: "mixed" };
    await expect(bulkInsert(handle.db, auditEvents, [row, { ...row, actorKind: "sync" }])).rejects.toThrow(/actorKind/);
    expect(await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "mixed"))).toEqual([]);
  });
});

import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { billLines, bills, syncIssues, syncMappings, syncRuns, vendors } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/connection";
import { previewNothingToDo, type SyncPreview } from "@/lib/sync/core/preview";
import { requestSync } from "@/lib/sync/engine";
import { accountIdByName, orgWithSandboxCompany, setStandardPreferences, syncNow } from "@/lib/sync/engine/sandbox-org";
import { closeSyncTestWorld, openSyncTestWorld, type SyncTestWorld } from "@/lib/sync/engine/sync-test-world";
import { previewSync } from "@/lib/sync/preview/preview-sync";

let handle: SyncTestWorld["handle"];
let server: SyncTestWorld["server"];
let qbo: SyncTestWorld["qbo"];

beforeAll(async () => {
  ({ handle, server, qbo } = await openSyncTestWorld());
});

afterAll(() => closeSyncTestWorld({ handle, server }));

const SEED = { vendors: 4, customers: 4, bills: 14, invoices: 14, randomSeed: 5 };
const QBO_ENTITIES = ["Vendor", "Customer", "Bill", "Invoice", "VendorCredit", "BillPayment", "Payment", "JournalEntry", "Account", "Item", "Term"] as const;

/** Every table of the app's schema, each as a fingerprint of all its rows (a change anywhere shows). */
async function databaseFingerprint(db: DatabaseHandle): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>("select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1");
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.query<{ n: number | string; digest: string | null }>(`select count(*) as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from "${name}" t`);
    out[name] = `${row?.n}:${row?.digest}`;
  }
  return out;
}

async function qboFingerprint(organizationId: string, realmId: string) {
  const client = (await qbo.factory(organizationId))!.client;
  const counts: Record<string, number> = {};
  for (const entity of QBO_ENTITIES) counts[entity] = await client.count(entity);
  return { counts, writes: server.sandbox.getStats(realmId).writes };
}

function ready(preview: SyncPreview): Extract<SyncPreview, { status: "ready" }> {
  if (preview.status !== "ready") throw new Error(`preview not ready: ${preview.status} ${preview.message}`);
  return preview;
}

describe("preview sync (dry run) against a sandbox company over HTTP", { timeout: 120_000 }, () => {
  let org: Awaited<ReturnType<typeof orgWithSandboxCompany>>;
  let vendorId: string;

  beforeAll(async () => {
    org = await orgWithSandboxCompany(handle.db, server, qbo, SEED);
    // The first sync brings the chart of accounts (and names); bills and invoices wait for preferences.
    await syncNow(handle.db, org.organizationId, { clientFactory: qbo.factory });
    await setStandardPreferences(handle.db, org.organizationId, org.userId);
    const db = handle.db;
    const [vendor] = await db.insert(vendors).values({ organizationId: org.organizationId, displayName: "Preview Paper Co", email: "ap@preview.example.com" }).returning();
    vendorId = vendor!.id;
    const expense = await accountIdByName(db, org.organizationId, "Office Supplies & Software");
    const [bill] = await db
      .insert(bills)
      .values({ organizationId: org.organizationId, vendorId, billNumber: "PRE-1", billDate: "2026-11-01", dueDate: "2026-12-01", totalCents: 4_250, openBalanceCents: 4_250 })
      .returning();
    await db.insert(billLines).values({ organizationId: org.organizationId, billId: bill!.id, position: 1, accountId: expense, description: "Paper", amountCents: 4_250 });
  });

  it("writes nothing to the app database or to QuickBooks, holds no run, and then equals what the real sync does", async () => {
    const dbBefore = await databaseFingerprint(handle);
    const qboBefore = await qboFingerprint(org.organizationId, org.realmId);

    const preview = ready(await previewSync(handle.db, { organizationId: org.organizationId, clientFactory: qbo.factory }));

    expect(await databaseFingerprint(handle)).toEqual(dbBefore);
    expect(await qboFingerprint(org.organizationId, org.realmId)).toEqual(qboBefore);
    const active = await handle.db.select().from(syncRuns).where(and(eq(syncRuns.organizationId, org.organizationId), eq(syncRuns.status, "running")));
    expect(active).toHaveLength(0);

    // What would go to QuickBooks: the new vendor and its bill, told apart by name, number, amount and party.
    const toQbo = preview.changes.filter((c) => c.direction === "to_qbo" && c.action === "create");
    expect(toQbo).toContainEqual({ objectType: "vendor", direction: "to_qbo", action: "create", record: expect.objectContaining({ title: "Preview Paper Co" }) });
    expect(toQbo).toContainEqual({
      objectType: "bill",
      direction: "to_qbo",
      action: "create",
      record: expect.objectContaining({ title: "PRE-1", amountCents: 4_250, party: "Preview Paper Co", date: "2026-11-01" }),
    });
    const importedBills = preview.changes.filter((c) => c.objectType === "bill" && c.direction === "to_app" && c.action === "create");
    expect(importedBills.length).toBeGreaterThan(0);
    expect(importedBills.every((c) => c.record.qboId && c.record.amountCents !== undefined)).toBe(true);

    const real = await syncNow(handle.db, org.organizationId, { clientFactory: qbo.factory });
    expect(real.status).not.toBe("failed");
    expect(preview.counts).toEqual(real.counts);
    expect(preview.mode).toBe(real.mode);
    // The lists add up to the engine's counts: for bills, PRE-1 out and the rest in.
    expect(importedBills.length + 1).toBe(real.counts["bill"]?.created);
    for (const type of ["account", "vendor", "customer", "bill", "invoice"]) {
      const listed = preview.changes.filter((c) => c.objectType === type && c.action === "create").length;
      expect(listed, type).toBe(real.counts[type]?.created ?? 0);
    }
    const [pushed] = await handle.db.select().from(bills).where(and(eq(bills.organizationId, org.organizationId), eq(bills.billNumber, "PRE-1")));
    expect(pushed?.qboId).toBeTruthy();

    // Skipped records carry the reason the real sync shows for them.
    const issues = await handle.db
      .select()
      .from(syncIssues)
      .where(and(eq(syncIssues.organizationId, org.organizationId), eq(syncIssues.lastSeenRunId, real.runId), isNull(syncIssues.resolvedAt)));
    expect(issues.length).toBeGreaterThan(0);
    const shown = (rows: Array<{ label: string; detail: string | null }>) => rows.map((r) => `${r.label} — ${r.detail ?? ""}`).sort();
    expect(shown(preview.skipped)).toEqual(shown(issues));
  });

  it("after the sync, a preview says there is nothing to do (the clearing accounts it created are not taken back from QuickBooks again)", async () => {
    const preview = ready(await previewSync(handle.db, { organizationId: org.organizationId, clientFactory: qbo.factory }));
    expect(preview.changes).toEqual([]);
    expect(previewNothingToDo(preview)).toBe(true);
    const real = await syncNow(handle.db, org.organizationId, { clientFactory: qbo.factory });
    expect(real.counts).toEqual({});
  });

  it("shows a conflict with both versions of the differing fields, and who would win", async () => {
    const db = handle.db;
    const [bill] = await db.select().from(bills).where(and(eq(bills.organizationId, org.organizationId), eq(bills.billNumber, "PRE-1")));
    const [mapping] = await db.select().from(syncMappings).where(and(eq(syncMappings.organizationId, org.organizationId), eq(syncMappings.localId, bill!.id)));
    await db.update(bills).set({ memo: "Edited in Ledgerbridge", updatedAt: new Date() }).where(eq(bills.id, bill!.id));
    server.sandbox.act(org.realmId, [{ type: "update", entity: "Bill", id: mapping!.qboId, fields: { PrivateNote: "Edited in QuickBooks" } }]);

    const preview = ready(await previewSync(db, { organizationId: org.organizationId, clientFactory: qbo.factory }));
    expect(preview.conflicts).toEqual([
      {
        objectType: "bill",
        record: expect.objectContaining({ title: "PRE-1", party: "Preview Paper Co", qboId: mapping!.qboId }),
        winner: "quickbooks",
        fields: [{ label: "Memo", app: "Edited in Ledgerbridge", qbo: "Edited in QuickBooks" }],
      },
    ]);
    expect(preview.changes).toContainEqual(expect.objectContaining({ objectType: "bill", direction: "to_app", action: "update" }));
    // Still nothing written: the app keeps its version until a real sync.
    const [after] = await db.select().from(bills).where(eq(bills.id, bill!.id));
    expect(after?.memo).toBe("Edited in Ledgerbridge");
    expect(server.sandbox.getRecord(org.realmId, "Bill", mapping!.qboId)?.["PrivateNote"]).toBe("Edited in QuickBooks");

    const real = await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(preview.counts).toEqual(real.counts);
  });

  it("with 2-Way Payment Sync, a bill paid in QuickBooks is a payment the sync would record, and the counts still match", async () => {
    const db = handle.db;
    const [bill] = await db.select().from(bills).where(and(eq(bills.organizationId, org.organizationId), eq(bills.billNumber, "PRE-1")));
    server.sandbox.act(org.realmId, [{ type: "pay-bill", billId: bill!.qboId! }]);
    await setStandardPreferences(db, org.organizationId, org.userId, { twoWayPaymentSync: true });
    const preview = ready(await previewSync(db, { organizationId: org.organizationId, clientFactory: qbo.factory }));
    expect(preview.changes).toContainEqual({ objectType: "bill_payment", direction: "to_app", action: "create", record: expect.objectContaining({ amountCents: 4_250 }) });
    const [unchanged] = await db.select().from(bills).where(eq(bills.id, bill!.id));
    expect(unchanged?.status).toBe(bill!.status);
    const real = await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(preview.counts).toEqual(real.counts);
    const [paid] = await db.select().from(bills).where(eq(bills.id, bill!.id));
    expect(paid?.status).toBe("paid");
  });

  it("while a sync is queued or running, says so and previews nothing", async () => {
    const { runId } = await requestSync(handle.db, { organizationId: org.organizationId, trigger: "manual" });
    const preview = await previewSync(handle.db, { organizationId: org.organizationId, clientFactory: qbo.factory });
    expect(preview).toMatchObject({ status: "sync-running", message: "A sync is running. Preview again when it finishes." });
    const [run] = await handle.db.select().from(syncRuns).where(eq(syncRuns.id, runId));
    expect(run?.status).toBe("queued");
    await handle.db.update(syncRuns).set({ status: "failed", finishedAt: new Date() }).where(eq(syncRuns.id, runId));
  });

  it("an organisation that is not connected gets a plain message", async () => {
    const preview = await previewSync(handle.db, { organizationId: org.organizationId, clientFactory: async () => null });
    expect(preview).toMatchObject({ status: "not-connected" });
  });
});

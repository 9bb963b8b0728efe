import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, bills, invoices, syncIssues, syncMappings, syncRuns, vendors } from "@/lib/db/schema";
import { executeSyncRun, getSyncStatus, requestSync } from "@/lib/sync/engine";
import { accountIdByName, orgWithSandboxCompany, setStandardPreferences, syncNow, syncedOrgWithSandboxCompany } from "@/lib/sync/engine/sandbox-org";
import { closeSyncTestWorld, openSyncTestWorld, type SyncTestWorld } from "@/lib/sync/engine/sync-test-world";

let handle: SyncTestWorld["handle"];
let server: SyncTestWorld["server"];
let qbo: SyncTestWorld["qbo"];

beforeAll(async () => {
  ({ handle, server, qbo } = await openSyncTestWorld());
});

afterAll(() => closeSyncTestWorld({ handle, server }));

const SEED = { vendors: 6, customers: 6, bills: 30, invoices: 30, randomSeed: 7 };

type Raw = { Id: string; DocNumber?: string; TotalAmt?: number; Balance?: number; CurrencyRef?: { value: string }; TxnSource?: string; PrivateNote?: string };

/** Independent of the engine: what SPEC §3 says should come in (unpaid, USD, numbered, not Commerce, not $0, not voided). */
function syncable(rows: Raw[]): Raw[] {
  return rows.filter(
    (r) =>
      (r.TotalAmt ?? 0) > 0 &&
      r.Balance === r.TotalAmt &&
      (r.CurrencyRef?.value ?? "USD") === "USD" &&
      !!r.DocNumber &&
      r.TxnSource !== "QuickBooksCommerce" &&
      !/quickbooks commerce/i.test(r.PrivateNote ?? "") &&
      !/^Voided/.test(r.PrivateNote ?? ""),
  );
}

async function openIssues(organizationId: string) {
  return handle.db.select().from(syncIssues).where(and(eq(syncIssues.organizationId, organizationId), isNull(syncIssues.resolvedAt)));
}

describe("full and incremental sync against a seeded sandbox company", () => {
  let org: Awaited<ReturnType<typeof orgWithSandboxCompany>>;

  beforeAll(async () => {
    org = await orgWithSandboxCompany(handle.db, server, qbo, SEED);
  });

  it("without preferences brings the chart of accounts and names but no bills, and says so", async () => {
    const summary = await syncNow(handle.db, org.organizationId, { clientFactory: qbo.factory });
    expect(summary.status).toBe("partial");
    expect(summary.preferencesMissing).toEqual(["Unallocated Expense Account", "Unallocated Income Account", "Bank Account GL"]);
    expect(summary.counts["account"]?.created).toBeGreaterThan(20);
    expect(summary.counts["vendor"]?.created).toBe(SEED.vendors + 1); // + the EUR vendor; the inactive one stays in QBO
    const billRows = await handle.db.select().from(bills).where(eq(bills.organizationId, org.organizationId));
    expect(billRows).toHaveLength(0);
    const issues = await openIssues(org.organizationId);
    expect(issues.map((i) => i.reasonCode)).toEqual(["PREFERENCES_MISSING"]);
    const status = await getSyncStatus(handle.db, org.organizationId);
    expect(status.preferencesMissing).toHaveLength(3);
    expect(status.nextAutoSyncAt).toBeNull(); // Sync Automatically is off by default
    expect(status.lastRun?.id).toBe(summary.runId);
    expect(status.activeRun).toBeNull();
  });

  it("with preferences imports exactly the syncable bills and invoices and lists every skip reason", async () => {
    await setStandardPreferences(handle.db, org.organizationId, org.userId);
    const summary = await syncNow(handle.db, org.organizationId, { clientFactory: qbo.factory });
    expect(summary.error).toBeNull();
    expect(summary.mode).toBe("full");
    const status = await getSyncStatus(handle.db, org.organizationId);
    expect(status.nextAutoSyncAt?.getTime()).toBe(summary.finishedAt.getTime() + 24 * 60 * 60_000);

    const client = (await qbo.factory(org.organizationId))!.client;
    const qboBills = (await client.query("Bill")) as unknown as Raw[];
    const qboInvoices = (await client.query("Invoice")) as unknown as Raw[];
    const appBills = await handle.db.select().from(bills).where(eq(bills.organizationId, org.organizationId));
    const appInvoices = await handle.db.select().from(invoices).where(eq(invoices.organizationId, org.organizationId));
    expect(appBills.map((b) => b.billNumber).sort()).toEqual(syncable(qboBills).map((b) => b.DocNumber).sort());
    expect(appInvoices.map((b) => b.invoiceNumber).sort()).toEqual(syncable(qboInvoices).map((b) => b.DocNumber).sort());
    expect(appBills.every((b) => b.status === "unpaid" && b.openBalanceCents === b.totalCents)).toBe(true);
    expect(summary.counts["bill"]?.created).toBe(appBills.length);

    const issues = await openIssues(org.organizationId);
    const reasons = (type: string) => new Set(issues.filter((i) => i.objectType === type).map((i) => i.reasonCode));
    for (const reason of ["PAID_IN_QBO", "PARTIALLY_PAID_IN_QBO", "NON_USD_CURRENCY", "MISSING_DOC_NUMBER", "QUICKBOOKS_COMMERCE", "ZERO_AMOUNT"]) {
      expect(reasons("bill")).toContain(reason);
      expect(reasons("invoice")).toContain(reason);
    }
    expect(reasons("invoice")).toContain("VOIDED_IN_QBO");
    // Every QBO bill either came in or has an open issue.
    expect(appBills.length + issues.filter((i) => i.objectType === "bill").length).toBe(qboBills.length);
    // The preferences issue of the first run cleared itself.
    expect(issues.some((i) => i.reasonCode === "PREFERENCES_MISSING")).toBe(false);
    const missingNumber = issues.find((i) => i.objectType === "bill" && i.reasonCode === "MISSING_DOC_NUMBER")!;
    expect(missingNumber.detail).toMatch(/Bill no\./);
    expect(missingNumber.qboId).toBeTruthy();
    // Issue 14 item 7: a number-less bill is named by its party, amount, date and QBO id.
    expect(missingNumber.label).toMatch(/^This bill from .+ \(\$[\d,]+\.\d{2}, dated \d{4}-\d{2}-\d{2}, QuickBooks ID \d+\)$/);
    expect(missingNumber.label.endsWith(`QuickBooks ID ${missingNumber.qboId})`)).toBe(true);

    // Clearing accounts were created in QBO and saved in the preferences.
    const clearing = await client.query("Account", "Name = 'Money Out Clearing'");
    expect(clearing).toHaveLength(1);
    expect(clearing[0]?.AccountType).toBe("Bank");
    const run = (await handle.db.select().from(syncRuns).where(eq(syncRuns.id, summary.runId)))[0]!;
    expect(run.status).toBe("partial");
    expect(run.percent).toBe(100);
    expect(run.apiCalls).toBeGreaterThan(0);
  });

  it("a DocNumber added in QBO comes in on the next (incremental) sync and its issue resolves", async () => {
    const before = (await openIssues(org.organizationId)).find((i) => i.objectType === "bill" && i.reasonCode === "MISSING_DOC_NUMBER")!;
    server.sandbox.act(org.realmId, [{ type: "update", entity: "Bill", id: before.qboId!, fields: { DocNumber: "FIXED-1" } }]);
    const summary = await syncNow(handle.db, org.organizationId, { clientFactory: qbo.factory });
    expect(summary.mode).toBe("incremental");
    expect(summary.counts["bill"]?.created).toBe(1);
    const imported = await handle.db.select().from(bills).where(and(eq(bills.organizationId, org.organizationId), eq(bills.billNumber, "FIXED-1")));
    expect(imported).toHaveLength(1);
    const [issue] = await handle.db.select().from(syncIssues).where(eq(syncIssues.id, before.id));
    expect(issue?.resolvedAt).not.toBeNull();
  });

  it("a no-change incremental sync writes nothing and reads little", async () => {
    const statsBefore = server.sandbox.getStats(org.realmId);
    const summary = await syncNow(handle.db, org.organizationId, { clientFactory: qbo.factory });
    const statsAfter = server.sandbox.getStats(org.realmId);
    expect(statsAfter.writes - statsBefore.writes).toBe(0);
    expect(statsAfter.total - statsBefore.total).toBeLessThanOrEqual(2); // company info + one CDC read
    expect(summary.counts["bill"]?.created ?? 0).toBe(0);
    expect(summary.counts["bill"]?.updated ?? 0).toBe(0);
  });

  it("pushes an app-created vendor and bill to QBO", async () => {
    const db = handle.db;
    const [vendor] = await db.insert(vendors).values({ organizationId: org.organizationId, displayName: "Brand New Supplies LLC", email: "ap@brandnew.example.com" }).returning();
    const expense = await accountIdByName(db, org.organizationId, "Office Supplies & Software");
    const [bill] = await db
      .insert(bills)
      .values({ organizationId: org.organizationId, vendorId: vendor!.id, billNumber: "APP-100", billDate: "2026-11-01", dueDate: "2026-12-01", totalCents: 12_345, openBalanceCents: 12_345 })
      .returning();
    const { billLines } = await import("@/lib/db/schema");
    await db.insert(billLines).values({ organizationId: org.organizationId, billId: bill!.id, position: 1, accountId: expense, description: "Paper", amountCents: 12_345 });

    const summary = await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(summary.counts["vendor"]?.created).toBe(1);
    expect(summary.counts["bill"]?.created).toBe(1);
    const client = (await qbo.factory(org.organizationId))!.client;
    const [qboBill] = await client.query("Bill", "DocNumber = 'APP-100'");
    expect(qboBill?.TotalAmt).toBe(123.45);
    const [mapping] = await db.select().from(syncMappings).where(and(eq(syncMappings.organizationId, org.organizationId), eq(syncMappings.localId, bill!.id)));
    expect(mapping?.qboId).toBe(qboBill?.Id);
    const [stored] = await db.select().from(bills).where(eq(bills.id, bill!.id));
    expect(stored?.qboId).toBe(qboBill?.Id);

    // Nothing to do the next time: no duplicate.
    const again = await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(again.counts["bill"]?.created ?? 0).toBe(0);
    expect(await client.count("Bill", "DocNumber = 'APP-100'")).toBe(1);
  });

  it("an edit on both sides is a conflict won by Master in Case of Conflict; the loser is kept in history", async () => {
    const db = handle.db;
    const [target] = await db.select().from(bills).where(and(eq(bills.organizationId, org.organizationId), eq(bills.billNumber, "APP-100")));
    const [mapping] = await db.select().from(syncMappings).where(and(eq(syncMappings.organizationId, org.organizationId), eq(syncMappings.localId, target!.id)));
    await db.update(bills).set({ memo: "Edited in Ledgerbridge" }).where(eq(bills.id, target!.id));
    server.sandbox.act(org.realmId, [{ type: "update", entity: "Bill", id: mapping!.qboId, fields: { PrivateNote: "Edited in QuickBooks" } }]);

    const summary = await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(summary.status).not.toBe("failed");
    const [after] = await db.select().from(bills).where(eq(bills.id, target!.id));
    expect(after?.memo).toBe("Edited in QuickBooks");
    const history = await db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "bill"), eq(auditEvents.entityId, target!.id)));
    const conflict = history.find((e) => e.action === "conflict: kept QuickBooks version");
    expect(conflict?.actorKind).toBe("sync");
    expect(conflict?.changes).toContainEqual({ field: "memo", label: "Memo", old: "Edited in Ledgerbridge", new: "Edited in QuickBooks" });

    // Now the app is master: the next double edit goes to QBO.
    await setStandardPreferences(db, org.organizationId, org.userId, { masterInConflict: "ledgerbridge" });
    await db.update(bills).set({ memo: "Ledgerbridge wins" }).where(eq(bills.id, target!.id));
    server.sandbox.act(org.realmId, [{ type: "update", entity: "Bill", id: mapping!.qboId, fields: { PrivateNote: "QuickBooks loses" } }]);
    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    const record = server.sandbox.getRecord(org.realmId, "Bill", mapping!.qboId);
    expect(record?.["PrivateNote"]).toBe("Ledgerbridge wins");
    const history2 = await db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "bill"), eq(auditEvents.entityId, target!.id)));
    expect(history2.some((e) => e.action === "conflict: kept Ledgerbridge version")).toBe(true);
  });
});

describe("voids and deletions", () => {
  it("a bill voided in the app is deleted in QBO; an invoice voided in QBO is voided in the app", { timeout: 60_000 }, async () => {
    const db = handle.db;
    const org = await syncedOrgWithSandboxCompany(db, server, qbo, { vendors: 3, customers: 3, bills: 12, invoices: 12, randomSeed: 11 });

    const [bill] = await db.select().from(bills).where(eq(bills.organizationId, org.organizationId)).limit(1);
    await db.update(bills).set({ voidedAt: new Date(), status: "voided" }).where(eq(bills.id, bill!.id));
    const [invoice] = await db.select().from(invoices).where(eq(invoices.organizationId, org.organizationId)).limit(1);
    server.sandbox.act(org.realmId, [{ type: "void", entity: "Invoice", id: invoice!.qboId! }]);

    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(server.sandbox.getRecord(org.realmId, "Bill", bill!.qboId!)).toBeUndefined();
    const [voidedInvoice] = await db.select().from(invoices).where(eq(invoices.id, invoice!.id));
    expect(voidedInvoice?.status).toBe("voided");
    const history = await db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "invoice"), eq(auditEvents.entityId, invoice!.id)));
    expect(history.some((e) => e.action === "voided: voided in QuickBooks" && e.actorKind === "sync")).toBe(true);

    // Both sides agree now: the next run writes nothing and changes nothing.
    const writes = server.sandbox.getStats(org.realmId).writes;
    const quiet = await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(server.sandbox.getStats(org.realmId).writes).toBe(writes);
    expect(quiet.counts["bill"]?.updated ?? 0).toBe(0);
    expect(quiet.counts["invoice"]?.updated ?? 0).toBe(0);

    // Vendors too: both sides edited → QuickBooks (the default master) wins, the app's version is history.
    const [vendor] = await db.select().from(vendors).where(and(eq(vendors.organizationId, org.organizationId), eq(vendors.active, true))).limit(1);
    await db.update(vendors).set({ email: "app@example.com" }).where(eq(vendors.id, vendor!.id));
    server.sandbox.act(org.realmId, [{ type: "update", entity: "Vendor", id: vendor!.qboId!, fields: { PrimaryEmailAddr: { Address: "qbo@example.com" } } }]);
    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    const [after] = await db.select().from(vendors).where(eq(vendors.id, vendor!.id));
    expect(after?.email).toBe("qbo@example.com");
    const vendorHistory = await db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "vendor"), eq(auditEvents.entityId, vendor!.id)));
    const conflict = vendorHistory.find((e) => e.action === "conflict: kept QuickBooks version");
    expect(conflict?.changes).toContainEqual({ field: "email", label: "Email", old: "app@example.com", new: "qbo@example.com" });
    expect(conflict?.snapshot?.title).toBe("Ledgerbridge version (not kept)");
    expect(conflict?.snapshot?.fields).toContainEqual({ label: "Email", value: "app@example.com" });
  });
});

describe("a company that syncs only from Ledgerbridge to QuickBooks", () => {
  it("brings in no QBO bills or invoices and lists them with APP_TO_QBO_ONLY", async () => {
    const org = await orgWithSandboxCompany(handle.db, server, qbo, { vendors: 3, customers: 3, bills: 12, invoices: 12, randomSeed: 5 });
    await syncNow(handle.db, org.organizationId, { clientFactory: qbo.factory });
    await setStandardPreferences(handle.db, org.organizationId, org.userId, { direction: "app_to_qbo" });
    const summary = await syncNow(handle.db, org.organizationId, { clientFactory: qbo.factory });
    expect(summary.counts["bill"]?.created ?? 0).toBe(0);
    expect(await handle.db.select().from(bills).where(eq(bills.organizationId, org.organizationId))).toHaveLength(0);
    const issues = await openIssues(org.organizationId);
    expect(issues.filter((i) => i.objectType === "bill" && i.reasonCode === "APP_TO_QBO_ONLY").length).toBeGreaterThan(0);
    expect(issues.filter((i) => i.objectType === "invoice" && i.reasonCode === "APP_TO_QBO_ONLY").length).toBeGreaterThan(0);
  });
});

describe("one run per organisation", () => {
  it("a second request joins the queued or running run; a dead run is replaced", async () => {
    const org = await orgWithSandboxCompany(handle.db, server, qbo);
    const first = await requestSync(handle.db, { organizationId: org.organizationId, trigger: "manual", userId: org.userId });
    const second = await requestSync(handle.db, { organizationId: org.organizationId, trigger: "manual" });
    expect(first.joined).toBe(false);
    expect(second).toEqual({ runId: first.runId, joined: true });
    await expect(handle.db.insert(syncRuns).values({ organizationId: org.organizationId, trigger: "cli", status: "queued" })).rejects.toThrow();

    const progress: number[] = [];
    const summary = await executeSyncRun(handle.db, first.runId, { clientFactory: qbo.factory, onProgress: (p) => progress.push(p.percent) });
    expect(summary.status).not.toBe("failed");
    expect(progress.length).toBeGreaterThan(0);
    await expect(executeSyncRun(handle.db, first.runId, { clientFactory: qbo.factory })).rejects.toThrow(/not waiting/);

    // A run whose process died (no heartbeat for over 2 minutes) is replaced by a new one.
    const dead = await requestSync(handle.db, { organizationId: org.organizationId, trigger: "manual" });
    await handle.db.update(syncRuns).set({ status: "running", heartbeatAt: new Date(Date.now() - 5 * 60_000) }).where(eq(syncRuns.id, dead.runId));
    const replaced = await requestSync(handle.db, { organizationId: org.organizationId, trigger: "manual" });
    expect(replaced.joined).toBe(false);
    expect(replaced.runId).not.toBe(dead.runId);
    const [old] = await handle.db.select().from(syncRuns).where(eq(syncRuns.id, dead.runId));
    expect(old?.status).toBe("interrupted");
  });

  it("a company that is not connected fails with a plain message", async () => {
    const org = await orgWithSandboxCompany(handle.db, server, qbo);
    const summary = await syncNow(handle.db, org.organizationId, { clientFactory: async () => null });
    expect(summary.status).toBe("failed");
    expect(summary.error).toMatch(/not connected/);
  });
});

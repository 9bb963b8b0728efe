import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, auditEvents, bills, syncMappings } from "@/lib/db/schema";
import { setStandardPreferences, syncNow, syncedOrgWithSandboxCompany } from "@/lib/sync/engine/sandbox-org";
import { closeSyncTestWorld, openSyncTestWorld, type SyncTestWorld } from "@/lib/sync/engine/sync-test-world";

let handle: SyncTestWorld["handle"];
let server: SyncTestWorld["server"];
let qbo: SyncTestWorld["qbo"];

beforeAll(async () => {
  ({ handle, server, qbo } = await openSyncTestWorld());
});

afterAll(() => closeSyncTestWorld({ handle, server }));

type QboLine = { Amount: number; DetailType: string; Description?: string; AccountBasedExpenseLineDetail?: { AccountRef: { value: string; name?: string } } };

describe("history a bookkeeper can read", () => {
  it("shows money as money, lines by their account names, no empty entries, and the discarded version of a conflict whole", async () => {
    const db = handle.db;
    const org = await syncedOrgWithSandboxCompany(db, server, qbo, { vendors: 3, customers: 3, bills: 8, invoices: 4, randomSeed: 21 });
    const [bill] = await db.select().from(bills).where(eq(bills.organizationId, org.organizationId)).limit(1);
    const record = server.sandbox.getRecord(org.realmId, "Bill", bill!.qboId!)!;
    const lines = structuredClone(record["Line"]) as QboLine[];
    const first = lines.find((l) => l.DetailType === "AccountBasedExpenseLineDetail")!;
    const expenseAccounts = await db
      .select()
      .from(accounts)
      .where(and(eq(accounts.organizationId, org.organizationId), eq(accounts.accountType, "Expense")));
    const otherAccount = expenseAccounts.find((a) => a.qboId && a.qboId !== first.AccountBasedExpenseLineDetail?.AccountRef.value);
    expect(otherAccount?.qboId).toBeTruthy();

    // 1. Only a line's account changes in QBO: the entry says which account, by name (never empty).
    first.AccountBasedExpenseLineDetail = { AccountRef: { value: otherAccount!.qboId! } };
    server.sandbox.act(org.realmId, [{ type: "update", entity: "Bill", id: bill!.qboId!, fields: { Line: lines } }]);
    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    const afterAccount = await historyOf(bill!.id);
    const accountEntry = afterAccount.find((e) => e.action === "updated from QuickBooks");
    expect(accountEntry?.changes.find((c) => c.field === "lines")?.new).toContain(otherAccount!.name);

    // 2. The amount changes: "Total: $x → $y", never cents.
    first.Amount = 500;
    server.sandbox.act(org.realmId, [{ type: "update", entity: "Bill", id: bill!.qboId!, fields: { Line: lines } }]);
    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    const afterAmount = await historyOf(bill!.id);
    const totals = afterAmount.flatMap((e) => e.changes).filter((c) => c.field === "totalCents");
    expect(totals.length).toBeGreaterThan(0);
    for (const change of totals) {
      expect(change.label).toBe("Total");
      expect(change.new).toMatch(/^\$[\d,]+\.\d\d$/);
    }
    expect(afterAmount.flatMap((e) => e.changes).some((c) => /cents/i.test(c.label))).toBe(false);

    // 3. No "updated from QuickBooks" entry without a change in it.
    expect(afterAmount.filter((e) => e.action === "updated from QuickBooks" && e.changes.length === 0)).toEqual([]);

    // 4. A conflict keeps the losing version whole, readable.
    const [mapping] = await db.select().from(syncMappings).where(and(eq(syncMappings.organizationId, org.organizationId), eq(syncMappings.localId, bill!.id)));
    await db.update(bills).set({ memo: "Edited in Ledgerbridge" }).where(eq(bills.id, bill!.id));
    server.sandbox.act(org.realmId, [{ type: "update", entity: "Bill", id: mapping!.qboId, fields: { PrivateNote: "Edited in QuickBooks" } }]);
    await setStandardPreferences(db, org.organizationId, org.userId);
    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    const conflict = (await historyOf(bill!.id)).find((e) => e.action === "conflict: kept QuickBooks version");
    expect(conflict?.snapshot?.title).toBe("Ledgerbridge version (not kept)");
    const fields = Object.fromEntries((conflict?.snapshot?.fields ?? []).map((f) => [f.label, f.value]));
    expect(fields["Memo"]).toBe("Edited in Ledgerbridge");
    expect(fields["Number"]).toBe(bill!.billNumber);
    expect(fields["Total"]).toBe("$" + (500 + lines.filter((l) => l !== first && l.DetailType === "AccountBasedExpenseLineDetail").reduce((s, l) => s + l.Amount, 0)).toLocaleString("en-US", { minimumFractionDigits: 2 }));
    expect(fields["Lines"]).toContain(otherAccount!.name);
    expect(fields["Vendor"]).not.toMatch(/^[0-9a-f-]{36}$/);
  });
});

async function historyOf(billId: string) {
  return handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "bill"), eq(auditEvents.entityId, billId)));
}

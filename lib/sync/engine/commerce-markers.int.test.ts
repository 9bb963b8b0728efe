import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, bills, syncIssues } from "@/lib/db/schema";
import { getCommerceMarkers, getSyncPreferences, saveCommerceMarkers } from "@/lib/sync/preferences";
import { syncNow, syncedOrgWithSandboxCompany } from "@/lib/sync/engine/sandbox-org";
import { closeSyncTestWorld, openSyncTestWorld, type SyncTestWorld } from "@/lib/sync/engine/sync-test-world";

let world: SyncTestWorld;

beforeAll(async () => {
  world = await openSyncTestWorld();
});

afterAll(() => closeSyncTestWorld(world ?? {}));

async function commerceIssue(organizationId: string, qboId: string) {
  const [issue] = await world.handle.db
    .select()
    .from(syncIssues)
    .where(and(eq(syncIssues.organizationId, organizationId), eq(syncIssues.qboId, qboId), eq(syncIssues.objectType, "bill")));
  return issue;
}

describe("QuickBooks Commerce markers (Settings → Sync)", () => {
  it("a DocNumber prefix marker makes a sandbox bill be skipped as Commerce, saying what matched; removing it brings the bill in", { timeout: 90_000 }, async () => {
    const { handle, server, qbo } = world;
    const org = await syncedOrgWithSandboxCompany(handle.db, server, qbo, { vendors: 2, customers: 2, bills: 5, invoices: 5 });
    const saved = await saveCommerceMarkers(handle.db, org.organizationId, org.userId, { docNumberPrefixes: "SHOP-\n", memoPhrases: "" });
    expect(saved).toEqual({ ok: true, markers: { docNumberPrefixes: ["SHOP-"], memoPhrases: [] } });

    const client = (await qbo.factory(org.organizationId))!.client;
    const [vendor] = await client.query("Vendor");
    const [account] = await client.query("Account", "AccountType = 'Expense'");
    const created = server.sandbox.act(org.realmId, [
      {
        type: "create",
        entity: "Bill",
        fields: {
          DocNumber: "SHOP-1001",
          VendorRef: { value: String(vendor!.Id) },
          TxnDate: "2026-11-20",
          Line: [{ Amount: 123.45, DetailType: "AccountBasedExpenseLineDetail", AccountBasedExpenseLineDetail: { AccountRef: { value: String(account!.Id) } } }],
        },
      },
    ]);
    const qboId = String(created.results[0]!["Id"]);

    const skipped = await syncNow(handle.db, org.organizationId, { clientFactory: qbo.factory });
    expect(skipped.error).toBeNull();
    const appBill = () => handle.db.select().from(bills).where(and(eq(bills.organizationId, org.organizationId), eq(bills.billNumber, "SHOP-1001")));
    expect(await appBill()).toHaveLength(0);
    const issue = await commerceIssue(org.organizationId, qboId);
    expect(issue).toMatchObject({ reasonCode: "QUICKBOOKS_COMMERCE", severity: "skip", resolvedAt: null, params: { matched: "DocNumber prefix SHOP-" } });
    expect(issue!.detail).toContain("matched: DocNumber prefix SHOP-");

    // Without the marker the same bill is an ordinary one: the next sync looks again and imports it.
    expect((await saveCommerceMarkers(handle.db, org.organizationId, org.userId, { docNumberPrefixes: "", memoPhrases: "" })).ok).toBe(true);
    const imported = await syncNow(handle.db, org.organizationId, { clientFactory: qbo.factory });
    expect(imported.mode).toBe("full");
    const [bill] = await appBill();
    expect(bill?.totalCents).toBe(12_345);
    expect((await commerceIssue(org.organizationId, qboId))?.resolvedAt).not.toBeNull();
  });

  it("saves per organisation with an audit event, keeps the other preferences, and refuses bad markers without saving", async () => {
    const { handle, server, qbo } = world;
    const org = await syncedOrgWithSandboxCompany(handle.db, server, qbo, { vendors: 1, customers: 1, bills: 1, invoices: 1 });
    const other = await syncedOrgWithSandboxCompany(handle.db, server, qbo, { vendors: 1, customers: 1, bills: 1, invoices: 1 });
    const before = await getSyncPreferences(handle.db, org.organizationId);
    expect(before.commerceMarkers).toBeUndefined();

    const bad = await saveCommerceMarkers(handle.db, org.organizationId, org.userId, { docNumberPrefixes: "S", memoPhrases: "ok phrase" });
    expect(bad).toEqual({ ok: false, fieldErrors: { docNumberPrefixes: "“S” is too short: a prefix needs at least 2 characters" } });
    expect(await getCommerceMarkers(handle.db, org.organizationId)).toEqual({ docNumberPrefixes: [], memoPhrases: [] });

    await saveCommerceMarkers(handle.db, org.organizationId, org.userId, { docNumberPrefixes: "WEB-", memoPhrases: "Shopify order" });
    expect(await getCommerceMarkers(handle.db, org.organizationId)).toEqual({ docNumberPrefixes: ["WEB-"], memoPhrases: ["Shopify order"] });
    expect(await getCommerceMarkers(handle.db, other.organizationId)).toEqual({ docNumberPrefixes: [], memoPhrases: [] });
    const after = await getSyncPreferences(handle.db, org.organizationId);
    expect(after).toEqual({ ...before, commerceMarkers: { docNumberPrefixes: ["WEB-"], memoPhrases: ["Shopify order"] } });

    const events = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, org.organizationId), eq(auditEvents.entityType, "sync_preferences"), eq(auditEvents.action, "updated")));
    const markerEvent = events.find((e) => e.changes.some((c) => c.field === "docNumberPrefixes"));
    expect(markerEvent?.changes).toEqual([
      { field: "docNumberPrefixes", label: "QuickBooks Commerce DocNumber prefixes", old: null, new: "WEB-" },
      { field: "memoPhrases", label: "QuickBooks Commerce memo phrases", old: null, new: "Shopify order" },
    ]);
  });
});

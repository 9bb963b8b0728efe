import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { accounts, auditEvents, syncPreferences } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";
import { accountChoicesFor, getSyncPreferences, saveSyncPreferences } from "@/lib/sync/preferences";

let handle: DatabaseHandle;
let organizationId: string;
let otherOrganizationId: string;
let userId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  const a = await signUp(handle.db, { name: "Pref Admin", email: "prefs-a@example.com", password: "correct horse battery staple", organizationName: "Prefs A" });
  const b = await signUp(handle.db, { name: "Pref Other", email: "prefs-b@example.com", password: "correct horse battery staple", organizationName: "Prefs B" });
  organizationId = a.organization.id;
  otherOrganizationId = b.organization.id;
  userId = a.user.id;
  const rows = [
    ["checking", "Business Checking", "Bank"],
    ["clearing", "Money Out Clearing", "Bank"],
    ["expense", "Uncategorized Expense", "Expense"],
    ["cogs", "Cost of Goods Sold", "Cost of Goods Sold"],
    ["income", "Uncategorized Income", "Income"],
    ["card", "Company Credit Card", "Credit Card"],
  ] as const;
  for (const [key, name, accountType] of rows) {
    const [row] = await handle.db.insert(accounts).values({ organizationId, name, fullyQualifiedName: name, accountType }).returning();
    ids[key] = row!.id;
  }
  const [foreign] = await handle.db.insert(accounts).values({ organizationId: otherOrganizationId, name: "Their Bank", fullyQualifiedName: "Their Bank", accountType: "Bank" }).returning();
  ids["foreign"] = foreign!.id;
});

afterAll(async () => {
  await handle?.close();
});

const valid = () => ({
  syncAutomatically: "on",
  twoWayPaymentSync: false,
  direction: "two_way",
  unallocatedExpenseAccountId: ids["expense"],
  unallocatedIncomeAccountId: ids["income"],
  bankAccountId: ids["checking"],
  moneyOutClearingAccountId: ids["clearing"],
  moneyInClearingAccountId: "",
  masterInConflict: "quickbooks",
});

describe("sync preferences", () => {
  it("defaults before anything is saved", async () => {
    expect(await getSyncPreferences(handle.db, organizationId)).toEqual({ syncAutomatically: false, twoWayPaymentSync: false, direction: "two_way", masterInConflict: "quickbooks" });
  });

  it("offers only fitting account types per picker", async () => {
    const choices = await accountChoicesFor(handle.db, organizationId);
    expect(choices.unallocatedExpenseAccountId.map((c) => c.name).sort()).toEqual(["Cost of Goods Sold", "Uncategorized Expense"]);
    expect(choices.unallocatedIncomeAccountId.map((c) => c.name)).toEqual(["Uncategorized Income"]);
    expect(choices.bankAccountId.map((c) => c.name)).toEqual(["Business Checking", "Money Out Clearing"]);
    expect(choices.moneyOutClearingAccountId.some((c) => c.name === "Their Bank")).toBe(false);
  });

  it("rejects an account of the wrong type with a field error and saves nothing", async () => {
    const result = await saveSyncPreferences(handle.db, organizationId, userId, { ...valid(), unallocatedExpenseAccountId: ids["income"], bankAccountId: ids["card"] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors["unallocatedExpenseAccountId"]).toMatch(/Unallocated Expense Account must be an Expense, Other Expense or Cost of Goods Sold account/);
    expect(result.fieldErrors["bankAccountId"]).toMatch(/Bank Account GL must be a Bank account/);
    expect(await handle.db.select().from(syncPreferences).where(eq(syncPreferences.organizationId, organizationId))).toHaveLength(0);
  });

  it("rejects another organisation's account and malformed input", async () => {
    const foreign = await saveSyncPreferences(handle.db, organizationId, userId, { ...valid(), bankAccountId: ids["foreign"] });
    expect(foreign).toEqual({ ok: false, fieldErrors: { bankAccountId: "Choose an account from the list" } });
    const malformed = await saveSyncPreferences(handle.db, organizationId, userId, { ...valid(), direction: "sideways", unallocatedIncomeAccountId: "nope" });
    expect(malformed.ok).toBe(false);
    if (!malformed.ok) expect(Object.keys(malformed.fieldErrors).sort()).toEqual(["direction", "unallocatedIncomeAccountId"]);
  });

  it("saves valid preferences and records the change in the audit trail", async () => {
    const result = await saveSyncPreferences(handle.db, organizationId, userId, valid());
    expect(result.ok).toBe(true);
    const prefs = await getSyncPreferences(handle.db, organizationId);
    expect(prefs).toMatchObject({ syncAutomatically: true, bankAccountId: ids["checking"], moneyOutClearingAccountId: ids["clearing"] });
    expect(prefs.moneyInClearingAccountId).toBeUndefined();
    const [event] = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "sync_preferences"), eq(auditEvents.entityId, organizationId)));
    expect(event?.action).toBe("created");
    expect(event?.changes.some((c) => c.label === "Bank Account GL")).toBe(true);
  });
});

/** An organisation linked to a fresh sandbox company, with standard preferences: for the engine's integration tests and the bench. */
import { and, eq, sql } from "drizzle-orm";
import { signUp } from "@/lib/auth/accounts";
import type { Db } from "@/lib/db/connection";
import { accounts } from "@/lib/db/schema";
import type { SandboxServer, SeedSpec } from "@/lib/qbo-sandbox";
import { saveSyncPreferences, type SyncPreferencesInput } from "@/lib/sync/preferences";
import { executeSyncRun, requestSync } from "@/lib/sync/engine";
import type { ExecuteSyncOptions, SyncRunSummary } from "@/lib/sync/engine/types";
import { sandboxClientFactory } from "@/lib/sync/engine/sandbox-client-factory";

let counter = 0;

export async function orgWithSandboxCompany(db: Db, server: SandboxServer, factory: ReturnType<typeof sandboxClientFactory>, seed?: SeedSpec) {
  counter += 1;
  const stamp = `${Date.now().toString(36)}${counter}`;
  const { user, organization } = await signUp(db, {
    name: "Sync Tester",
    email: `sync-${stamp}@example.com`,
    password: "correct horse battery staple",
    organizationName: `Sync Co ${stamp}`,
  });
  const { realmId } = server.sandbox.createCompany(seed ? { seed } : {});
  factory.connect(organization.id, realmId);
  return { organizationId: organization.id, slug: organization.slug, userId: user.id, realmId };
}

/**
 * An organisation whose sandbox company is fully synced: a first sync brings the chart of accounts,
 * the standard preferences are chosen from it, and a second sync brings everything else in.
 */
export async function syncedOrgWithSandboxCompany(db: Db, server: SandboxServer, factory: ReturnType<typeof sandboxClientFactory>, seed?: SeedSpec) {
  const org = await orgWithSandboxCompany(db, server, factory, seed);
  await syncNow(db, org.organizationId, { clientFactory: factory.factory });
  await setStandardPreferences(db, org.organizationId, org.userId);
  await syncNow(db, org.organizationId, { clientFactory: factory.factory });
  return org;
}

export async function accountIdByName(db: Db, organizationId: string, name: string): Promise<string> {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.organizationId, organizationId), eq(sql`lower(${accounts.name})`, name.toLowerCase())));
  if (!row) throw new Error(`no account ${name}`);
  return row.id;
}

/** Preferences with the sandbox chart's usual accounts (after a first sync brought the chart in). */
export async function setStandardPreferences(db: Db, organizationId: string, userId: string, overrides: Partial<SyncPreferencesInput> = {}) {
  const result = await saveSyncPreferences(db, organizationId, userId, {
    syncAutomatically: true,
    twoWayPaymentSync: false,
    direction: "two_way",
    unallocatedExpenseAccountId: await accountIdByName(db, organizationId, "Uncategorized Expense"),
    unallocatedIncomeAccountId: await accountIdByName(db, organizationId, "Uncategorized Income"),
    bankAccountId: await accountIdByName(db, organizationId, "Business Checking"),
    masterInConflict: "quickbooks",
    ...overrides,
  });
  if (!result.ok) throw new Error(`preferences rejected: ${JSON.stringify(result.fieldErrors)}`);
  return result.preferences;
}

export async function syncNow(db: Db, organizationId: string, options: ExecuteSyncOptions): Promise<SyncRunSummary> {
  const { runId } = await requestSync(db, { organizationId, trigger: "cli" });
  return executeSyncRun(db, runId, options);
}

import type { SyncPreferences } from "@/lib/sync/core/types";

/**
 * The preferences without which no bill or invoice syncs (SPEC §3.1), with their UI labels so
 * reason messages can name exactly what to fill in on Settings → Sync → Preferences.
 */
const REQUIRED_FOR_TRANSACTIONS = [
  ["unallocatedExpenseAccountId", "Unallocated Expense Account"],
  ["unallocatedIncomeAccountId", "Unallocated Income Account"],
  ["bankAccountId", "Bank Account GL"],
] as const satisfies ReadonlyArray<readonly [keyof SyncPreferences, string]>;

/** UI labels of the required preferences that are not set; empty when the company is ready. */
export function missingSyncPreferences(prefs: SyncPreferences | undefined): string[] {
  if (!prefs) return REQUIRED_FOR_TRANSACTIONS.map(([, label]) => label);
  return REQUIRED_FOR_TRANSACTIONS.filter(([key]) => !prefs[key]).map(([, label]) => label);
}

export const DEFAULT_SYNC_PREFERENCES: SyncPreferences = {
  syncAutomatically: false,
  twoWayPaymentSync: false,
  direction: "two_way",
  masterInConflict: "quickbooks",
};

import { z } from "zod";
import { recordId } from "@/lib/forms/record-id";

const accountId = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .pipe(recordId("Choose an account from the list").nullable())
  .optional()
  .transform((v) => v ?? null);

/** Checkboxes arrive as "on" / "true" from forms and as booleans from code. */
const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** Settings → Sync → Preferences (SPEC §6). Account ids are app-local ids from the synced chart of accounts. */
export const syncPreferencesSchema = z.object({
  syncAutomatically: checkbox,
  twoWayPaymentSync: checkbox,
  direction: z.enum(["two_way", "app_to_qbo"], { message: "Choose a sync direction" }),
  unallocatedExpenseAccountId: accountId,
  unallocatedIncomeAccountId: accountId,
  bankAccountId: accountId,
  moneyOutClearingAccountId: accountId,
  moneyInClearingAccountId: accountId,
  masterInConflict: z.enum(["quickbooks", "ledgerbridge"], { message: "Choose who wins a conflict" }),
});

export type SyncPreferencesInput = z.input<typeof syncPreferencesSchema>;
export type SyncPreferencesValues = z.output<typeof syncPreferencesSchema>;

export type AccountPreferenceField =
  | "unallocatedExpenseAccountId"
  | "unallocatedIncomeAccountId"
  | "bankAccountId"
  | "moneyOutClearingAccountId"
  | "moneyInClearingAccountId";

/** UI labels of the fields (SPEC §6), used in messages and the audit trail. */
export const SYNC_PREFERENCE_LABELS: Record<keyof SyncPreferencesValues, string> = {
  syncAutomatically: "Sync Automatically",
  twoWayPaymentSync: "Enable 2-Way Payment Sync",
  direction: "Sync direction",
  unallocatedExpenseAccountId: "Unallocated Expense Account",
  unallocatedIncomeAccountId: "Unallocated Income Account",
  bankAccountId: "Bank Account GL",
  moneyOutClearingAccountId: "Money Out Clearing Account",
  moneyInClearingAccountId: "Money In Clearing Account",
  masterInConflict: "Master in Case of Conflict",
};

/**
 * Account types each picker offers. Clearing accounts must be Bank accounts because the sync pays
 * bills with BillPayment PayType "Check" from them (lib/sync/core/payments-plan.ts).
 */
export const ACCOUNT_TYPES_FOR: Record<AccountPreferenceField, readonly string[]> = {
  unallocatedExpenseAccountId: ["Expense", "Other Expense", "Cost of Goods Sold"],
  unallocatedIncomeAccountId: ["Income", "Other Income"],
  bankAccountId: ["Bank"],
  moneyOutClearingAccountId: ["Bank"],
  moneyInClearingAccountId: ["Bank"],
};

export const ACCOUNT_PREFERENCE_FIELDS = Object.keys(ACCOUNT_TYPES_FOR) as AccountPreferenceField[];

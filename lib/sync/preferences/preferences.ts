import { and, asc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/connection";
import { accounts, syncPreferences, syncState } from "@/lib/db/schema";
import { DEFAULT_SYNC_PREFERENCES, type SyncPreferences } from "@/lib/sync/core";
import {
  ACCOUNT_PREFERENCE_FIELDS,
  ACCOUNT_TYPES_FOR,
  SYNC_PREFERENCE_LABELS,
  syncPreferencesSchema,
  type AccountPreferenceField,
  type SyncPreferencesValues,
} from "@/lib/sync/preferences/schema";

/** The organisation's preferences (the defaults when never saved). */
export async function getSyncPreferences(db: Db, organizationId: string): Promise<SyncPreferences> {
  const [row] = await db.select().from(syncPreferences).where(eq(syncPreferences.organizationId, organizationId));
  if (!row) return { ...DEFAULT_SYNC_PREFERENCES };
  const prefs: SyncPreferences = {
    syncAutomatically: row.syncAutomatically,
    twoWayPaymentSync: row.twoWayPaymentSync,
    direction: row.direction,
    masterInConflict: row.masterInConflict,
  };
  for (const field of ACCOUNT_PREFERENCE_FIELDS) {
    const value = row[field];
    if (value) prefs[field] = value;
  }
  const markers = row.commerceMarkers;
  if (markers.docNumberPrefixes.length > 0 || markers.memoPhrases.length > 0) prefs.commerceMarkers = markers;
  return prefs;
}

export interface AccountChoice {
  id: string;
  name: string;
  fullyQualifiedName: string;
  accountType: string;
}

/** Per account field, the active accounts of fitting types (for the pickers). */
export async function accountChoicesFor(db: Db, organizationId: string): Promise<Record<AccountPreferenceField, AccountChoice[]>> {
  const allTypes = [...new Set(Object.values(ACCOUNT_TYPES_FOR).flat())];
  const rows = await db
    .select({ id: accounts.id, name: accounts.name, fullyQualifiedName: accounts.fullyQualifiedName, accountType: accounts.accountType })
    .from(accounts)
    .where(and(eq(accounts.organizationId, organizationId), eq(accounts.active, true), inArray(accounts.accountType, allTypes)))
    .orderBy(asc(accounts.fullyQualifiedName));
  const choices = {} as Record<AccountPreferenceField, AccountChoice[]>;
  for (const field of ACCOUNT_PREFERENCE_FIELDS) choices[field] = rows.filter((row) => ACCOUNT_TYPES_FOR[field].includes(row.accountType));
  return choices;
}

export type SaveSyncPreferencesResult =
  | { ok: true; preferences: SyncPreferences }
  | { ok: false; fieldErrors: Record<string, string> };

/**
 * Validates (zod, then: each account exists in this organisation and has a fitting type) and saves.
 * Nothing is saved when any field is wrong. A change to what syncs from QuickBooks (direction,
 * 2-way payments, the required accounts) makes the next sync a full one, so records skipped
 * before are looked at again.
 */
export async function saveSyncPreferences(db: Db, organizationId: string, userId: string | null, input: unknown): Promise<SaveSyncPreferencesResult> {
  const parsed = syncPreferencesSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      fieldErrors[key] ??= issue.message;
    }
    return { ok: false, fieldErrors };
  }
  const values = parsed.data;
  const ids = ACCOUNT_PREFERENCE_FIELDS.map((f) => values[f]).filter((v): v is string => v !== null);
  const found = ids.length
    ? await db
        .select({ id: accounts.id, accountType: accounts.accountType, active: accounts.active })
        .from(accounts)
        .where(and(eq(accounts.organizationId, organizationId), inArray(accounts.id, ids)))
    : [];
  const byId = new Map(found.map((a) => [a.id, a]));
  const fieldErrors: Record<string, string> = {};
  for (const field of ACCOUNT_PREFERENCE_FIELDS) {
    const id = values[field];
    if (!id) continue;
    const account = byId.get(id);
    const allowed = ACCOUNT_TYPES_FOR[field];
    if (!account) fieldErrors[field] = "Choose an account from the list";
    else if (!allowed.includes(account.accountType)) {
      const types = allowed.join(", ").replace(/, ([^,]*)$/, " or $1");
      fieldErrors[field] = `${SYNC_PREFERENCE_LABELS[field]} must be ${/^[AEIOU]/.test(types) ? "an" : "a"} ${types} account`;
    }
  }
  if (values.moneyOutClearingAccountId && values.moneyOutClearingAccountId === values.bankAccountId) {
    fieldErrors["moneyOutClearingAccountId"] ??= "The clearing account must differ from the Bank Account GL";
  }
  if (values.moneyInClearingAccountId && values.moneyInClearingAccountId === values.bankAccountId) {
    fieldErrors["moneyInClearingAccountId"] ??= "The clearing account must differ from the Bank Account GL";
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(syncPreferences).where(eq(syncPreferences.organizationId, organizationId));
    const row = { ...values, updatedBy: userId };
    await tx
      .insert(syncPreferences)
      .values({ organizationId, ...row })
      .onConflictDoUpdate({ target: syncPreferences.organizationId, set: row });
    const changes = (Object.keys(SYNC_PREFERENCE_LABELS) as Array<keyof SyncPreferencesValues>)
      .filter((key) => String(before?.[key] ?? null) !== String(values[key] ?? null))
      .map((key) => ({
        field: key,
        label: SYNC_PREFERENCE_LABELS[key],
        old: before?.[key] === undefined || before[key] === null ? null : String(before[key]),
        new: values[key] === null ? null : String(values[key]),
      }));
    await recordAudit(tx, {
      organizationId,
      actorUserId: userId,
      entityType: "sync_preferences",
      entityId: organizationId,
      action: before ? "updated" : "created",
      changes,
    });
    const widensInbound = changes.some((c) =>
      ["direction", "twoWayPaymentSync", "unallocatedExpenseAccountId", "unallocatedIncomeAccountId", "bankAccountId"].includes(c.field),
    );
    if (widensInbound) {
      await tx.update(syncState).set({ lastSuccessfulSyncAt: null }).where(eq(syncState.organizationId, organizationId));
    }
  });
  return { ok: true, preferences: await getSyncPreferences(db, organizationId) };
}

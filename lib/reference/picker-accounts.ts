/**
 * The accounts a payment picker offers and the check the server actions make, both from the one
 * rule in lib/ap/account-pickers.ts, fed by the organisation's chart of accounts and preferences.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { accountFitsPurpose, accountPurposeError, accountsForPurpose, type AccountPurpose, type PickerPreferences } from "@/lib/ap/account-pickers";
import type { Db, Tx } from "@/lib/db/connection";
import { accounts, syncPreferences } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/forms/action-result";

export type PickerOption = { id: string; name: string; type: string };

async function pickerPreferences(db: Db | Tx, organizationId: string): Promise<PickerPreferences> {
  const [row] = await db
    .select({
      bankAccountId: syncPreferences.bankAccountId,
      moneyOutClearingAccountId: syncPreferences.moneyOutClearingAccountId,
      moneyInClearingAccountId: syncPreferences.moneyInClearingAccountId,
    })
    .from(syncPreferences)
    .where(eq(syncPreferences.organizationId, organizationId));
  return row ?? {};
}

const pickerColumns = {
  id: accounts.id,
  name: accounts.name,
  fullyQualifiedName: accounts.fullyQualifiedName,
  accountType: accounts.accountType,
  accountSubType: accounts.accountSubType,
  active: accounts.active,
};

/** What the picker for `purpose` lists (by name) and preselects. */
export async function loadPickerAccounts(
  db: Db,
  organizationId: string,
  purpose: AccountPurpose,
): Promise<{ accounts: PickerOption[]; defaultId: string | null }> {
  const [rows, prefs] = await Promise.all([
    db
      .select(pickerColumns)
      .from(accounts)
      .where(and(eq(accounts.organizationId, organizationId), eq(accounts.active, true)))
      .orderBy(asc(sql`lower(${accounts.fullyQualifiedName})`), asc(accounts.id)),
    pickerPreferences(db, organizationId),
  ]);
  const picked = accountsForPurpose(rows, purpose, prefs);
  return {
    accounts: picked.accounts.map((row) => ({ id: row.id, name: row.fullyQualifiedName, type: row.accountType })),
    defaultId: picked.defaultId,
  };
}

/**
 * Refuses (field error on `field`, nothing written) an account the picker would not offer. Returns
 * the account's name for the audit trail.
 */
export async function assertPickerAccount(
  tx: Db | Tx,
  organizationId: string,
  accountId: string,
  purpose: AccountPurpose,
  field: string,
): Promise<{ name: string }> {
  // One after the other: queries of one transaction share its connection.
  const [row] = await tx
    .select(pickerColumns)
    .from(accounts)
    .where(and(eq(accounts.organizationId, organizationId), eq(accounts.id, accountId)));
  const prefs = await pickerPreferences(tx, organizationId);
  if (!row || !accountFitsPurpose(row, purpose, prefs)) {
    throw new UserFacingError("Please correct the highlighted fields.", { [field]: [accountPurposeError(purpose)] });
  }
  return { name: row.name };
}

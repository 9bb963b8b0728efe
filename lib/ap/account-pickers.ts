/**
 * Which accounts a payment picker may offer, and which one it starts on. One rule for the form
 * (what is listed and preselected) and for the server (what is accepted), so a picker never offers
 * an account the action would refuse, and a crafted request cannot use one the picker hides.
 *
 * - "payment_source": where a bill payment is paid from ("Paid from" of Mark as paid, "Pay from"
 *   of Pay bills). Bank accounts only, never a clearing account: the clearing accounts are where
 *   the sync routes electronic money (SPEC §5); paying a bill "from" one leaves it out of balance.
 *   Starts on the Bank Account GL preference.
 * - "deposit_to": where a received payment is deposited. Bank accounts and Undeposited Funds
 *   (QBO's DepositToAccountRef accepts those; Inventory Asset and other current assets are not
 *   where money arrives), never a clearing account. Starts on Undeposited Funds (QBO's own
 *   default), else the Bank Account GL.
 */

export type AccountPurpose = "payment_source" | "deposit_to";

export interface PickerAccount {
  id: string;
  name: string;
  accountType: string;
  accountSubType?: string | null;
  active?: boolean;
}

/** The sync preferences the rule reads (app-local account ids). */
export interface PickerPreferences {
  bankAccountId?: string | null | undefined;
  moneyOutClearingAccountId?: string | null | undefined;
  moneyInClearingAccountId?: string | null | undefined;
}

/**
 * The names the sync gives the clearing accounts it creates (lib/sync/engine/clearing-accounts.ts);
 * before the preferences name them, an account of that name is the one the sync will adopt.
 */
export const CLEARING_ACCOUNT_NAMES = ["Money Out Clearing", "Money In Clearing"] as const;

const UNDEPOSITED_FUNDS_SUBTYPE = "UndepositedFunds";

export function isClearingAccount(account: PickerAccount, prefs: PickerPreferences): boolean {
  if (account.id === prefs.moneyOutClearingAccountId || account.id === prefs.moneyInClearingAccountId) return true;
  const name = account.name.trim().toLowerCase();
  return CLEARING_ACCOUNT_NAMES.some((clearing) => clearing.toLowerCase() === name);
}

function isUndepositedFunds(account: PickerAccount): boolean {
  return account.accountSubType === UNDEPOSITED_FUNDS_SUBTYPE;
}

/** Whether the account may be used for the purpose (inactive accounts never may). */
export function accountFitsPurpose(account: PickerAccount, purpose: AccountPurpose, prefs: PickerPreferences): boolean {
  if (account.active === false) return false;
  if (isClearingAccount(account, prefs)) return false;
  if (account.accountType === "Bank") return true;
  return purpose === "deposit_to" && isUndepositedFunds(account);
}

/** The field error a server action returns when an account does not fit. */
export function accountPurposeError(purpose: AccountPurpose): string {
  return purpose === "payment_source"
    ? "Choose a bank account from the list (not a clearing account)."
    : "Choose a bank account or Undeposited Funds (not a clearing account).";
}

/** The accounts a picker lists, in the given order, and the one it preselects (null when none fit). */
export function accountsForPurpose<T extends PickerAccount>(
  accounts: readonly T[],
  purpose: AccountPurpose,
  prefs: PickerPreferences,
): { accounts: T[]; defaultId: string | null } {
  const fitting = accounts.filter((account) => accountFitsPurpose(account, purpose, prefs));
  const bankGl = fitting.find((account) => account.id === prefs.bankAccountId);
  const preferred = purpose === "deposit_to" ? (fitting.find(isUndepositedFunds) ?? bankGl) : bankGl;
  return { accounts: fitting, defaultId: (preferred ?? fitting[0])?.id ?? null };
}

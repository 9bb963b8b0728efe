/** The one currency the sync carries (SPEC §3.3): bills and invoices in any other stay out of QuickBooks. */
export const SYNC_CURRENCY = "USD";

export function currencySyncs(currency: string): boolean {
  return currency.trim().toUpperCase() === SYNC_CURRENCY;
}

/** What a bill or invoice form says next to its currency when the chosen one will not sync. */
export function currencySyncWarning(currency: string, record: "bill" | "invoice"): string | null {
  if (currencySyncs(currency)) return null;
  return `A ${currency.trim().toUpperCase()} ${record} will not sync with QuickBooks: Ledgerbridge syncs only US dollar (USD) bills and invoices.`;
}

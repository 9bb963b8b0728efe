/** Money is formatted by formatMoney (lib/ap/money.ts), exactly from integer cents. */
export function formatDateTime(d: Date | string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" }).format(new Date(d));
}

/** Money is formatted by formatMoney (lib/ap/money.ts), exactly from integer cents. */
export function formatDateTime(d: Date | string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" }).format(new Date(d));
}

const isoDateFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** "2026-04-10" → "Apr 10, 2026". Calendar dates are formatted in UTC so they never shift a day. */
export function formatIsoDate(date: string | null | undefined): string {
  if (!date) return "—";
  return isoDateFormat.format(new Date(`${date}T00:00:00Z`));
}

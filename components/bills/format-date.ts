const dateFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** "2026-04-10" → "Apr 10, 2026". Calendar dates are formatted in UTC so they never shift a day. */
export function formatIsoDate(date: string | null | undefined): string {
  if (!date) return "—";
  return dateFormat.format(new Date(`${date}T00:00:00Z`));
}

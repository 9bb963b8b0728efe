const formatter = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** "2026-10-01" → "Oct 1, 2026". Dates are calendar days, so they are shown in UTC (no shift). */
export function formatIsoDate(date: string | null | undefined): string {
  if (!date) return "—";
  return formatter.format(new Date(`${date}T00:00:00Z`));
}

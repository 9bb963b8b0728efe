/**
 * Time formatting the way QBO prints it: second precision with the company's UTC offset.
 * Sandbox companies live in US Pacific daylight time (a fixed -07:00) so output is deterministic.
 */

const COMPANY_OFFSET_MINUTES = -7 * 60;
const OFFSET_SUFFIX = "-07:00";

function shifted(date: Date): Date {
  return new Date(date.getTime() + COMPANY_OFFSET_MINUTES * 60_000);
}

/** e.g. "2026-11-25T04:46:28-07:00" */
export function formatQboDateTime(date: Date): string {
  return shifted(date).toISOString().slice(0, 19) + OFFSET_SUFFIX;
}

/** The company-local calendar date, YYYY-MM-DD. */
export function formatQboDate(date: Date): string {
  return shifted(date).toISOString().slice(0, 10);
}

/**
 * Parses a QBO date-time literal. A value without an offset is read in company time (as QBO does);
 * a bare date means company-local midnight. Returns NaN when unparseable.
 */
export function parseQboDateTime(text: string): number {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return Date.parse(`${trimmed}T00:00:00${OFFSET_SUFFIX}`);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(trimmed)) {
    return Date.parse(`${trimmed}${OFFSET_SUFFIX}`);
  }
  return Date.parse(trimmed);
}

export function addDays(isoDate: string, days: number): string {
  const base = Date.parse(`${isoDate}T00:00:00Z`);
  return new Date(base + days * 86_400_000).toISOString().slice(0, 10);
}

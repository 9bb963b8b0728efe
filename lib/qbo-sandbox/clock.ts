/**
 * Time formatting the way QBO prints it: the company's wall-clock time with its UTC offset, daylight
 * saving included. Sandbox companies are in US Pacific time, so a January timestamp ends `-08:00`
 * and a July one `-07:00` (Intuit's CDC reference sample: a December `LastUpdatedTime` of
 * "2015-12-23T12:55:50-08:00"; its fault sample's `time` in September: "…09:17:31.892-07:00").
 * Entity timestamps have second precision; the envelope `time` has milliseconds.
 */

export const COMPANY_TIME_ZONE = "America/Los_Angeles";

const HOUR_MS = 3_600_000;
const offsetCache = new Map<number, number>();
const wallClock = new Intl.DateTimeFormat("en-US", {
  timeZone: COMPANY_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/**
 * The company's UTC offset in minutes at an instant. Offsets change only on whole hours, so one
 * Intl call per UTC hour is cached (seeding 20,000 records formats as many timestamps).
 */
export function companyOffsetMinutes(instantMs: number): number {
  const hour = Math.floor(instantMs / HOUR_MS);
  const cached = offsetCache.get(hour);
  if (cached !== undefined) return cached;
  const parts: Record<string, number> = {};
  for (const part of wallClock.formatToParts(new Date(hour * HOUR_MS))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts["year"] ?? 1970, (parts["month"] ?? 1) - 1, parts["day"] ?? 1, parts["hour"] ?? 0, parts["minute"] ?? 0, parts["second"] ?? 0);
  const offset = Math.round((asUtc - hour * HOUR_MS) / 60_000);
  if (offsetCache.size > 100_000) offsetCache.clear();
  offsetCache.set(hour, offset);
  return offset;
}

function offsetSuffix(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

function local(date: Date): { iso: string; suffix: string } {
  const offset = companyOffsetMinutes(date.getTime());
  return { iso: new Date(date.getTime() + offset * 60_000).toISOString(), suffix: offsetSuffix(offset) };
}

/** e.g. "2026-11-25T04:46:28-08:00" (MetaData times, webhook lastUpdated). */
export function formatQboDateTime(date: Date): string {
  const { iso, suffix } = local(date);
  return iso.slice(0, 19) + suffix;
}

/** The envelope `time`, with milliseconds: "2026-11-25T04:46:28.123-08:00". */
export function formatQboEnvelopeTime(date: Date): string {
  const { iso, suffix } = local(date);
  return iso.slice(0, 23) + suffix;
}

/** The company-local calendar date, YYYY-MM-DD. */
export function formatQboDate(date: Date): string {
  return local(date).iso.slice(0, 10);
}

/** A company wall-clock time (as UTC fields) → the instant, across daylight-saving changes. */
function fromCompanyWallClock(wallAsUtcMs: number): number {
  let instant = wallAsUtcMs - companyOffsetMinutes(wallAsUtcMs) * 60_000;
  instant = wallAsUtcMs - companyOffsetMinutes(instant) * 60_000;
  return instant;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const NAIVE_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 and 2026-13-45 are not). */
export function isQboDate(text: string): boolean {
  const match = DATE_ONLY.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Parses a QBO date-time literal. A value without an offset is read in company time (as QBO does);
 * a bare date means company-local midnight. Returns NaN when unparseable.
 */
export function parseQboDateTime(text: string): number {
  const trimmed = text.trim();
  if (DATE_ONLY.test(trimmed)) {
    if (!isQboDate(trimmed)) return Number.NaN;
    return fromCompanyWallClock(Date.parse(`${trimmed}T00:00:00Z`));
  }
  if (NAIVE_DATE_TIME.test(trimmed)) {
    const wall = Date.parse(`${trimmed}Z`);
    return Number.isNaN(wall) ? Number.NaN : fromCompanyWallClock(wall);
  }
  return Date.parse(trimmed);
}

/** Calendar arithmetic on YYYY-MM-DD; an invalid date stays invalid instead of throwing. */
export function addDays(isoDate: string, days: number): string {
  const base = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(base)) return isoDate;
  return new Date(base + days * 86_400_000).toISOString().slice(0, 10);
}

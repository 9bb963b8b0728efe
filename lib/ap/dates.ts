/**
 * Calendar dates as `YYYY-MM-DD` strings (the form QBO's TxnDate/DueDate and our date columns use).
 *
 * A document date is a calendar day, not an instant, so all arithmetic goes through UTC midnight:
 * no local time zone or daylight-saving shift can move a date by one day.
 */

/** A validated `YYYY-MM-DD` calendar date. Plain string alias so DB rows and QBO payloads fit as-is. */
export type IsoDate = string;

export class InvalidDateError extends Error {
  override name = "InvalidDateError";
}

const DAY_MS = 86_400_000;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  const lengths = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const length = lengths[month - 1];
  if (length === undefined) throw new InvalidDateError(`Month ${month} does not exist.`);
  return length;
}

/** Returns the parts of a real calendar date, or null (wrong shape, month 13, 2026-02-29, year 0000…). */
function tryParts(value: string): DateParts | null {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === "string" && tryParts(value) !== null;
}

/** Validates a `YYYY-MM-DD` string against the real calendar; throws {@link InvalidDateError}. */
export function parseIsoDate(value: string): IsoDate {
  if (!isIsoDate(value)) {
    throw new InvalidDateError(`"${value}" is not a real date in the form YYYY-MM-DD.`);
  }
  return value;
}

export function toDateParts(date: IsoDate): DateParts {
  const parts = tryParts(date);
  if (!parts) throw new InvalidDateError(`"${date}" is not a real date in the form YYYY-MM-DD.`);
  return parts;
}

export function fromDateParts(parts: DateParts): IsoDate {
  const text = `${String(parts.year).padStart(4, "0")}-${String(parts.month).padStart(2, "0")}-${String(parts.day).padStart(2, "0")}`;
  return parseIsoDate(text);
}

/** Whole days since 1970-01-01 (UTC), exact because both ends are UTC midnights. */
function toEpochDay(date: IsoDate): number {
  const { year, month, day } = toDateParts(date);
  const utc = new Date(0);
  // setUTCFullYear keeps years < 100 literal (Date.UTC would map 0050 to 1950).
  utc.setUTCFullYear(year, month - 1, day);
  return Math.round(utc.getTime() / DAY_MS);
}

function fromEpochDay(epochDay: number): IsoDate {
  const utc = new Date(epochDay * DAY_MS);
  return fromDateParts({ year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) throw new InvalidDateError("Days to add must be a whole number.");
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * Adds calendar months, clamping the day to the target month's length
 * (2024-01-31 + 1 month → 2024-02-29).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isSafeInteger(months)) throw new InvalidDateError("Months to add must be a whole number.");
  const { year, month, day } = toDateParts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  return fromDateParts({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** -1, 0 or 1. Valid ISO dates sort lexically, but we validate both so garbage can't compare. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const difference = toEpochDay(a) - toEpochDay(b);
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

/** Days from `from` to `to` (positive when `to` is later): daysBetween("2024-02-28", "2024-03-01") → 2. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

/**
 * The calendar date of an instant in a time zone ("today" for a business in New York is not UTC's).
 * Callers pass the clock in; this module never reads it.
 */
export function isoDateOf(instant: Date, timeZone = "UTC"): IsoDate {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const pick = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return fromDateParts({ year: pick("year"), month: pick("month"), day: pick("day") });
}

// ---- The organisation's time zone ---------------------------------------------------------------

/** Organisations created before the setting existed, and browsers that name no zone, use UTC. */
export const DEFAULT_TIME_ZONE = "UTC";

let knownZones: ReadonlySet<string> | undefined;

function zonesOfRuntime(): ReadonlySet<string> {
  // Node 20 leaves UTC out of supportedValuesOf('timeZone'); it is still a valid IANA name.
  knownZones ??= new Set([DEFAULT_TIME_ZONE, ...Intl.supportedValuesOf("timeZone")]);
  return knownZones;
}

/**
 * The runtime's own spelling of an IANA time zone, or null when it is not one (offsets such as
 * "+05:00" and POSIX rules are refused: a business lives in a place, whose offset changes).
 * Aliases fold together: a browser's "Asia/Kolkata" and "Asia/Calcutta" are one zone.
 */
export function canonicalTimeZone(name: unknown): string | null {
  if (typeof name !== "string" || name.length === 0 || name.length > 64) return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  return zonesOfRuntime().has(resolved) ? resolved : null;
}

/** The zones a person can pick in Settings: UTC first, then the IANA names in order. */
export function supportedTimeZones(): string[] {
  return [DEFAULT_TIME_ZONE, ...[...zonesOfRuntime()].filter((zone) => zone !== DEFAULT_TIME_ZONE)];
}

/** The business's calendar day at `now` in its time zone: what "today" means for due dates and payments. */
export function todayIn(timeZone: string, now: Date): IsoDate {
  return isoDateOf(now, canonicalTimeZone(timeZone) ?? DEFAULT_TIME_ZONE);
}

/**
 * Due dates from payment terms, mirroring QBO's Term entity:
 * - STANDARD: due `dueDays` after the document date ("Net 30").
 * - DATE_DRIVEN: due on `dayOfMonthDue` (clamped to the month's last day, so 31 means "end of month");
 *   a document dated within `dueNextMonthDays` days before that day is due the following month instead.
 */
import { addDays, addMonths, daysBetween, daysInMonth, fromDateParts, toDateParts, type IsoDate } from "./dates";

export type PaymentTerms =
  | { type: "STANDARD"; dueDays: number }
  | { type: "DATE_DRIVEN"; dayOfMonthDue: number; dueNextMonthDays?: number | null };

/** Without terms a document is due on its own date ("due on receipt"), as QBO does. */
export const DEFAULT_DUE_DAYS = 0;

export class TermsError extends Error {
  override name = "TermsError";
}

function onDayOfMonth(year: number, month: number, day: number): IsoDate {
  return fromDateParts({ year, month, day: Math.min(day, daysInMonth(year, month)) });
}

/** The due day in the month after `date`'s month. */
function dueDayNextMonth(date: IsoDate, dayOfMonthDue: number): IsoDate {
  const { year, month } = toDateParts(date);
  const next = toDateParts(addMonths(fromDateParts({ year, month, day: 1 }), 1));
  return onDayOfMonth(next.year, next.month, dayOfMonthDue);
}

function dateDrivenDueDate(documentDate: IsoDate, dayOfMonthDue: number, dueNextMonthDays: number): IsoDate {
  const { year, month } = toDateParts(documentDate);
  let due = onDayOfMonth(year, month, dayOfMonthDue);
  // This month's due day has already passed: the next one is next month's.
  if (daysBetween(documentDate, due) < 0) due = dueDayNextMonth(due, dayOfMonthDue);
  // Dated within the rollover window before the due day (on it included): due a month later.
  if (dueNextMonthDays > 0 && daysBetween(documentDate, due) <= dueNextMonthDays) {
    due = dueDayNextMonth(due, dayOfMonthDue);
  }
  return due;
}

/**
 * The due date for a bill or invoice dated `documentDate`.
 * `terms` null/undefined → `documentDate + defaultDueDays` (default {@link DEFAULT_DUE_DAYS}).
 */
export function dueDateFromTerms(
  documentDate: IsoDate,
  terms: PaymentTerms | null | undefined,
  defaultDueDays: number = DEFAULT_DUE_DAYS,
): IsoDate {
  if (!terms) return addDays(documentDate, defaultDueDays);
  if (terms.type === "STANDARD") {
    if (!Number.isSafeInteger(terms.dueDays) || terms.dueDays < 0) {
      throw new TermsError("Standard terms need a whole, non-negative number of due days.");
    }
    return addDays(documentDate, terms.dueDays);
  }
  const { dayOfMonthDue } = terms;
  const dueNextMonthDays = terms.dueNextMonthDays ?? 0;
  if (!Number.isInteger(dayOfMonthDue) || dayOfMonthDue < 1 || dayOfMonthDue > 31) {
    throw new TermsError("Date-driven terms need a day of the month between 1 and 31.");
  }
  if (!Number.isInteger(dueNextMonthDays) || dueNextMonthDays < 0) {
    throw new TermsError("Date-driven terms need a whole, non-negative number of days for next-month rollover.");
  }
  return dateDrivenDueDate(documentDate, dayOfMonthDue, dueNextMonthDays);
}

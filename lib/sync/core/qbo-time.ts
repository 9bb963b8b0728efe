/**
 * QBO date-times are the company's wall-clock time with its UTC offset, which changes with daylight
 * saving (a Pacific company prints `-08:00` in winter and `-07:00` in summer; Intuit's CDC reference
 * sample: "2015-12-23T12:55:50-08:00"). As text they do not sort in time order — within the hour a
 * clock falls back, `01:50-07:00` is earlier than `01:10-08:00` — so they are compared as instants.
 */

/** An ISO 8601 date-time that names its offset (QBO always does); a naive one would be read in our own zone. */
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch, or -Infinity for a missing or unreadable time (older than anything). */
export function qboInstant(text: string | null | undefined): number {
  if (!text || !WITH_OFFSET.test(text)) return Number.NEGATIVE_INFINITY;
  const at = Date.parse(text);
  return Number.isNaN(at) ? Number.NEGATIVE_INFINITY : at;
}

/** True when `a` is strictly later than `b`. */
export function isLaterQboTime(a: string | null | undefined, b: string | null | undefined): boolean {
  return qboInstant(a) > qboInstant(b);
}

/** The later of two QBO times, as QBO wrote it (undefined when neither is readable). */
export function laterQboTime(a: string | undefined, b: string | undefined): string | undefined {
  if (qboInstant(a) === Number.NEGATIVE_INFINITY) return qboInstant(b) === Number.NEGATIVE_INFINITY ? undefined : b;
  return isLaterQboTime(b, a) ? b : a;
}


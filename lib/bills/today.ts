import { todayIn } from "@/lib/ap";

/**
 * The business's current calendar date in its organisation's time zone (Settings → Organisation).
 * The one "today" of the app: due-by-today, overdue, default dates and the day payments process.
 */
export function businessToday(timeZone: string, now: Date = new Date()): string {
  return todayIn(timeZone, now);
}

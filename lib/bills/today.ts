import { isoDateOf } from "@/lib/ap";

/**
 * The business's current calendar date. Organisations have no time zone setting yet, so the app uses
 * one zone everywhere (UTC), which keeps "due by today" the same for the server and every test.
 */
export function businessToday(now: Date = new Date()): string {
  return isoDateOf(now, "UTC");
}

import { z } from "zod";
import { isIsoDate } from "@/lib/ap";

const optionalDate = z.preprocess(
  (value) => (Array.isArray(value) ? value[0] : value),
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value && isIsoDate(value) ? value : undefined)),
);

/** `?from=&to=` for date-ranged reports; unreadable dates are ignored, and a reversed range is swapped. */
export function parseDateRange(params: Record<string, string | string[] | undefined>): { from?: string; to?: string } {
  const from = optionalDate.parse(params.from);
  const to = optionalDate.parse(params.to);
  if (from && to && from > to) return { from: to, to: from };
  return { from, to };
}

/** `?asOf=` for aging reports, defaulting to `today`. */
export function parseAsOf(params: Record<string, string | string[] | undefined>, today: string): string {
  return optionalDate.parse(params.asOf) ?? today;
}

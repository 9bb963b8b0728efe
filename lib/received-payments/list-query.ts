import { z } from "zod";
import { isIsoDate } from "@/lib/ap";
import { searchText } from "@/lib/forms/search-text";

const optionalDate = z
  .string()
  .trim()
  .optional()
  .catch(undefined)
  .transform((value) => (value && isIsoDate(value) ? value : undefined));

/** The Received payments list's URL parameters; anything unreadable falls back to the defaults. */
export const receivedPaymentListQuerySchema = z
  .object({
    q: searchText().catch("").default(""),
    from: optionalDate,
    to: optionalDate,
    page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  })
  // A reversed range is read the way it was meant.
  .transform((query) => (query.from && query.to && query.from > query.to ? { ...query, from: query.to, to: query.from } : query));

export type ReceivedPaymentListQuery = z.output<typeof receivedPaymentListQuerySchema>;

/** Reads `searchParams` (repeated keys use the first value). */
export function parseReceivedPaymentListQuery(params: Record<string, string | string[] | undefined>): ReceivedPaymentListQuery {
  const first = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return receivedPaymentListQuerySchema.parse(first);
}

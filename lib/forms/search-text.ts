import { z } from "zod";

/** Longest search a list accepts (`?q=`). */
export const SEARCH_TEXT_MAX = 100;

/**
 * The `q` of a list page or list API. A NUL character would reach PostgreSQL inside the search
 * pattern and fail the whole query, so it is dropped: a search has no field to show an error on.
 */
export function searchText() {
  return z
    .string()
    .transform((value) => value.replaceAll("\u0000", ""))
    .pipe(z.string().trim().max(SEARCH_TEXT_MAX));
}

import { z } from "zod";
import { logWithReference } from "@/lib/error-reference";
import { UserFacingError } from "@/lib/forms/action-result";
import { recordId } from "@/lib/forms/record-id";
import { logger } from "@/lib/log";

/** The most records one bulk action takes: a page is 25; "select all" never gets near this. */
export const BULK_MAX = 500;

/**
 * The ids a bulk action posts (`ids`, repeated): each one a record id (lib/forms/record-id.ts),
 * 1 to BULK_MAX of them, duplicates dropped. A forged value fails the whole request: nothing runs.
 */
export function bulkIdsField() {
  return z
    .preprocess(
      (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
      z
        .array(recordId("This is not one of the listed records."))
        .min(1, "Select at least one row.")
        .max(BULK_MAX, `Select at most ${BULK_MAX} rows at a time.`),
    )
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]);
}

/** Every id is either done or listed with why not: a bulk action never stops half-way silently. */
export interface BulkResult {
  done: string[];
  failed: { id: string; reason: string }[];
}

const GENERIC = "Please correct the highlighted fields.";

/** A refusal's own words: the message, or its first field error when the message only points at fields. */
export function refusalReason(error: UserFacingError): string {
  if (error.message !== GENERIC) return error.message;
  return Object.values(error.fieldErrors ?? {}).flat()[0] ?? error.message;
}

/**
 * Runs `each` for every id, one after the other, each in its own transaction (inside `each`). A
 * refusal (UserFacingError) is that id's reason; an unexpected error is logged with a reference and
 * reported for that id, and the others still run.
 */
export async function runBulk(ids: readonly string[], each: (id: string) => Promise<unknown>, context: { action: string; org: string }): Promise<BulkResult> {
  const result: BulkResult = { done: [], failed: [] };
  for (const id of ids) {
    try {
      await each(id);
      result.done.push(id);
    } catch (error) {
      if (error instanceof UserFacingError) {
        result.failed.push({ id, reason: refusalReason(error) });
      } else {
        const ref = logWithReference(logger(), "bulk action failed for one record", error, { ...context, recordId: id });
        result.failed.push({ id, reason: `Something went wrong (ref ${ref}); this one was not changed.` });
      }
    }
  }
  return result;
}

import { z } from "zod";

/**
 * The id of a record, as it comes from a person: a route param (`/bills/[id]`), a picker's value
 * (`vendorId`, `lines.0.accountId`) or a query string (`?bill=`). Every table's key is a UUID
 * (lib/db/schema/columns.ts), and PostgreSQL rejects anything else with a type error, so an id is
 * checked here, at the boundary: a bad one is "not found" for a page and a field error for a form.
 *
 * `z.guid()` accepts any 8-4-4-4-12 hex id — exactly what the uuid column stores — where `z.uuid()`
 * would also insist on RFC version bits the database does not care about.
 */
export function recordId(message = "Choose an item from the list.") {
  return z.guid({ error: message });
}

const anyRecordId = recordId();

/** For route params and query strings: is this something a record could be found by? */
export function isRecordId(value: unknown): value is string {
  return anyRecordId.safeParse(value).success;
}

/** An optional id field (`id` of an edit form): blank or absent is undefined. */
export function optionalRecordId(message?: string) {
  return z.preprocess((value) => (value === "" || value === null ? undefined : value), recordId(message).optional());
}

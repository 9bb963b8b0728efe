/**
 * Value rules QBO checks on one body before anything else: string lengths (2050) and dates that
 * must be real calendar days (a 2010 request fault; never a server error).
 * - DocNumber: "The maximum length for DocNumber is 21 characters" (reference, DocNumber; QBO: max=21).
 * - PrivateNote: at most 4000 characters (reference, PrivateNote; QBO.md).
 * - Dates are `xs:date`, YYYY-MM-DD (reference, TxnDate / DueDate / ShipDate).
 */
import { isQboDate } from "./clock";
import type { EntitySpec } from "./entity-specs";
import { faults } from "./faults";
import type { JsonObject } from "./types";

const MAX_LENGTH: Record<string, number> = { DocNumber: 21, PrivateNote: 4000 };
const DATE_FIELDS = ["TxnDate", "DueDate", "ShipDate"];

export function checkFieldFormats(spec: EntitySpec, record: JsonObject): void {
  if (spec.kind !== "txn") return;
  for (const [field, max] of Object.entries(MAX_LENGTH)) {
    const value = record[field];
    if (typeof value === "string" && value.length > max) throw faults.lengthExceeded(field, max, value.length);
  }
  for (const field of DATE_FIELDS) {
    const value = record[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== "string" || !isQboDate(value)) throw faults.invalidDate(field, String(value));
  }
}

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

/**
 * Vendor / Customer (Intuit Vendor and Customer references): CompanyName ≤ 100, PrimaryPhone.
 * FreeFormNumber ≤ 30, Vendor.TaxIdentifier ≤ 20; BillAddr (PhysicalAddress) Line1–5 ≤ 500, City,
 * CountrySubDivisionCode and Country ≤ 255, PostalCode ≤ 30.
 */
const PARTY_MAX_LENGTH: ReadonlyArray<[path: string[], max: number]> = [
  [["CompanyName"], 100],
  [["PrimaryPhone", "FreeFormNumber"], 30],
  [["TaxIdentifier"], 20],
  ...["Line1", "Line2", "Line3", "Line4", "Line5"].map((line): [string[], number] => [["BillAddr", line], 500]),
  [["BillAddr", "City"], 255],
  [["BillAddr", "CountrySubDivisionCode"], 255],
  [["BillAddr", "PostalCode"], 30],
  [["BillAddr", "Country"], 255],
];

function valueAt(record: JsonObject, path: string[]): unknown {
  let value: unknown = record;
  for (const key of path) value = value && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject)[key] : undefined;
  return value;
}

export function checkFieldFormats(spec: EntitySpec, record: JsonObject): void {
  if (spec.name === "Vendor" || spec.name === "Customer") {
    for (const [path, max] of PARTY_MAX_LENGTH) {
      const value = valueAt(record, path);
      if (typeof value === "string" && value.length > max) throw faults.lengthExceeded(path.join("."), max, value.length);
    }
    return;
  }
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

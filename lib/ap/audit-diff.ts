/**
 * Audit trail diffs: which fields of a record changed, in words a bookkeeper can read
 * ("Amount: $10.00 → $12.50"). Raw values are compared; only the display uses the formatter.
 */
import { formatMoney } from "./money";

export type AuditFieldKind = "text" | "money" | "date" | "boolean";

export interface AuditField<T> {
  field: keyof T & string;
  label: string;
  /** How to show the value: money → "$1,234.56" (cents in, currency from options), date → as-is. */
  kind?: AuditFieldKind;
  /** Custom display (e.g. an id → a vendor name); wins over `kind`. */
  format?: (value: unknown) => string;
}

export interface AuditChange {
  field: string;
  label: string;
  /** Display value before; null when the field was empty or the record is new. */
  old: string | null;
  new: string | null;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/** Structural equality for plain data (JSON-like values: arrays and objects compared by content). */
function sameValue(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every(
    (key) => Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

function display<T>(spec: AuditField<T>, value: unknown, currency: string): string | null {
  if (isEmpty(value)) return null;
  if (spec.format) return spec.format(value);
  switch (spec.kind) {
    case "money":
      return typeof value === "number" ? formatMoney(value, currency) : String(value);
    case "boolean":
      return value ? "Yes" : "No";
    case "date":
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    default:
      return typeof value === "object" ? JSON.stringify(value) : String(value);
  }
}

/**
 * Changes from `before` to `after` over `fields`, in the fields' order. `before` null means the record
 * was created (every non-empty field is a change); `after` null means it was deleted.
 */
export function auditDiff<T extends object>(
  before: T | null,
  after: T | null,
  fields: readonly AuditField<T>[],
  options: { currency?: string } = {},
): AuditChange[] {
  const currency = options.currency ?? "USD";
  const changes: AuditChange[] = [];
  for (const spec of fields) {
    const oldValue: unknown = before ? before[spec.field] : undefined;
    const newValue: unknown = after ? after[spec.field] : undefined;
    if (sameValue(oldValue, newValue)) continue;
    changes.push({
      field: spec.field,
      label: spec.label,
      old: display(spec, oldValue, currency),
      new: display(spec, newValue, currency),
    });
  }
  return changes;
}

import type { AuditChange } from "@/lib/db/schema";

export type AuditField<T> = { field: keyof T & string; label: string; format?: (v: unknown) => string | null };

const plain = (v: unknown): string | null => (v === null || v === undefined || v === "" ? null : String(v));

/** The fields that changed between two versions of a record, formatted for the audit trail. */
export function diffForAudit<T extends Record<string, unknown>>(
  before: Partial<T> | null,
  after: Partial<T>,
  fields: AuditField<T>[],
): AuditChange[] {
  const changes: AuditChange[] = [];
  for (const { field, label, format = plain } of fields) {
    const oldValue = before ? format(before[field]) : null;
    const newValue = format(after[field]);
    if (oldValue !== newValue) changes.push({ field, label, old: oldValue, new: newValue });
  }
  return changes;
}

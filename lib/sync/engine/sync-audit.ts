import type { Tx } from "@/lib/db/connection";
import type { AuditChange, AuditSnapshot } from "@/lib/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";

export type FlatRecord = Record<string, string | number | boolean | null | undefined>;

/** Field-by-field differences between two flat versions of a record (labels are the field names spelled out). */
export function flatChanges(before: FlatRecord, after: FlatRecord, labels: Record<string, string>): AuditChange[] {
  const changes: AuditChange[] = [];
  for (const [field, label] of Object.entries(labels)) {
    const oldValue = before[field] === undefined || before[field] === null || before[field] === "" ? null : String(before[field]);
    const newValue = after[field] === undefined || after[field] === null || after[field] === "" ? null : String(after[field]);
    if (oldValue !== newValue) changes.push({ field, label, old: oldValue, new: newValue });
  }
  return changes;
}

/** A whole flat version of a record, every labelled field (e.g. the party version a conflict did not keep). */
export function flatSnapshot(title: string, version: FlatRecord, labels: Record<string, string>): AuditSnapshot {
  const text = (v: FlatRecord[string]) => (v === undefined || v === null || v === "" ? null : typeof v === "boolean" ? (v ? "Yes" : "No") : String(v));
  return { title, fields: Object.entries(labels).map(([field, label]) => ({ label, value: text(version[field]) })) };
}

/** An audit event written by the sync (no user), e.g. "conflict: kept QuickBooks version". */
export async function recordSyncAudit(
  tx: Tx,
  input: { organizationId: string; entityType: string; entityId: string; action: string; changes?: AuditChange[]; snapshot?: AuditSnapshot },
): Promise<void> {
  await recordAudit(tx, { ...input, actorUserId: null, actorKind: "sync" });
}

export function conflictAction(winner: "quickbooks" | "ledgerbridge"): string {
  return winner === "quickbooks" ? "conflict: kept QuickBooks version" : "conflict: kept Ledgerbridge version";
}

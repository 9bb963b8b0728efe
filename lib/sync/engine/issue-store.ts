import { and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { bulkInsert } from "@/lib/db/bulk-insert";
import type { Db, Tx } from "@/lib/db/connection";
import { syncIssues } from "@/lib/db/schema";
import { needsActionCondition } from "@/lib/sync/issue-groups";
import { describeReason, describeRecord, type ReasonCode, type ReasonParams } from "@/lib/sync/core";
import type { SyncObjectType } from "@/lib/sync/engine/types";

export interface IssueInput {
  objectType: SyncObjectType;
  localId?: string | undefined;
  qboId?: string | undefined;
  reason: ReasonCode;
  params: ReasonParams;
}

/** Stable identity of the record an issue is about: its app id when it has one, else its QBO id. */
export function issueKeyFor(objectType: string, ids: { localId?: string | undefined; qboId?: string | undefined }): string {
  if (ids.localId) return `${objectType}:app:${ids.localId}`;
  return `${objectType}:qbo:${ids.qboId ?? "?"}`;
}

/** Every key an issue about this record may have been stored under. */
export function issueKeysOf(objectType: string, ids: { localId?: string | undefined; qboId?: string | undefined }): string[] {
  const keys: string[] = [];
  if (ids.localId) keys.push(`${objectType}:app:${ids.localId}`);
  if (ids.qboId) keys.push(`${objectType}:qbo:${ids.qboId}`);
  return keys;
}

/** Issue params are stored flat (strings and numbers); lists become comma-separated text. */
function storableParams(params: ReasonParams): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    out[key] = Array.isArray(value) ? value.join(", ") : (value as string);
  }
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Sync issues of one run, buffered and written in bulk: upsert by issue key (re-opening a resolved
 * one), and resolution of the issues of every record that synced this time.
 */
export class IssueStore {
  private readonly open = new Map<string, typeof syncIssues.$inferInsert>();
  private readonly resolved = new Set<string>();
  /** Keys of the organisation's open issues, when loaded: resolving anything else needs no statement. */
  private openInDatabase: Set<string> | null = null;
  /** Issues recorded this run, by object type and severity (for counts). */
  recorded = 0;

  constructor(
    readonly organizationId: string,
    readonly runId: string,
  ) {}

  /**
   * Reads which issues are open now, so that the thousands of records that synced cleanly (and
   * never had an issue) cost nothing at flush time. Without it, every resolution is sent.
   */
  async loadOpenKeys(db: Db | Tx): Promise<void> {
    const rows = await db
      .select({ key: syncIssues.issueKey })
      .from(syncIssues)
      .where(and(eq(syncIssues.organizationId, this.organizationId), isNull(syncIssues.resolvedAt)));
    this.openInDatabase = new Set(rows.map((row) => row.key));
  }

  record(issue: IssueInput): void {
    const key = issueKeyFor(issue.objectType, issue);
    const description = describeReason(issue.reason, issue.params);
    this.resolved.delete(key);
    this.recorded += 1;
    this.open.set(key, {
      organizationId: this.organizationId,
      issueKey: key,
      objectType: issue.objectType,
      localId: issue.localId && UUID.test(issue.localId) ? issue.localId : null,
      qboId: issue.qboId ?? null,
      label: describeRecord(issue.params),
      reasonCode: issue.reason,
      severity: description.severity,
      params: storableParams(issue.params),
      detail: `${description.explanation} ${description.fix}`,
      firstSeenRunId: this.runId,
      lastSeenRunId: this.runId,
      resolvedAt: null,
    });
  }

  /** The record synced (or needs nothing): its open issues clear themselves. */
  resolve(objectType: string, ids: { localId?: string | undefined; qboId?: string | undefined }): void {
    for (const key of issueKeysOf(objectType, ids)) if (!this.open.has(key)) this.resolved.add(key);
  }

  /**
   * After a full pull of `objectType`: the open issues of QBO records that never came in and are
   * no longer in QBO (deleted there) resolve. Needs the open keys loaded (loadOpenKeys).
   */
  resolveAbsentQboRecords(objectType: string, liveQboIds: ReadonlySet<string>): void {
    const prefix = `${objectType}:qbo:`;
    for (const key of this.openInDatabase ?? []) {
      if (key.startsWith(prefix) && !liveQboIds.has(key.slice(prefix.length))) this.resolveKey(key);
    }
  }

  resolveKey(key: string): void {
    if (!this.open.has(key)) this.resolved.add(key);
  }

  async flush(db: Db | Tx): Promise<void> {
    const updatedAt = new Date();
    const rows = [...this.open.values()].map((row) => ({ ...row, updatedAt }));
    this.open.clear();
    // Re-seeing an issue re-opens it (resolvedAt is null in every row) and keeps its first-seen run.
    await bulkInsert(db, syncIssues, rows, {
      onConflict: {
        target: ["organizationId", "issueKey"],
        update: ["objectType", "localId", "qboId", "label", "reasonCode", "severity", "params", "detail", "lastSeenRunId", "resolvedAt", "updatedAt"],
      },
    });
    for (const row of rows) this.openInDatabase?.add(row.issueKey);
    const known = this.openInDatabase;
    const keys = known ? [...this.resolved].filter((key) => known.has(key)) : [...this.resolved];
    this.resolved.clear();
    for (const key of keys) known?.delete(key);
    for (let i = 0; i < keys.length; i += 1000) {
      await db
        .update(syncIssues)
        .set({ resolvedAt: new Date(), lastSeenRunId: this.runId })
        .where(
          and(
            eq(syncIssues.organizationId, this.organizationId),
            isNull(syncIssues.resolvedAt),
            inArray(syncIssues.issueKey, keys.slice(i, i + 1000)),
          ),
        );
    }
  }
}

/** Open issues in each group: the header and panel count only those that need action. */
export async function countOpenIssuesByGroup(db: Db, organizationId: string): Promise<{ needsAction: number; byDesign: number }> {
  const [row] = await db
    .select({
      needsAction: sql<number>`count(*) filter (where ${needsActionCondition()})`.mapWith(Number),
      byDesign: sql<number>`count(*) filter (where not (${needsActionCondition()}))`.mapWith(Number),
    })
    .from(syncIssues)
    .where(and(eq(syncIssues.organizationId, organizationId), isNull(syncIssues.resolvedAt)));
  return { needsAction: row?.needsAction ?? 0, byDesign: row?.byDesign ?? 0 };
}

export async function countOpenIssues(db: Db, organizationId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(syncIssues)
    .where(and(eq(syncIssues.organizationId, organizationId), isNull(syncIssues.resolvedAt)));
  return row?.n ?? 0;
}

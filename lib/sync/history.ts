import { and, count, desc, eq, ilike, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { syncIssues, syncRuns, users } from "@/lib/db/schema";
import type { IssueGroup } from "@/lib/sync/core/reasons";
import { issueGroupCondition, needsActionCondition } from "@/lib/sync/issue-groups";

export const RUNS_PAGE_SIZE = 20;
export const ISSUES_PAGE_SIZE = 50;

/** Sync history: every run with trigger, who, when and its counts. */
export async function listSyncRuns(db: Db, organizationId: string, page: number) {
  const [rows, [total]] = await Promise.all([
    db
      .select({ run: syncRuns, userName: users.name })
      .from(syncRuns)
      .leftJoin(users, eq(users.id, syncRuns.triggeredBy))
      .where(eq(syncRuns.organizationId, organizationId))
      .orderBy(desc(syncRuns.createdAt))
      .limit(RUNS_PAGE_SIZE)
      .offset((page - 1) * RUNS_PAGE_SIZE),
    db.select({ n: count() }).from(syncRuns).where(eq(syncRuns.organizationId, organizationId)),
  ]);
  return { rows, total: total?.n ?? 0, page, pageSize: RUNS_PAGE_SIZE };
}

export async function getSyncRun(db: Db, organizationId: string, runId: string) {
  const [row] = await db
    .select({ run: syncRuns, userName: users.name })
    .from(syncRuns)
    .leftJoin(users, eq(users.id, syncRuns.triggeredBy))
    .where(and(eq(syncRuns.organizationId, organizationId), eq(syncRuns.id, runId)))
    .limit(1);
  return row ?? null;
}

export type IssueFilter = { reason?: string; objectType?: string; runId?: string; group?: IssueGroup; q?: string; page: number };

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The list's conditions: `all` (open or the run's, and the search), `base` (+ group, for the counts by
 * reason and type) and `filtered` (+ reason and type: the rows shown). The CSV export shares them.
 */
export function syncIssueConditions(organizationId: string, filter: Omit<IssueFilter, "page">) {
  const conditions = [eq(syncIssues.organizationId, organizationId)];
  if (filter.runId) conditions.push(eq(syncIssues.lastSeenRunId, filter.runId));
  else conditions.push(isNull(syncIssues.resolvedAt));
  const pattern = filter.q ? `%${escapeLike(filter.q)}%` : null;
  const all = and(...conditions, pattern ? or(ilike(syncIssues.label, pattern), ilike(syncIssues.qboId, pattern)) : undefined);
  const base = and(all, filter.group ? issueGroupCondition(filter.group) : undefined);
  const filtered = and(
    base,
    filter.reason ? eq(syncIssues.reasonCode, filter.reason) : undefined,
    filter.objectType ? eq(syncIssues.objectType, filter.objectType) : undefined,
  );
  return { all, base, filtered };
}

/**
 * "Why didn't these sync?": open issues (or those a run saw), in one group ("needs your action" or
 * "skipped by design"), searchable by the record's label or QBO id, filterable by reason and type.
 */
export async function listSyncIssues(db: Db, organizationId: string, filter: IssueFilter) {
  const { all, base, filtered } = syncIssueConditions(organizationId, filter);
  const [rows, [total], byReason, byType, [groups]] = await Promise.all([
    db
      .select()
      .from(syncIssues)
      .where(filtered)
      .orderBy(syncIssues.objectType, syncIssues.reasonCode, desc(syncIssues.updatedAt))
      .limit(ISSUES_PAGE_SIZE)
      .offset((filter.page - 1) * ISSUES_PAGE_SIZE),
    db.select({ n: count() }).from(syncIssues).where(filtered),
    db
      .select({ reason: syncIssues.reasonCode, n: count() })
      .from(syncIssues)
      .where(base)
      .groupBy(syncIssues.reasonCode)
      .orderBy(sql`count(*) desc`),
    db.select({ objectType: syncIssues.objectType, n: count() }).from(syncIssues).where(base).groupBy(syncIssues.objectType),
    db
      .select({
        action: sql<number>`count(*) filter (where ${needsActionCondition()})`.mapWith(Number),
        byDesign: sql<number>`count(*) filter (where not (${needsActionCondition()}))`.mapWith(Number),
      })
      .from(syncIssues)
      .where(all),
  ]);
  const byGroup: Record<IssueGroup, number> = { action: groups?.action ?? 0, "by-design": groups?.byDesign ?? 0 };
  return { rows, total: total?.n ?? 0, byReason, byType, byGroup, page: filter.page, pageSize: ISSUES_PAGE_SIZE };
}

/** Open issues of one app record (shown on bill and invoice pages). */
export async function issuesForRecord(db: Db, organizationId: string, objectType: string, localId: string) {
  return db
    .select()
    .from(syncIssues)
    .where(
      and(
        eq(syncIssues.organizationId, organizationId),
        eq(syncIssues.objectType, objectType),
        eq(syncIssues.localId, localId),
        isNull(syncIssues.resolvedAt),
      ),
    );
}

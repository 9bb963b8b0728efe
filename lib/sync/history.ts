import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { syncIssues, syncRuns, users } from "@/lib/db/schema";

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

export type IssueFilter = { reason?: string; objectType?: string; runId?: string; page: number };

/** "Why didn't these sync?": open issues (or those a run saw), filterable by reason and object type. */
export async function listSyncIssues(db: Db, organizationId: string, filter: IssueFilter) {
  const conditions = [eq(syncIssues.organizationId, organizationId)];
  if (filter.runId) conditions.push(eq(syncIssues.lastSeenRunId, filter.runId));
  else conditions.push(isNull(syncIssues.resolvedAt));
  const base = and(...conditions);
  const filtered = and(
    base,
    filter.reason ? eq(syncIssues.reasonCode, filter.reason) : undefined,
    filter.objectType ? eq(syncIssues.objectType, filter.objectType) : undefined,
  );
  const [rows, [total], byReason, byType] = await Promise.all([
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
  ]);
  return { rows, total: total?.n ?? 0, byReason, byType, page: filter.page, pageSize: ISSUES_PAGE_SIZE };
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

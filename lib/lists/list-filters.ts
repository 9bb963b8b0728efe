import { and, eq, gt, gte, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/connection";
import { syncIssues, syncMappings } from "@/lib/db/schema";
import { organizationToday } from "@/lib/orgs/organizations";
import { dueWindow, type ListQuery, type SyncFilter } from "./list-query";

/** The columns of a document table (bills, invoices) the shared list filters read. */
export interface DocumentColumns {
  objectType: "bill" | "invoice";
  id: PgColumn;
  organizationId: PgColumn;
  partyId: PgColumn;
  documentDate: PgColumn;
  dueDate: PgColumn;
  openBalanceCents: PgColumn;
  voidedAt: PgColumn;
}

/**
 * The WHERE terms of the filters every document list shares (party, date range, due window, sync
 * state), each on an indexed column: (org, party), (org, date), (org, due_date), the mappings' key
 * and the open-issue index. The organisation is always the first term.
 */
export function documentListFilters(
  columns: DocumentColumns,
  organizationId: string,
  query: Pick<ListQuery<string, string>, "party" | "from" | "to" | "due" | "sync">,
  today: string | null,
): SQL[] {
  const filters: SQL[] = [eq(columns.organizationId, organizationId)];
  if (query.party) filters.push(eq(columns.partyId, query.party));
  if (query.from) filters.push(gte(columns.documentDate, query.from));
  if (query.to) filters.push(lte(columns.documentDate, query.to));
  const window = today ? dueWindow(query.due, today) : null;
  if (window) {
    // Due dates only matter while something is still owed.
    filters.push(gt(columns.openBalanceCents, 0), isNull(columns.voidedAt));
    if (window.from) filters.push(gte(columns.dueDate, window.from));
    if (window.to) filters.push(lte(columns.dueDate, window.to));
  }
  const sync = syncFilterSql(columns, organizationId, query.sync);
  if (sync) filters.push(sync);
  return filters;
}

/**
 * Synced: linked to a QBO twin and no open issue. Sync issue: an open (unresolved) issue about the
 * record. Not synced yet: neither (never reached QBO, e.g. not connected or waiting for the next sync).
 */
function syncFilterSql(columns: DocumentColumns, organizationId: string, filter: SyncFilter): SQL | null {
  if (filter === "any") return null;
  const mapped = sql`exists (select 1 from ${syncMappings} where ${syncMappings.organizationId} = ${organizationId} and ${syncMappings.objectType} = ${columns.objectType} and ${syncMappings.localId} = ${columns.id})`;
  const openIssue = sql`exists (select 1 from ${syncIssues} where ${syncIssues.organizationId} = ${organizationId} and ${syncIssues.objectType} = ${columns.objectType} and ${syncIssues.localId} = ${columns.id} and ${syncIssues.resolvedAt} is null)`;
  if (filter === "issue") return openIssue;
  if (filter === "synced") return and(mapped, sql`not ${openIssue}`)!;
  return and(sql`not ${mapped}`, sql`not ${openIssue}`)!;
}

/** The business day the due filters read: the caller's, or the organisation's today (its time zone). */
export async function listToday(db: Db, organizationId: string, query: Pick<ListQuery<string, string>, "due">, today?: string): Promise<string | null> {
  if (query.due === "any") return null;
  return today ?? organizationToday(db, organizationId, new Date());
}

/**
 * Switching QuickBooks company is an explicit step (issue 14, items 1 and 3). A connection to a
 * company other than the one the organisation's links point to — or a first company while the app
 * already holds records — is stored "awaiting_confirmation": its tokens load for nobody, so nothing
 * syncs. On the confirm page (/o/<slug>/sync/switch) an admin either switches (the old company's
 * links and issues are archived, the app records lose their old QBO ids, and the next sync creates
 * them in the new company) or cancels (disconnects, keeping everything of the old company).
 */
import { and, count, eq, isNull, ne, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db, Tx } from "@/lib/db/connection";
import {
  accounts,
  billPayments,
  bills,
  classes,
  customers,
  fundsTransfers,
  invoices,
  items,
  locations,
  qboConnections,
  receivedPayments,
  syncIntentions,
  syncIssues,
  syncMappings,
  syncRealmArchives,
  syncState,
  terms,
  vendorCredits,
  vendors,
} from "@/lib/db/schema";
import { UserFacingError } from "@/lib/forms/action-result";
import { companyLabel, type AppRecordCounts } from "./company-switch-rule";
import { appRecordCounts, linkedRealms } from "./connect-decision";
import { disconnect, type ConnectionDeps } from "./connection";

/** What Sync Now and every sync panel say while the switch waits. */
export function awaitingConfirmationMessage(companyName: string | null | undefined, realmId?: string | null): string {
  return `Switch to ${companyLabel(companyName, realmId)} is waiting for your confirmation. An admin confirms it on Sync → Switch company; nothing syncs until then.`;
}

export interface PendingCompanySwitch {
  kind: "switch" | "first_sync";
  to: { realmId: string; companyName: string | null };
  /** The company the links point to now (null: the organisation never synced). */
  from: { realmId: string; companyName: string | null } | null;
  counts: AppRecordCounts;
  /** Links (sync mappings) to the old company that will be archived. */
  links: number;
  /** Open sync issues of the old company that will be archived. */
  openIssues: number;
}

/** What the confirm page shows, or null when no switch waits. */
export async function pendingCompanySwitch(db: Db, organizationId: string): Promise<PendingCompanySwitch | null> {
  const [connection] = await db.select().from(qboConnections).where(eq(qboConnections.organizationId, organizationId));
  if (!connection || connection.status !== "awaiting_confirmation" || !connection.awaitingKind) return null;
  const [links] = await db
    .select({ n: count() })
    .from(syncMappings)
    .where(and(eq(syncMappings.organizationId, organizationId), ne(syncMappings.realmId, connection.realmId)));
  const [open] = await db
    .select({ n: count() })
    .from(syncIssues)
    .where(and(eq(syncIssues.organizationId, organizationId), isNull(syncIssues.resolvedAt)));
  return {
    kind: connection.awaitingKind,
    to: { realmId: connection.realmId, companyName: connection.companyName },
    from: connection.switchFromRealmId ? { realmId: connection.switchFromRealmId, companyName: connection.switchFromCompanyName } : null,
    counts: await appRecordCounts(db, organizationId),
    links: connection.awaitingKind === "switch" ? (links?.n ?? 0) : 0,
    openIssues: connection.awaitingKind === "switch" ? (open?.n ?? 0) : 0,
  };
}

/** App tables that carry a QBO id of the company they are linked to. */
const LINKED_TABLES = [vendors, customers, accounts, items, classes, locations, terms, bills, invoices, vendorCredits, billPayments, receivedPayments, fundsTransfers] as const;

async function lockAwaiting(tx: Tx, organizationId: string) {
  const [connection] = await tx.select().from(qboConnections).where(eq(qboConnections.organizationId, organizationId)).for("update");
  if (!connection || connection.status !== "awaiting_confirmation" || !connection.awaitingKind) {
    throw new UserFacingError("No change of QuickBooks company is waiting for confirmation.");
  }
  return connection;
}

/** Moves the links and issues of the companies other than `toRealmId` into the archive, in the caller's transaction. */
async function archiveOtherRealms(tx: Tx, connection: typeof qboConnections.$inferSelect, userId: string): Promise<void> {
  const organizationId = connection.organizationId;
  const toRealmId = connection.realmId;
  const realms = (await linkedRealms(tx, organizationId)).map((r) => r.realmId).filter((realm) => realm !== toRealmId);
  const fromRealmId = connection.switchFromRealmId!;
  if (!realms.includes(fromRealmId)) realms.unshift(fromRealmId);
  for (const realmId of realms) {
    const [archive] = await tx
      .insert(syncRealmArchives)
      .values({
        organizationId,
        realmId,
        companyName: realmId === fromRealmId ? connection.switchFromCompanyName : null,
        replacedByRealmId: toRealmId,
        archivedBy: userId,
      })
      .returning({ id: syncRealmArchives.id });
    await tx.execute(sql`
      insert into sync_archived_mappings (archive_id, organization_id, object_type, local_id, realm_id, qbo_id, sync_token, last_updated_time, content_hash, qbo_state, synced_at)
      select ${archive!.id}::uuid, organization_id, object_type, local_id, realm_id, qbo_id, sync_token, last_updated_time, content_hash, qbo_state, synced_at
      from sync_mappings where organization_id = ${organizationId}::uuid and realm_id = ${realmId}`);
    await tx.delete(syncMappings).where(and(eq(syncMappings.organizationId, organizationId), eq(syncMappings.realmId, realmId)));
    // Issues carry no realm: every one of them is about the company being left, kept with its archive.
    if (realmId === fromRealmId) {
      await tx.execute(sql`
        insert into sync_archived_issues (archive_id, organization_id, issue_key, object_type, local_id, qbo_id, label, reason_code, severity, params, detail, resolved_at, created_at)
        select ${archive!.id}::uuid, organization_id, issue_key, object_type, local_id, qbo_id, label, reason_code, severity, params, detail, resolved_at, created_at
        from sync_issues where organization_id = ${organizationId}::uuid`);
      await tx.delete(syncIssues).where(eq(syncIssues.organizationId, organizationId));
    }
  }
  for (const table of LINKED_TABLES) {
    await tx.update(table).set({ qboId: null }).where(eq(table.organizationId, organizationId));
  }
  // A write left pending for the old company must never be re-sent to the new one.
  await tx
    .update(syncIntentions)
    .set({ status: "failed", error: "QuickBooks company switched" })
    .where(and(eq(syncIntentions.organizationId, organizationId), eq(syncIntentions.status, "pending")));
  // The new company is read in full: the old company's sync clock says nothing about it.
  await tx.update(syncState).set({ lastSyncAt: null, lastSuccessfulSyncAt: null, nextAutoSyncAt: null }).where(eq(syncState.organizationId, organizationId));
}

/**
 * "Switch and sync": in one transaction the old company's links and issues are archived, the app's
 * records lose their old QBO ids and the connection becomes active; then a sync is started.
 */
export async function confirmCompanySwitch(
  db: Db,
  input: { organizationId: string; userId: string },
  startSync: () => Promise<{ runId: string }>,
): Promise<{ started: boolean; runId?: string; companyName: string }> {
  const connection = await db.transaction(async (tx) => {
    const row = await lockAwaiting(tx, input.organizationId);
    if (row.awaitingKind === "switch") await archiveOtherRealms(tx, row, input.userId);
    await tx
      .update(qboConnections)
      .set({ status: "connected", awaitingKind: null, switchFromRealmId: null, switchFromCompanyName: null })
      .where(eq(qboConnections.organizationId, input.organizationId));
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actorUserId: input.userId,
      entityType: "qbo_connection",
      entityId: input.organizationId,
      action:
        row.awaitingKind === "switch"
          ? `switched QuickBooks company from ${companyLabel(row.switchFromCompanyName, row.switchFromRealmId)} to ${companyLabel(row.companyName, row.realmId)}`
          : `confirmed the first sync with ${companyLabel(row.companyName, row.realmId)}`,
    });
    return row;
  });
  const companyName = companyLabel(connection.companyName, connection.realmId);
  try {
    const { runId } = await startSync();
    return { started: true, runId, companyName };
  } catch (error) {
    // The switch is made; a sync that could not start is started again with Sync Now.
    if (error instanceof UserFacingError) return { started: false, companyName };
    throw error;
  }
}

/** "Cancel (disconnect)": the new company's tokens are revoked; the old company's links, issues and name stay. */
export async function cancelCompanySwitch(db: Db, input: { organizationId: string; userId: string }, deps: ConnectionDeps): Promise<void> {
  const [connection] = await db.select().from(qboConnections).where(eq(qboConnections.organizationId, input.organizationId));
  if (!connection || connection.status !== "awaiting_confirmation") {
    throw new UserFacingError("No change of QuickBooks company is waiting for confirmation.");
  }
  await disconnect(db, input.organizationId, deps);
  await recordAudit(db, {
    organizationId: input.organizationId,
    actorUserId: input.userId,
    entityType: "qbo_connection",
    entityId: input.organizationId,
    action: `cancelled connecting to ${companyLabel(connection.companyName, connection.realmId)} and disconnected QuickBooks`,
  });
}

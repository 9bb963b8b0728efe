import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { qboConnections, syncRuns, syncState } from "@/lib/db/schema";
import { companyLabel } from "@/lib/qbo-connection/company-switch-rule";
import { missingSyncPreferences } from "@/lib/sync/core";
import { nextAutoSyncAt } from "@/lib/sync/core/auto-sync";
import { getSyncPreferences } from "@/lib/sync/preferences";
import { countOpenIssuesByGroup } from "@/lib/sync/engine/issue-store";
import { findActiveRun, isLiveRun, type SyncRunRow } from "@/lib/sync/engine/run-lock";

export interface SyncStatus {
  connection: "not_connected" | "connected" | "needs_reconnect" | "awaiting_confirmation";
  /** A company switch (or first sync over existing records) waiting for an admin's confirmation. */
  pendingSwitch: { kind: "switch" | "first_sync"; companyName: string } | null;
  /** UI labels of required preferences that are not set. */
  preferencesMissing: string[];
  activeRun: SyncRunRow | null;
  lastRun: SyncRunRow | null;
  /** Open issues that need a person's action (failures and fixable skips). */
  openIssues: number;
  /** Open issues skipped by design (paid history, Commerce, $0, …): shown, never counted as attention. */
  skippedByDesign: number;
  nextAutoSyncAt: Date | null;
}

/** What the sync icon and Settings → Sync show for an organisation. */
export async function getSyncStatus(db: Db, organizationId: string, now: Date = new Date()): Promise<SyncStatus> {
  const [connection] = await db
    .select({ status: qboConnections.status, awaitingKind: qboConnections.awaitingKind, companyName: qboConnections.companyName, realmId: qboConnections.realmId })
    .from(qboConnections)
    .where(eq(qboConnections.organizationId, organizationId));
  const [lastRun] = await db
    .select()
    .from(syncRuns)
    .where(and(eq(syncRuns.organizationId, organizationId), inArray(syncRuns.status, ["succeeded", "partial", "failed", "interrupted"])))
    .orderBy(desc(syncRuns.finishedAt))
    .limit(1);
  const [state] = await db.select().from(syncState).where(eq(syncState.organizationId, organizationId));
  const preferences = await getSyncPreferences(db, organizationId);
  const issues = await countOpenIssuesByGroup(db, organizationId);
  const connectionState = !connection || connection.status === "disconnected" ? "not_connected" : connection.status;
  return {
    connection: connectionState,
    pendingSwitch:
      connection?.status === "awaiting_confirmation" && connection.awaitingKind
        ? { kind: connection.awaitingKind, companyName: companyLabel(connection.companyName, connection.realmId) }
        : null,
    preferencesMissing: missingSyncPreferences(preferences),
    // A run whose heartbeat lapsed is dead, whether or not a sweep has marked it interrupted yet.
    activeRun: await findLiveRun(db, organizationId, now),
    lastRun: lastRun ?? null,
    openIssues: issues.needsAction,
    skippedByDesign: issues.byDesign,
    nextAutoSyncAt: nextAutoSyncAt({
      syncAutomatically: preferences.syncAutomatically,
      // After Disconnect (or while a reconnect or a switch confirmation is needed) the scheduler skips the organisation. An
      // organisation with no connection row has never synced, so no time is announced for it anyway.
      connected: connection?.status !== "disconnected" && connection?.status !== "needs_reconnect" && connection?.status !== "awaiting_confirmation",
      lastSyncAt: state?.lastSyncAt ?? null,
      nextAutoSyncAt: state?.nextAutoSyncAt ?? null,
    }),
  };
}

async function findLiveRun(db: Db, organizationId: string, now: Date): Promise<SyncRunRow | null> {
  const run = await findActiveRun(db, organizationId);
  return run && (run.status === "queued" || isLiveRun(run, now)) ? run : null;
}

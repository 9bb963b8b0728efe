import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { qboConnections, syncPreferences, syncRuns, syncState } from "@/lib/db/schema";
import { dueForAutoSync } from "@/lib/sync/core/auto-sync";

/** Organisations with Sync Automatically on whose next automatic sync is due. */
export async function findDueOrganizations(db: Db, now: Date): Promise<string[]> {
  const rows = await db
    .select({
      organizationId: syncPreferences.organizationId,
      syncAutomatically: syncPreferences.syncAutomatically,
      connectionStatus: qboConnections.status,
      lastSyncAt: syncState.lastSyncAt,
      nextAutoSyncAt: syncState.nextAutoSyncAt,
    })
    .from(syncPreferences)
    .innerJoin(qboConnections, eq(qboConnections.organizationId, syncPreferences.organizationId))
    .leftJoin(syncState, eq(syncState.organizationId, syncPreferences.organizationId))
    .where(eq(syncPreferences.syncAutomatically, true));
  if (rows.length === 0) return [];
  const active = await db
    .select({ organizationId: syncRuns.organizationId })
    .from(syncRuns)
    .where(and(inArray(syncRuns.organizationId, rows.map((r) => r.organizationId)), inArray(syncRuns.status, ["queued", "running"])));
  const busy = new Set(active.map((a) => a.organizationId));
  return dueForAutoSync(
    rows.map((r) => ({
      organizationId: r.organizationId,
      syncAutomatically: r.syncAutomatically,
      connected: r.connectionStatus === "connected",
      lastSyncAt: r.lastSyncAt,
      nextAutoSyncAt: r.nextAutoSyncAt,
      hasActiveRun: busy.has(r.organizationId),
    })),
    now,
  );
}

import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { qboConnections, syncMappings } from "@/lib/db/schema";
import { issuesForRecord } from "./history";

export type RecordSyncStatus =
  | { state: "not_connected" }
  | { state: "synced"; qboId: string; syncedAt: Date; realmId: string }
  | { state: "pending" }
  | { state: "issue"; issues: Awaited<ReturnType<typeof issuesForRecord>>; qboId?: string; realmId?: string };

/** Synced, waiting for the next sync, or skipped/failed with its reason — for a record's page. */
export async function recordSyncStatus(db: Db, organizationId: string, objectType: string, localId: string): Promise<RecordSyncStatus> {
  const [connection] = await db
    .select({ status: qboConnections.status, realmId: qboConnections.realmId })
    .from(qboConnections)
    .where(eq(qboConnections.organizationId, organizationId));
  const [mapping] = await db
    .select()
    .from(syncMappings)
    .where(and(eq(syncMappings.organizationId, organizationId), eq(syncMappings.objectType, objectType), eq(syncMappings.localId, localId)));
  const issues = await issuesForRecord(db, organizationId, objectType, localId);
  if (issues.length > 0) return { state: "issue", issues, qboId: mapping?.qboId, realmId: mapping?.realmId };
  if (mapping) return { state: "synced", qboId: mapping.qboId, syncedAt: mapping.syncedAt, realmId: mapping.realmId };
  if (!connection || connection.status === "disconnected") return { state: "not_connected" };
  return { state: "pending" };
}

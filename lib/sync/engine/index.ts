/**
 * The sync engine (the I/O half): runs, progress, exactly-once writes, issues and mappings around
 * the pure core in lib/sync/core. The UI and CLI call these:
 *   const { runId, joined } = await requestSync(db, { organizationId, trigger: "manual", userId });
 *   if (!joined) void executeSyncRun(db, runId, { clientFactory });
 *   const status = await getSyncStatus(db, organizationId);
 */
export { executeSyncRun } from "@/lib/sync/engine/execute";
export { claimRun, DEAD_RUN_AFTER_MS, findActiveRun, INTERRUPTED_MESSAGE, isLiveRun, reclaimDeadRuns, requestSync, type ReclaimedRun, type SyncRunRow } from "@/lib/sync/engine/run-lock";
export { getSyncStatus, type SyncStatus } from "@/lib/sync/engine/status";
export { PROGRESS_INTERVAL_MS } from "@/lib/sync/engine/progress";
export type {
  ExecuteSyncOptions,
  QboClientFactory,
  SyncObjectType,
  SyncProgress,
  SyncRunStatus,
  SyncRunSummary,
  SyncTrigger,
  WrittenToQbo,
} from "@/lib/sync/engine/types";

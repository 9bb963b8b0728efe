import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { syncRuns } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/forms/action-result";
import { startAppJobs } from "@/lib/jobs/app-jobs";
import type { SyncJobs } from "@/lib/jobs/sync-jobs";
import { logger } from "@/lib/log";
import { awaitingConfirmationMessage } from "@/lib/qbo-connection/company-switch";
import { getConnection } from "@/lib/qbo-connection/connection";
import { requestSync } from "@/lib/sync/engine";
import type { SyncTrigger } from "@/lib/sync/engine/types";

/**
 * Starts a sync and returns at once: the run row is created here (so the person sees it queued and
 * every member sees its progress) and a job on the sync queue executes it, in this process or in any
 * worker. A second request while a run is queued or running joins that run and enqueues nothing.
 */
export async function startSyncInBackground(
  db: Db,
  input: { organizationId: string; trigger: SyncTrigger; userId?: string },
  jobs: () => Promise<Pick<SyncJobs, "enqueueSync">> = startAppJobs,
): Promise<{ runId: string; joined: boolean }> {
  // Without a connection a run can only fail: refuse it plainly and record no run.
  const connection = await getConnection(db, input.organizationId);
  if (!connection || connection.status === "disconnected") {
    throw new UserFacingError("Not connected to QuickBooks. An admin connects it in Settings → Sync → Setup; then select Sync Now.");
  }
  if (connection.status === "awaiting_confirmation") throw new UserFacingError(awaitingConfirmationMessage(connection.companyName, connection.realmId));
  const { runId, joined } = await requestSync(db, input);
  if (joined) return { runId, joined };
  try {
    await (await jobs()).enqueueSync({ ...input, runId }, { promptly: true });
  } catch (error) {
    logger().error("sync could not be queued", { runId, organizationId: input.organizationId, error });
    // Close the run rather than leave it "queued" with nobody to run it.
    await db
      .update(syncRuns)
      .set({ status: "failed", error: "The sync could not be queued. Please try again in a minute.", finishedAt: new Date() })
      .where(and(eq(syncRuns.id, runId), eq(syncRuns.status, "queued")));
    throw new UserFacingError("The sync could not start. Please try again in a minute.");
  }
  return { runId, joined };
}

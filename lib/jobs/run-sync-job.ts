import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { syncRuns } from "@/lib/db/schema";
import type { Logger } from "@/lib/log";
import type { QboClientOptions } from "@/lib/qbo-connection/client-factory";
import { executeSyncRun, findActiveRun, isLiveRun, requestSync, type SyncRunRow } from "@/lib/sync/engine";
import type { QboClientFactory, SyncRunStatus, SyncTrigger } from "@/lib/sync/engine/types";

export type SyncJobData = {
  organizationId: string;
  trigger: SyncTrigger;
  userId?: string;
  /** The run the requester already created (Sync Now shows its progress at once); absent → the job asks for one. */
  runId?: string;
};

/** A client factory that can also take a logger bound to the run (the app's factory can; test fakes may ignore it). */
export type RunClientFactory = (organizationId: string, options?: QboClientOptions) => ReturnType<QboClientFactory>;

/** What the job hands back to pg-boss (stored as the job's output, shown on the jobs page). */
export type SyncJobOutput = { runId: string; status: Exclude<SyncRunStatus, "queued" | "running"> } | { runId: null; skipped: string };

/** How long a job that found its organisation's sync running waits before it tries again. */
export const BUSY_REQUEUE_SECONDS = 30;

/** A run this job may execute: waiting (queued) or running in a process that died. */
function isClaimable(run: SyncRunRow, now: Date): boolean {
  return run.status === "queued" || (run.status === "running" && !isLiveRun(run, now));
}

/**
 * Which run a job executes, or why none.
 * - With a runId (Sync Now): that run, unless it already finished or is being run elsewhere (a
 *   duplicate or late job); then a queued run of the organisation still waiting for a job, if any.
 * - Without (automatic, webhook): start or join the organisation's run. A run that is live elsewhere
 *   makes the job busy: it is queued again, so changes that arrived during that run still get a sync.
 */
export async function chooseRunForJob(db: Db, data: SyncJobData, now: Date): Promise<{ runId: string } | { skipped: string } | { busy: true }> {
  if (data.runId) {
    const [run] = await db
      .select()
      .from(syncRuns)
      .where(and(eq(syncRuns.id, data.runId), eq(syncRuns.organizationId, data.organizationId)));
    if (run && isClaimable(run, now)) return { runId: run.id };
    const waiting = await findActiveRun(db, data.organizationId);
    if (waiting && isClaimable(waiting, now)) return { runId: waiting.id };
    return { skipped: run ? `run is ${run.status === "running" ? "running elsewhere" : "finished"}` : "run not found" };
  }
  const { runId, joined } = await requestSync(db, { organizationId: data.organizationId, trigger: data.trigger, ...(data.userId ? { userId: data.userId } : {}), now });
  if (joined) {
    const [run] = await db.select().from(syncRuns).where(eq(syncRuns.id, runId));
    if (run && !isClaimable(run, now)) return { busy: true };
  }
  return { runId };
}

/** One sync job: choose the run, execute it with a QBO client whose request lines carry the run. */
export async function runSyncJob(
  db: Db,
  job: { id: string; data: SyncJobData },
  deps: {
    clientFactory: RunClientFactory;
    logger: Logger;
    now?: () => Date;
    /** Queues the job's request again after a delay (folds into an already queued one). */
    requeue: (data: SyncJobData, delaySeconds: number) => Promise<unknown>;
  },
): Promise<SyncJobOutput> {
  const now = deps.now ?? (() => new Date());
  const jobLog = deps.logger.child({ jobId: job.id, organizationId: job.data.organizationId, trigger: job.data.trigger });
  const choice = await chooseRunForJob(db, job.data, now());
  if ("busy" in choice) {
    // Not a failure, so no retry budget is spent: a long sync elsewhere may outlast every retry.
    await deps.requeue(job.data, BUSY_REQUEUE_SECONDS);
    jobLog.info("sync job deferred: the organisation's sync is running elsewhere", { delaySeconds: BUSY_REQUEUE_SECONDS });
    return { runId: null, skipped: `another sync of this organisation was running; queued again in ${BUSY_REQUEUE_SECONDS} s` };
  }
  if ("skipped" in choice) {
    jobLog.info("sync job skipped", { requestedRunId: job.data.runId, reason: choice.skipped });
    return { runId: null, skipped: choice.skipped };
  }
  const runLog = jobLog.child({ runId: choice.runId });
  runLog.info("sync job started");
  const summary = await executeSyncRun(db, choice.runId, {
    clientFactory: (organizationId) => deps.clientFactory(organizationId, { logger: runLog }),
    jobId: job.id,
    now,
  });
  runLog.info("sync job finished", { status: summary.status, mode: summary.mode, apiCalls: summary.apiCalls, durationMs: summary.durationMs, error: summary.error });
  return { runId: choice.runId, status: summary.status };
}

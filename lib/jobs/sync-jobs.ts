import type PgBoss from "pg-boss";
import type { DatabaseHandle } from "@/lib/db/connection";
import { executeSyncRun, requestSync, type QboClientFactory } from "@/lib/sync/engine";
import type { SyncTrigger } from "@/lib/sync/engine/types";
import { createBoss } from "./boss";
import { findDueOrganizations } from "./due-organizations";

export const SYNC_QUEUE = "sync";
export const AUTO_SYNC_TICK = "auto-sync-tick";

export type SyncJobData = { organizationId: string; trigger: SyncTrigger; userId?: string };

export type EnqueueOptions = {
  /** Wait this long before the job may start: later requests for the same organisation fold into it (debounce). */
  delaySeconds?: number;
};

export type SyncJobs = {
  boss: PgBoss;
  /** Null when a job for the organisation is already queued: the queued one will cover this request. */
  enqueueSync(data: SyncJobData, options?: EnqueueOptions): Promise<string | null>;
  stop(): Promise<void>;
};

/**
 * Sync jobs on pg-boss: one queued + one active job per organisation ("stately" queue keyed by the
 * organisation), retried with backoff, and a once-a-minute tick that enqueues automatic syncs that
 * are due. The same code runs in the app process (embedded database) and in `npm run worker`.
 */
export async function startSyncJobs(options: {
  handle: DatabaseHandle;
  connectionString?: string;
  clientFactory: QboClientFactory;
  concurrency?: number;
  now?: () => Date;
  log?: (message: string, extra?: Record<string, unknown>) => void;
}): Promise<SyncJobs> {
  const { handle, clientFactory } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message, extra) => console.log(JSON.stringify({ level: "info", message, ...extra })));
  const boss = createBoss(handle, options.connectionString);
  boss.on("error", (error) => console.error(JSON.stringify({ level: "error", message: "job queue error", error: String(error) })));
  await boss.start();
  await ensureQueue(boss, SYNC_QUEUE, { policy: "stately", retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 60 * 60 });
  await ensureQueue(boss, AUTO_SYNC_TICK, { policy: "singleton" });

  const enqueueSync = (data: SyncJobData, enqueue: EnqueueOptions = {}) =>
    boss.send(SYNC_QUEUE, data, {
      singletonKey: data.organizationId,
      ...(enqueue.delaySeconds ? { startAfter: enqueue.delaySeconds } : {}),
    });

  await boss.work<SyncJobData>(SYNC_QUEUE, { batchSize: 1, localConcurrency: options.concurrency ?? 1 } as PgBoss.WorkOptions, async ([job]) => {
    if (!job) return;
    const { runId, joined } = await requestSync(handle.db, job.data);
    log("sync job started", { jobId: job.id, runId, joined, organizationId: job.data.organizationId });
    // A joined run is already being executed (or was orphaned): executeSyncRun claims it safely.
    const summary = await executeSyncRun(handle.db, runId, { clientFactory, now });
    log("sync job finished", { jobId: job.id, runId, status: summary.status });
  });

  await boss.schedule(AUTO_SYNC_TICK, "* * * * *");
  await boss.work(AUTO_SYNC_TICK, async () => {
    for (const organizationId of await findDueOrganizations(handle.db, now())) {
      await enqueueSync({ organizationId, trigger: "automatic" });
      log("automatic sync enqueued", { organizationId });
    }
  });

  return { boss, enqueueSync, stop: () => boss.stop({ graceful: true, wait: true, timeout: 30_000 }) };
}

async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, "name">) {
  if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...options });
}

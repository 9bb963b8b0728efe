import type PgBoss from "pg-boss";
import type { DatabaseHandle } from "@/lib/db/connection";
import { createLogger, logger as processLogger, type Logger } from "@/lib/log";
import { createBoss } from "./boss";
import { findDueOrganizations } from "./due-organizations";
import { AUTO_SYNC_TICK, SYNC_QUEUE } from "./queue-names";
import { reclaimDeadRuns } from "@/lib/sync/engine";
import { runSyncJob, type RunClientFactory, type SyncJobData } from "./run-sync-job";

export type { SyncJobData } from "./run-sync-job";

export { AUTO_SYNC_TICK, SYNC_QUEUE } from "./queue-names";

/**
 * How often a worker looks for runs whose heartbeat lapsed (pg-boss 10 has no job heartbeat of its
 * own: a dead worker's job would wait out its 30-minute expiry). With the 2-minute lapse, a dead
 * run is marked interrupted and its sync started again within about 2.5 minutes.
 */
export const RECLAIM_EVERY_MS = 30_000;

/** pg-boss 10's floor: a Sync Now waits at most this long for an idle worker elsewhere to see it. */
export const SYNC_POLLING_INTERVAL_SECONDS = 0.5;

export type EnqueueOptions = {
  /** Wait this long before the job may start: later requests for the same organisation fold into it (debounce). */
  delaySeconds?: number;
  /**
   * Someone is waiting (Sync Now): when a job for the organisation is already queued with a delay
   * (a debounced webhook, a retry's backoff), it may start now; it will run the waiting run.
   */
  promptly?: boolean;
};

export type SyncJobs = {
  boss: PgBoss;
  /** Null when a job for the organisation is already queued: the queued one will cover this request. */
  enqueueSync(data: SyncJobData, options?: EnqueueOptions): Promise<string | null>;
  stop(): Promise<void>;
};

/**
 * The sync queue. "short": at most one *queued* job per organisation (the singleton key), so a burst
 * of requests folds into one job. Not "stately": pg-boss 10 fetches the oldest job whatever its
 * key, and a stately queue whose oldest job belongs to an organisation with an active job cannot
 * fetch anything (the unique index refuses the move), stalling every other organisation. Two jobs
 * of one organisation may therefore be active at once; the engine's run lock lets only one sync,
 * and the other is deferred (see runSyncJob). A job whose worker died is re-delivered after
 * `expireInSeconds` at the latest; well before that the workers' sweep reclaims its run once its heartbeat lapses (see RECLAIM_EVERY_MS).
 */
export const SYNC_QUEUE_OPTIONS = { policy: "short", retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 30 * 60 } as const;

/**
 * Sync jobs on pg-boss, retried with backoff, and a once-a-minute tick that enqueues automatic
 * syncs that are due. The same code runs in the app process (embedded database) and in `npm run worker`.
 */
export async function startSyncJobs(options: {
  handle: DatabaseHandle;
  connectionString?: string;
  clientFactory: RunClientFactory;
  concurrency?: number;
  now?: () => Date;
  logger?: Logger;
  /** Older form of `logger` (a bare message sink), kept for callers that silence the jobs' lines. */
  log?: (message: string, extra?: Record<string, unknown>) => void;
  /** How often to reclaim dead runs (default RECLAIM_EVERY_MS; tests go faster). */
  reclaimEveryMs?: number;
}): Promise<SyncJobs> {
  const { handle, clientFactory } = options;
  const now = options.now ?? (() => new Date());
  const log = (options.logger ?? (options.log ? loggerFromSink(options.log) : processLogger())).child({ component: "jobs" });
  const boss = createBoss(handle, options.connectionString);
  boss.on("error", (error) => log.error("job queue error", { error }));
  await boss.start();
  await ensureQueue(boss, SYNC_QUEUE, SYNC_QUEUE_OPTIONS);
  await ensureQueue(boss, AUTO_SYNC_TICK, { policy: "singleton" });

  const workerIds: string[] = [];
  const enqueueSync = async (data: SyncJobData, enqueue: EnqueueOptions = {}) => {
    const jobId = await boss.send(SYNC_QUEUE, data, {
      singletonKey: data.organizationId,
      ...(enqueue.delaySeconds ? { startAfter: enqueue.delaySeconds } : {}),
    });
    if (jobId === null && enqueue.promptly) await startQueuedJobNow(boss, data.organizationId);
    log.info(jobId ? "sync job enqueued" : "sync job folded into a queued one", {
      jobId,
      organizationId: data.organizationId,
      runId: data.runId,
      trigger: data.trigger,
      delaySeconds: enqueue.delaySeconds,
    });
    // A worker of this process may be sleeping between polls: wake it (others poll every 0.5 s).
    if (!enqueue.delaySeconds) for (const id of workerIds) boss.notifyWorker(id);
    return jobId;
  };

  // pg-boss 10 has no per-worker concurrency option: each worker runs one job at a time, so N jobs
  // at once means N workers (each polls; all are woken by a local enqueue).
  const concurrency = options.concurrency ?? 1;
  for (let i = 0; i < concurrency; i += 1) {
    workerIds.push(
      await boss.work<SyncJobData>(SYNC_QUEUE, { batchSize: 1, pollingIntervalSeconds: SYNC_POLLING_INTERVAL_SECONDS }, async ([job]) => {
        if (!job) return;
        try {
          return await runSyncJob(handle.db, job, {
            clientFactory,
            logger: log,
            now,
            requeue: (data, delaySeconds) => enqueueSync(data, { delaySeconds }),
          });
        } catch (error) {
          log.warn("sync job failed: pg-boss retries it with backoff", { jobId: job.id, organizationId: job.data.organizationId, runId: job.data.runId, error });
          throw error;
        }
      }),
    );
  }

  await boss.schedule(AUTO_SYNC_TICK, "* * * * *");
  await boss.work(AUTO_SYNC_TICK, async () => {
    for (const organizationId of await findDueOrganizations(handle.db, now())) {
      await enqueueSync({ organizationId, trigger: "automatic" });
    }
  });
  /**
   * Dead runs: marked interrupted, their job (if its worker died holding it) closed, and their
   * organisation's sync queued again at once — the exactly-once ledger makes the new run finish the
   * dead one's writes without sending anything twice. At start-up on the embedded database this
   * process alone holds the database, so every run still "running" is dead, however fresh its heartbeat.
   */
  const reclaim = async (everyRunning: boolean) => {
    for (const run of await reclaimDeadRuns(handle.db, { now: now(), everyRunning })) {
      log.warn("sync run interrupted: its process stopped sending heartbeats; syncing again", { runId: run.id, organizationId: run.organizationId, jobId: run.jobId });
      if (run.jobId) {
        // Only while still active: the job of a worker that died holding it (pg-boss would wait out its expiry).
        await boss.complete(SYNC_QUEUE, run.jobId, { runId: run.id, status: "interrupted" });
      }
      await enqueueSync({ organizationId: run.organizationId, trigger: run.trigger, ...(run.triggeredBy ? { userId: run.triggeredBy } : {}) }, { promptly: true });
    }
  };
  await reclaim(handle.kind === "pglite");
  let reclaiming: Promise<void> = Promise.resolve();
  const reclaimTimer = setInterval(() => {
    reclaiming = reclaiming.then(() => reclaim(false)).catch((error: unknown) => log.error("reclaiming dead sync runs failed", { error }));
  }, options.reclaimEveryMs ?? RECLAIM_EVERY_MS);
  reclaimTimer.unref?.();
  log.info("job worker started", { queue: SYNC_QUEUE, concurrency, database: handle.kind, pid: process.pid });

  return {
    boss,
    enqueueSync,
    stop: async () => {
      clearInterval(reclaimTimer);
      await reclaiming;
      log.info("job worker stopping: finishing the current jobs");
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
      log.info("job worker stopped");
    },
  };
}

function loggerFromSink(sink: (message: string, extra?: Record<string, unknown>) => void): Logger {
  return createLogger({
    level: "debug",
    sink: (line) => {
      const { message, ...extra } = JSON.parse(line) as { message: string };
      sink(message, extra);
    },
  });
}

/** Moves the organisation's waiting sync job (delayed by a debounce or a retry backoff) to now. */
async function startQueuedJobNow(boss: PgBoss, organizationId: string): Promise<void> {
  await boss
    .getDb()
    .executeSql(
      `update pgboss.job set start_after = now()
        where name = $1 and singleton_key = $2 and state in ('created', 'retry') and start_after > now()`,
      [SYNC_QUEUE, organizationId],
    );
}

/**
 * Creates the queue, or brings an existing one to the policy this code needs (queues made by an
 * older version were "stately"). Its other options stay as an operator may have tuned them.
 */
async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, "name">) {
  const existing = await boss.getQueue(name);
  if (!existing) await boss.createQueue(name, { name, ...options });
  else if (options.policy && existing.policy !== options.policy) await boss.updateQueue(name, { name, policy: options.policy });
}

import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { syncRuns } from "@/lib/db/schema";
import type { SyncTrigger } from "@/lib/sync/engine/types";

/** A run whose heartbeat is older than this stopped (its process died): another may take over. */
export const DEAD_RUN_AFTER_MS = 2 * 60_000;

export type SyncRunRow = typeof syncRuns.$inferSelect;

/** What a run whose process died says (stored on the run; shown in the sync panel and history). */
export const INTERRUPTED_MESSAGE =
  "The sync was interrupted: the server or worker running it stopped. The next sync picks up where it left off; nothing was lost or sent twice.";
const NEVER_STARTED_MESSAGE = "The sync did not start in time and was replaced by a new one.";

/** Alive: a queued run, or a running one whose heartbeat is recent (the progress timer beats every few seconds). */
export function isLiveRun(run: Pick<SyncRunRow, "heartbeatAt" | "startedAt" | "createdAt">, now: Date): boolean {
  const lastSign = run.heartbeatAt ?? run.startedAt ?? run.createdAt;
  return now.getTime() - lastSign.getTime() <= DEAD_RUN_AFTER_MS;
}

function isDead(run: SyncRunRow, now: Date): boolean {
  return !isLiveRun(run, now);
}

export async function findActiveRun(db: Db, organizationId: string): Promise<SyncRunRow | null> {
  const [run] = await db
    .select()
    .from(syncRuns)
    .where(and(eq(syncRuns.organizationId, organizationId), inArray(syncRuns.status, ["queued", "running"])))
    .orderBy(desc(syncRuns.createdAt))
    .limit(1);
  return run ?? null;
}

/**
 * Starts a sync for the organisation, or joins the one already queued or running. The database
 * enforces one active run per organisation (partial unique index), so concurrent callers in any
 * number of processes agree on a single run. A run that stopped sending heartbeats is closed as
 * failed and replaced.
 */
export async function requestSync(
  db: Db,
  input: { organizationId: string; trigger: SyncTrigger; userId?: string; now?: Date },
): Promise<{ runId: string; joined: boolean }> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const now = input.now ?? new Date();
    const active = await findActiveRun(db, input.organizationId);
    if (active) {
      if (!isDead(active, now)) return { runId: active.id, joined: true };
      await db
        .update(syncRuns)
        .set({ status: "interrupted", error: active.status === "running" ? INTERRUPTED_MESSAGE : NEVER_STARTED_MESSAGE, finishedAt: now })
        .where(and(eq(syncRuns.id, active.id), inArray(syncRuns.status, ["queued", "running"])));
      continue;
    }
    const [created] = await db
      .insert(syncRuns)
      .values({ organizationId: input.organizationId, trigger: input.trigger, triggeredBy: input.userId ?? null, status: "queued" })
      .onConflictDoNothing()
      .returning({ id: syncRuns.id });
    if (created) return { runId: created.id, joined: false };
    // Lost the race to another caller: join theirs on the next pass.
  }
  throw new Error("Could not start or join a sync run");
}

/** Marks a queued (or dead running) run as running; null when someone else is running it. */
export async function claimRun(db: Db, runId: string, now: Date, jobId?: string): Promise<SyncRunRow | null> {
  const deadBefore = new Date(now.getTime() - DEAD_RUN_AFTER_MS);
  const [run] = await db
    .update(syncRuns)
    .set({ status: "running", startedAt: now, heartbeatAt: now, phase: "connection", done: 0, total: 0, percent: 0, error: null, jobId: jobId ?? null })
    .where(
      and(
        eq(syncRuns.id, runId),
        or(
          eq(syncRuns.status, "queued"),
          and(eq(syncRuns.status, "running"), lt(sql`coalesce(${syncRuns.heartbeatAt}, ${syncRuns.createdAt})`, sql`${deadBefore.toISOString()}::timestamptz`)),
        ),
      ),
    )
    .returning();
  return run ?? null;
}

export type ReclaimedRun = Pick<SyncRunRow, "id" | "organizationId" | "trigger" | "triggeredBy" | "jobId">;

/**
 * Marks runs whose process died as interrupted and returns them, so the caller can close their jobs
 * and start their organisations' syncs again. Dead = running with a heartbeat older than
 * DEAD_RUN_AFTER_MS, or — `everyRunning`, for a process that alone holds the (embedded) database
 * and has just started — running at all. Each run is reclaimed by one caller only.
 */
export async function reclaimDeadRuns(db: Db, options: { now: Date; everyRunning?: boolean }): Promise<ReclaimedRun[]> {
  const deadBefore = new Date(options.now.getTime() - DEAD_RUN_AFTER_MS);
  const stale = lt(sql`coalesce(${syncRuns.heartbeatAt}, ${syncRuns.startedAt}, ${syncRuns.createdAt})`, sql`${deadBefore.toISOString()}::timestamptz`);
  return db
    .update(syncRuns)
    .set({ status: "interrupted", error: INTERRUPTED_MESSAGE, finishedAt: options.now })
    .where(options.everyRunning ? eq(syncRuns.status, "running") : and(eq(syncRuns.status, "running"), stale))
    .returning({ id: syncRuns.id, organizationId: syncRuns.organizationId, trigger: syncRuns.trigger, triggeredBy: syncRuns.triggeredBy, jobId: syncRuns.jobId });
}

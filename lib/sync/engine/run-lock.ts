import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { syncRuns } from "@/lib/db/schema";
import type { SyncTrigger } from "@/lib/sync/engine/types";

/** A run whose heartbeat is older than this stopped (its process died): another may take over. */
export const DEAD_RUN_AFTER_MS = 2 * 60_000;

export type SyncRunRow = typeof syncRuns.$inferSelect;

function isDead(run: SyncRunRow, now: Date): boolean {
  const lastSign = run.heartbeatAt ?? run.startedAt ?? run.createdAt;
  return now.getTime() - lastSign.getTime() > DEAD_RUN_AFTER_MS;
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
        .set({ status: "failed", error: "The sync stopped responding and was replaced by a new one.", finishedAt: now })
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
export async function claimRun(db: Db, runId: string, now: Date): Promise<SyncRunRow | null> {
  const deadBefore = new Date(now.getTime() - DEAD_RUN_AFTER_MS);
  const [run] = await db
    .update(syncRuns)
    .set({ status: "running", startedAt: now, heartbeatAt: now, phase: "connection", done: 0, total: 0, percent: 0, error: null })
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

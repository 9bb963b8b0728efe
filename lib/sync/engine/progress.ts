import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { syncRuns, type SyncCounts } from "@/lib/db/schema";
import { progressPercent, type SyncPhase } from "@/lib/sync/core";
import type { SyncObjectType, SyncProgress } from "@/lib/sync/engine/types";

export type CountField = "created" | "updated" | "skipped" | "failed";

/**
 * This run is no longer "running" in the database: another process found its heartbeat lapsed
 * (marked it interrupted) and may run the organisation's sync now. The run stops writing at once.
 */
export class RunTakenOverError extends Error {
  override readonly name = "RunTakenOverError";
  constructor(runId: string) {
    super(`Sync run ${runId} was taken over by another process`);
  }
}

/** How often the run row is refreshed while work goes on (the UI polls it). */
export const PROGRESS_INTERVAL_MS = 250;

/**
 * Live progress of a run. Work code only touches memory (`tick`, `count`), never the database,
 * so it can report from inside transactions; a timer writes the run row (phase, done/total,
 * percent, counts, API calls, heartbeat) every 250 ms while anything changed, and always often
 * enough to keep the heartbeat fresh.
 */
export class RunProgress {
  phase: SyncPhase = "connection";
  done = 0;
  total = 0;
  readonly counts: SyncCounts = {};
  private timer: ReturnType<typeof setInterval> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = true;
  private lastWrite = 0;
  /** The heartbeat found the run no longer running: it was reclaimed elsewhere. */
  private takenOver = false;

  constructor(
    private readonly db: Db,
    private readonly runId: string,
    private readonly apiCalls: () => number,
    private readonly now: () => Date,
    private readonly onProgress?: (progress: SyncProgress) => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      const stale = Date.now() - this.lastWrite > 5_000;
      if (this.dirty || stale) void this.flush();
    }, PROGRESS_INTERVAL_MS);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  setPhase(phase: SyncPhase, total = 0): void {
    this.phase = phase;
    this.done = 0;
    this.total = total;
    this.changed();
  }

  addTotal(n: number): void {
    this.total += n;
    this.changed();
  }

  tick(n = 1): void {
    this.done = Math.min(this.total, this.done + n);
    this.changed();
  }

  count(objectType: SyncObjectType, field: CountField, n = 1): void {
    if (n === 0) return;
    const entry = (this.counts[objectType] ??= { created: 0, updated: 0, skipped: 0, failed: 0 });
    entry[field] += n;
    this.changed();
  }

  /** Throws once a heartbeat found the run reclaimed by another process (checked before every QBO write). */
  ensureOwned(): void {
    if (this.takenOver) throw new RunTakenOverError(this.runId);
  }

  get wasTakenOver(): boolean {
    return this.takenOver;
  }

  snapshot(): SyncProgress {
    return {
      runId: this.runId,
      phase: this.phase,
      done: this.done,
      total: this.total,
      percent: progressPercent(this.phase, this.done, this.total),
      counts: structuredClone(this.counts),
      apiCalls: this.apiCalls(),
    };
  }

  private changed(): void {
    this.dirty = true;
  }

  /** Writes the run row now (serialised with any write in flight). */
  flush(): Promise<void> {
    this.dirty = false;
    const progress = this.snapshot();
    this.writing = this.writing
      .then(async () => {
        this.lastWrite = Date.now();
        const beat = await this.db
          .update(syncRuns)
          .set({
            phase: progress.phase,
            done: progress.done,
            total: progress.total,
            percent: progress.percent,
            counts: progress.counts,
            apiCalls: progress.apiCalls,
            heartbeatAt: this.now(),
          })
          .where(and(eq(syncRuns.id, this.runId), eq(syncRuns.status, "running")))
          .returning({ id: syncRuns.id });
        if (beat.length === 0) this.takenOver = true;
        this.onProgress?.(progress);
      })
      .catch(() => {
        // A missed progress write is harmless: the next one carries the same information.
        this.dirty = true;
      });
    return this.writing;
  }
}

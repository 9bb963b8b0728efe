/** How one sync job of pg-boss reads on the admin's jobs page: pure, from the job's row. */

export type JobState = "created" | "retry" | "active" | "completed" | "cancelled" | "failed";

export type OrgJobRow = {
  id: string;
  state: JobState;
  data: unknown;
  output: unknown;
  retryCount: number;
  retryLimit: number;
  createdOn: Date;
  startAfter: Date;
  startedOn: Date | null;
  completedOn: Date | null;
};

export type JobStatus = "scheduled" | "queued" | "running" | "retrying" | "completed" | "skipped" | "failed" | "cancelled";

export type OrgJobView = {
  id: string;
  status: JobStatus;
  trigger: string | null;
  /** The sync run it executed (its own output) or was asked to execute (Sync Now). */
  runId: string | null;
  attempts: number;
  maxAttempts: number;
  createdOn: Date;
  /** When a waiting or retrying job may next start; null once it has. */
  nextStartAt: Date | null;
  startedOn: Date | null;
  completedOn: Date | null;
  /** The last failure (failed, or retrying after one); skip reason for skipped jobs. */
  detail: string | null;
};

function field(value: unknown, key: string): unknown {
  return value && typeof value === "object" && key in value ? (value as Record<string, unknown>)[key] : undefined;
}

const text = (value: unknown): string | null => (typeof value === "string" && value.length > 0 ? value : null);

/** pg-boss stores a thrown error as its serialised form, a bare value as { value }. */
function errorMessage(output: unknown): string | null {
  return text(field(output, "message")) ?? text(field(field(output, "value"), "message")) ?? text(field(output, "value"));
}

/** The job did its work, but the sync it ran did not (fully) succeed: say so, the run tells why. */
function runOutcome(row: OrgJobRow): string | null {
  if (row.state !== "completed") return null;
  const status = field(row.output, "status");
  if (status === "failed") return "Sync failed: see the run.";
  if (status === "partial") return "Some records did not sync: see the run.";
  if (status === "interrupted") return "Its worker stopped; the sync was started again.";
  return null;
}

export function describeJob(row: OrgJobRow, now: Date): OrgJobView {
  const waiting = row.state === "created" || row.state === "retry";
  const skipped = row.state === "completed" ? text(field(row.output, "skipped")) : null;
  const status: JobStatus =
    row.state === "created"
      ? row.startAfter > now
        ? "scheduled"
        : "queued"
      : row.state === "retry"
        ? "retrying"
        : row.state === "active"
          ? "running"
          : row.state === "completed"
            ? skipped
              ? "skipped"
              : "completed"
            : row.state;
  return {
    id: row.id,
    status,
    trigger: text(field(row.data, "trigger")),
    runId: text(field(row.output, "runId")) ?? text(field(row.data, "runId")),
    // retry_count counts re-fetches: a job that has started once has had retry_count + 1 attempts.
    attempts: row.startedOn ? row.retryCount + 1 : row.retryCount,
    maxAttempts: row.retryLimit + 1,
    createdOn: row.createdOn,
    nextStartAt: waiting && row.startAfter > now ? row.startAfter : null,
    startedOn: row.startedOn,
    completedOn: row.completedOn,
    detail: skipped ?? runOutcome(row) ?? (row.state === "failed" || row.state === "retry" ? errorMessage(row.output) : null),
  };
}

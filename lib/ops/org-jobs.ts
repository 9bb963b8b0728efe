import type { DatabaseHandle } from "@/lib/db/connection";
import { SYNC_QUEUE } from "@/lib/jobs/queue-names";
import { describeJob, type JobState, type OrgJobView } from "./job-view";

export const ORG_JOBS_PAGE_SIZE = 25;

type RawRow = {
  id: string;
  state: JobState;
  data: unknown;
  output: unknown;
  retry_count: number;
  retry_limit: number;
  created_on: Date | string;
  start_after: Date | string;
  started_on: Date | string | null;
  completed_on: Date | string | null;
};

const date = (value: Date | string) => (value instanceof Date ? value : new Date(value));

// pg-boss keeps recent jobs in pgboss.job and moves finished ones to pgboss.archive after 12 h
// (and deletes them after 7 days): both are read so "recent" means the last week.
const JOBS = `
  select id, state::text as state, data, output, retry_count, retry_limit, created_on, start_after, started_on, completed_on
    from pgboss.job where name = $1 and data->>'organizationId' = $2
  union all
  select id, state::text as state, data, output, retry_count, retry_limit, created_on, start_after, started_on, completed_on
    from pgboss.archive where name = $1 and data->>'organizationId' = $2`;

/**
 * One organisation's sync jobs, newest first: the queue's own view (waiting, running, retrying,
 * failed, done) next to the runs they executed. `queueReady` is false until a worker has created
 * pg-boss's tables.
 */
export async function listOrgSyncJobs(
  handle: Pick<DatabaseHandle, "query">,
  organizationId: string,
  options: { page?: number; now?: Date } = {},
): Promise<{ queueReady: boolean; rows: OrgJobView[]; total: number; page: number; pageSize: number }> {
  const page = options.page ?? 1;
  const now = options.now ?? new Date();
  const [exists] = await handle.query<{ ready: boolean }>("select to_regclass('pgboss.job') is not null and to_regclass('pgboss.archive') is not null as ready");
  if (!exists?.ready) return { queueReady: false, rows: [], total: 0, page, pageSize: ORG_JOBS_PAGE_SIZE };
  const [rows, [counted]] = await Promise.all([
    handle.query<RawRow>(`select * from (${JOBS}) jobs order by created_on desc, id desc limit $3 offset $4`, [
      SYNC_QUEUE,
      organizationId,
      ORG_JOBS_PAGE_SIZE,
      (page - 1) * ORG_JOBS_PAGE_SIZE,
    ]),
    handle.query<{ total: number }>(`select count(*)::int as total from (${JOBS}) jobs`, [SYNC_QUEUE, organizationId]),
  ]);
  return {
    queueReady: true,
    rows: rows.map((r) =>
      describeJob(
        {
          id: r.id,
          state: r.state,
          data: r.data,
          output: r.output,
          retryCount: Number(r.retry_count),
          retryLimit: Number(r.retry_limit),
          createdOn: date(r.created_on),
          startAfter: date(r.start_after),
          startedOn: r.started_on === null ? null : date(r.started_on),
          completedOn: r.completed_on === null ? null : date(r.completed_on),
        },
        now,
      ),
    ),
    total: Number(counted?.total ?? 0),
    page,
    pageSize: ORG_JOBS_PAGE_SIZE,
  };
}

import type { DatabaseHandle } from "@/lib/db/connection";
import { SYNC_QUEUE } from "@/lib/jobs/queue-names";

export type QueueCounts = { queued: number; active: number; failed: number };

/**
 * Sync jobs by state, read straight from pg-boss's table (the queue lives in the app's database):
 * queued = waiting or waiting to retry; failed = gave up, until pg-boss archives them (12 h).
 * Throws when the queue's schema does not exist yet (no worker ever started).
 */
export async function syncQueueCounts(handle: Pick<DatabaseHandle, "query">): Promise<QueueCounts> {
  const rows = await handle.query<{ state: string; count: number }>(
    "select state::text as state, count(*)::int as count from pgboss.job where name = $1 group by state",
    [SYNC_QUEUE],
  );
  const count = (...states: string[]) => rows.filter((r) => states.includes(r.state)).reduce((sum, r) => sum + Number(r.count), 0);
  return { queued: count("created", "retry"), active: count("active"), failed: count("failed") };
}

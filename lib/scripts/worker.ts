/**
 * `npm run worker`: a background process that runs sync jobs and enqueues automatic syncs, for
 * deployments on PostgreSQL (run as many as you like, on any machines sharing the database).
 *   --concurrency <n>   sync jobs this process runs at once (default 2)
 */
import { parseArgs } from "node:util";
import { env } from "@/lib/config/env";
import { getDatabase } from "@/lib/db";
import { startSyncJobs } from "@/lib/jobs/sync-jobs";
import { logger } from "@/lib/log";
import { createQboClientFactory } from "@/lib/qbo-connection/client-factory";
import { connectionDeps, rateBudgetsFor } from "@/lib/qbo-connection/deps";

const { values } = parseArgs({ options: { concurrency: { type: "string", default: "2" } } });
const concurrency = Number(values.concurrency);
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 50) {
  console.error(`--concurrency must be a whole number from 1 to 50, got "${values.concurrency}"`);
  process.exit(2);
}
const config = env();
if (!config.DATABASE_URL) {
  console.error("npm run worker needs DATABASE_URL (PostgreSQL): the embedded database serves one process, and the app runs its own jobs.");
  process.exit(2);
}
const log = logger().child({ component: "worker" });
const handle = await getDatabase();
const jobs = await startSyncJobs({
  handle,
  connectionString: config.DATABASE_URL,
  // QBO's limits are per company: every worker on this database draws on one budget per realm.
  clientFactory: createQboClientFactory(handle.db, connectionDeps(), rateBudgetsFor(handle)),
  concurrency,
  logger: logger(),
});
log.info("worker started", { concurrency, pid: process.pid });

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info("worker stopping: finishing the current jobs", { signal });
    void jobs
      .stop()
      .then(() => handle.close())
      .then(() => process.exit(0));
  });
}

import { env } from "@/lib/config/env";
import { getDatabase } from "@/lib/db";
import { logger } from "@/lib/log";
import { createQboClientFactory } from "@/lib/qbo-connection/client-factory";
import { connectionDeps, rateBudgetsFor } from "@/lib/qbo-connection/deps";
import { startSyncJobs, type SyncJobs } from "./sync-jobs";

const KEY = Symbol.for("ledgerbridge.jobs");
type Holder = { [KEY]?: Promise<SyncJobs> };

/**
 * The app process's job queue worker and auto-sync scheduler, started once at boot
 * (instrumentation.ts). Sync Now enqueues through the same instance; if the start failed, the next
 * caller tries again rather than inheriting the failure forever.
 */
export function startAppJobs(): Promise<SyncJobs> {
  const holder = globalThis as Holder;
  holder[KEY] ??= (async () => {
    const handle = await getDatabase();
    return startSyncJobs({
      handle,
      connectionString: env().DATABASE_URL,
      // On PostgreSQL the QBO rate budget is shared with every `npm run worker` serving the same companies.
      clientFactory: createQboClientFactory(handle.db, connectionDeps(), rateBudgetsFor(handle)),
      logger: logger(),
    });
  })().catch((error: unknown) => {
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}

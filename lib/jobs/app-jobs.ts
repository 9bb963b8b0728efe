import { env } from "@/lib/config/env";
import { getDatabase } from "@/lib/db";
import { createQboClientFactory } from "@/lib/qbo-connection/client-factory";
import { startSyncJobs, type SyncJobs } from "./sync-jobs";

const KEY = Symbol.for("ledgerbridge.jobs");
type Holder = { [KEY]?: Promise<SyncJobs> };

/** The app process's job queue worker and auto-sync scheduler, started once at boot. */
export function startAppJobs(): Promise<SyncJobs> {
  const holder = globalThis as Holder;
  holder[KEY] ??= (async () => {
    const handle = await getDatabase();
    return startSyncJobs({
      handle,
      connectionString: env().DATABASE_URL,
      clientFactory: createQboClientFactory(handle.db),
    });
  })();
  return holder[KEY];
}

import type { Db } from "@/lib/db/connection";
import { createQboClientFactory } from "@/lib/qbo-connection/client-factory";
import { executeSyncRun, requestSync } from "@/lib/sync/engine";
import type { SyncTrigger } from "@/lib/sync/engine/types";

// Runs executing in this process, kept so a second Sync Now joins instead of starting another.
const KEY = Symbol.for("ledgerbridge.sync.executing");
type Holder = { [KEY]?: Map<string, Promise<unknown>> };
function executing(): Map<string, Promise<unknown>> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/**
 * Starts a sync and returns at once; the run lives on the server (its row carries the progress),
 * so the person can keep working and every member sees it. A second request joins the running one.
 */
export async function startSyncInBackground(
  db: Db,
  input: { organizationId: string; trigger: SyncTrigger; userId?: string },
): Promise<{ runId: string; joined: boolean }> {
  const { runId, joined } = await requestSync(db, input);
  const running = executing();
  if (!running.has(runId)) {
    const work = executeSyncRun(db, runId, { clientFactory: createQboClientFactory(db) })
      .catch((error: unknown) => console.error("[sync] run failed", { runId, error }))
      .finally(() => running.delete(runId));
    running.set(runId, work);
  }
  return { runId, joined };
}

import { env } from "@/lib/config/env";
import { migrateDatabase, openDatabase, type DatabaseHandle, type Db } from "./connection";

export type { Db, Tx, DatabaseHandle } from "./connection";

// Next.js may evaluate this module in several bundles of one process; an embedded database must be
// opened exactly once per process, so the handle lives on globalThis.
const KEY = Symbol.for("ledgerbridge.database");
type Holder = { [KEY]?: Promise<DatabaseHandle> };

/**
 * In the app's server (Next.js sets NEXT_RUNTIME and, once listening, PORT) the lock says where to
 * reach it, so `npm run sync` can ask it to sync; a script holding the lock is reachable nowhere.
 */
function appServerAddress(appUrl: string): { port: number | null; appUrl: string | null } {
  if (process.env.NEXT_RUNTIME !== "nodejs") return { port: null, appUrl: null };
  const port = Number(process.env.PORT);
  return { port: Number.isInteger(port) && port > 0 && port < 65536 ? port : null, appUrl };
}

async function connect(): Promise<DatabaseHandle> {
  const config = env();
  const handle = config.DATABASE_URL
    ? await openDatabase({ kind: "postgres", url: config.DATABASE_URL })
    : await openDatabase({ kind: "pglite", dataDir: config.PGLITE_DATA_DIR, lockOwner: appServerAddress(config.APP_URL) });
  await migrateDatabase(handle);
  return handle;
}

/** The process-wide database, migrated on first use. */
export function getDatabase(): Promise<DatabaseHandle> {
  const holder = globalThis as Holder;
  holder[KEY] ??= connect().catch((error: unknown) => {
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

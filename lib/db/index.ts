import { env } from "@/lib/config/env";
import { migrateDatabase, openDatabase, type DatabaseHandle, type Db } from "./connection";

export type { Db, Tx, DatabaseHandle } from "./connection";

// Next.js may evaluate this module in several bundles of one process; an embedded database must be
// opened exactly once per process, so the handle lives on globalThis.
const KEY = Symbol.for("ledgerbridge.database");
type Holder = { [KEY]?: Promise<DatabaseHandle> };

async function connect(): Promise<DatabaseHandle> {
  const config = env();
  const handle = config.DATABASE_URL
    ? await openDatabase({ kind: "postgres", url: config.DATABASE_URL })
    : await openDatabase({ kind: "pglite", dataDir: config.PGLITE_DATA_DIR });
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

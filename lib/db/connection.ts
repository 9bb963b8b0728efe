import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock";
import * as schema from "./schema";

/** One Drizzle type for both drivers: the query builder API is identical. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type DatabaseHandle = {
  db: Db;
  kind: "pglite" | "postgres";
  /** Runs raw SQL and returns rows, hiding the drivers' different result shapes. */
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** The embedded instance, when there is one (tests dump and load snapshots through it). */
  pglite?: PGlite;
  /** The lock this process holds on the embedded database's folder (none in memory or on PostgreSQL). */
  lock?: DataDirLock;
};

export type ConnectionTarget =
  | { kind: "postgres"; url: string; max?: number }
  | {
      kind: "pglite";
      dataDir?: string;
      loadDataDir?: Blob;
      /** Where the holder of the folder's lock can be reached (the app's server; see data-dir-lock.ts). */
      lockOwner?: { port: number | null; appUrl: string | null };
    };

export const MIGRATIONS_FOLDER = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "drizzle");

export async function openDatabase(target: ConnectionTarget): Promise<DatabaseHandle> {
  if (target.kind === "postgres") {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const sqlClient = postgres(target.url, { max: target.max ?? 10, onnotice: () => {} });
    const db = drizzle(sqlClient, { schema }) as unknown as Db;
    return {
      db,
      kind: "postgres",
      query: async <T,>(text: string, params: unknown[] = []) =>
        (await sqlClient.unsafe(text, params as never[])) as unknown as T[],
      close: () => sqlClient.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  // A folder is opened by one process only: refused (DataDirLockedError) before PGlite touches it.
  const lock = target.dataDir ? acquireDataDirLock(target.dataDir, target.lockOwner) : undefined;
  let pglite: PGlite;
  try {
    // PGlite needs its folder to exist; in-memory when no folder is given (tests).
    if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
    pglite = await PGlite.create({
      ...(target.dataDir ? { dataDir: target.dataDir } : {}),
      ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzle(pglite, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    pglite,
    ...(lock ? { lock } : {}),
    query: async <T,>(text: string, params: unknown[] = []) => (await pglite.query<T>(text, params)).rows,
    close: async () => {
      try {
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** Applies drizzle/ migrations; on PostgreSQL under an advisory lock so parallel processes don't race. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  await handle.query("select pg_advisory_lock(72410001)");
  try {
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await handle.query("select pg_advisory_unlock(72410001)");
  }
}

import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/lib/db/connection";
import { newTestDatabaseName } from "./database-names";
import { assertLocalDatabaseUrl, withDatabaseName } from "./local-database-url";

/** True in the `integration-postgres` project (tests that need several real connections skip elsewhere). */
export const onPostgres = process.env.TEST_DB_KIND === "postgres";

export type PostgresTestDatabase = {
  /** The fresh database's connection string: for more connections, pg-boss and child processes. */
  url: string;
  handle: DatabaseHandle;
  /** Another independent connection pool on the same database (a second "worker"). */
  connect(max?: number): Promise<DatabaseHandle>;
  /** Closes every pool opened through this object and drops the database. */
  close(): Promise<void>;
};

/**
 * Like `createTestDatabase` on PostgreSQL, but also hands out the connection string, for tests that
 * play several processes against one database. Only in the `integration-postgres` project.
 */
export async function createPostgresTestDatabase(): Promise<PostgresTestDatabase> {
  if (!onPostgres) throw new Error("createPostgresTestDatabase needs the integration-postgres project (TEST_DATABASE_URL)");
  const baseUrl = process.env.TEST_DATABASE_URL!;
  assertLocalDatabaseUrl(baseUrl);
  const template = new URL(inject("postgresTemplateUrl")).pathname.slice(1);
  const name = newTestDatabaseName();
  const admin = await openDatabase({ kind: "postgres", url: baseUrl, max: 1 });
  await admin.query(`create database "${name}" template "${template}"`);
  await admin.close();
  const url = withDatabaseName(baseUrl, name);
  const pools: DatabaseHandle[] = [];
  const connect = async (max = 5) => {
    const pool = await openDatabase({ kind: "postgres", url, max });
    pools.push(pool);
    return pool;
  };
  const handle = await connect();
  return {
    url,
    handle,
    connect,
    close: async () => {
      await Promise.all(pools.map((pool) => pool.close()));
      const cleanup = await openDatabase({ kind: "postgres", url: baseUrl, max: 1 });
      await cleanup.query(`drop database if exists "${name}" with (force)`);
      await cleanup.close();
    },
  };
}

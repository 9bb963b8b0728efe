import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/lib/db/connection";
import { newTestDatabaseName } from "./database-names";
import { assertLocalDatabaseUrl, withDatabaseName } from "./local-database-url";

/**
 * A fresh, migrated database for one test file: a copy of the PGlite snapshot in memory, or a new
 * PostgreSQL database cloned from the migrated template. Dropped again by `close()`.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (process.env.TEST_DB_KIND === "postgres") {
    const templateUrl = inject("postgresTemplateUrl");
    const baseUrl = process.env.TEST_DATABASE_URL!;
    assertLocalDatabaseUrl(baseUrl);
    const name = newTestDatabaseName();
    const template = new URL(templateUrl).pathname.slice(1);
    const admin = await openDatabase({ kind: "postgres", url: baseUrl, max: 1 });
    await admin.query(`create database "${name}" template "${template}"`);
    await admin.close();
    const handle = await openDatabase({ kind: "postgres", url: withDatabaseName(baseUrl, name), max: 5 });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        const cleanup = await openDatabase({ kind: "postgres", url: baseUrl, max: 1 });
        await cleanup.query(`drop database if exists "${name}" with (force)`);
        await cleanup.close();
      },
    };
  }
  const snapshot = readFileSync(inject("pgliteSnapshotPath"));
  return openDatabase({ kind: "pglite", loadDataDir: new Blob([snapshot]) });
}

import { openDatabase } from "@/lib/db/connection";
import { withDatabaseName } from "@/lib/testing/local-database-url";

/** A fresh, empty database on the PostgreSQL server of `serverUrl`, for one bench pass; `drop` removes it. */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = await openDatabase({ kind: "postgres", url: serverUrl, max: 1 });
  await admin.query(`create database "${name}"`);
  return {
    url: withDatabaseName(serverUrl, name),
    drop: async () => {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.close();
    },
  };
}

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { MIGRATIONS_FOLDER, migrateDatabase, openDatabase } from "@/lib/db/connection";
import { POSTGRES_TEMPLATE_DB, TEST_DATABASE_PREFIX } from "./database-names";
import { assertLocalDatabaseUrl, withDatabaseName } from "./local-database-url";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshotPath: string;
    postgresTemplateUrl: string;
  }
}


/** Migrations change rarely; the snapshot is rebuilt only when they do. */
function migrationsFingerprint(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(entry.name).update(readFileSync(full));
    }
  };
  walk(MIGRATIONS_FOLDER);
  return hash.digest("hex").slice(0, 16);
}

async function preparePgliteSnapshot(): Promise<string> {
  const dir = path.resolve(".data/test");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-${migrationsFingerprint()}.tar.gz`);
  if (existsSync(file)) return file;
  const handle = await openDatabase({ kind: "pglite" });
  await migrateDatabase(handle);
  const dump = await handle.pglite!.dumpDataDir("gzip");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  return file;
}

async function preparePostgresTemplate(url: string): Promise<string> {
  assertLocalDatabaseUrl(url);
  const admin = await openDatabase({ kind: "postgres", url, max: 1 });
  try {
    // Leftovers of an aborted run of this checkout would block dropping the template.
    const stale = await admin.query<{ datname: string }>(
      "select datname from pg_database where starts_with(datname, $1)",
      [TEST_DATABASE_PREFIX],
    );
    for (const { datname } of stale) await admin.query(`drop database if exists "${datname}" with (force)`);
    await admin.query(`create database "${POSTGRES_TEMPLATE_DB}"`);
  } finally {
    await admin.close();
  }
  const templateUrl = withDatabaseName(url, POSTGRES_TEMPLATE_DB);
  const template = await openDatabase({ kind: "postgres", url: templateUrl, max: 1 });
  await migrateDatabase(template);
  await template.close();
  return templateUrl;
}

export default async function setup(project: TestProject) {
  const kind = project.config.env?.TEST_DB_KIND;
  if (kind === "postgres") {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error("TEST_DATABASE_URL is required for the integration-postgres project");
    project.provide("postgresTemplateUrl", await preparePostgresTemplate(url));
    project.provide("pgliteSnapshotPath", "");
  } else {
    project.provide("pgliteSnapshotPath", await preparePgliteSnapshot());
    project.provide("postgresTemplateUrl", "");
  }
}

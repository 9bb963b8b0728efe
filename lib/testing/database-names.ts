import { createHash, randomBytes } from "node:crypto";

/**
 * Names of the PostgreSQL databases a test run creates. They carry a short hash of the checkout's
 * folder, so test runs of several checkouts (one per developer task) on one server never drop each
 * other's template or databases.
 */
export const TEST_DATABASE_PREFIX = `ledgerbridge_test_${createHash("sha256").update(process.cwd()).digest("hex").slice(0, 8)}_`;

export const POSTGRES_TEMPLATE_DB = `${TEST_DATABASE_PREFIX}template`;

/** A fresh name for one test file's database. */
export function newTestDatabaseName(): string {
  return `${TEST_DATABASE_PREFIX}${randomBytes(6).toString("hex")}`;
}

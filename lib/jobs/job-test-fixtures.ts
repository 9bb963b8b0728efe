/** Test fixtures for the job queue: organisations connected (tokens in the database) to a sandbox company, pg-boss on the test database. */
import type { DatabaseHandle } from "@/lib/db/connection";
import { createLogger, type LogLevel } from "@/lib/log";
import { unlimitedRateBudget } from "@/lib/qbo";
import { createQboClientFactory } from "@/lib/qbo-connection/client-factory";
import type { SandboxServer } from "@/lib/qbo-sandbox";
import { withDatabaseName } from "@/lib/testing/local-database-url";
import { connectedSandboxOrg, sandboxConnectionDeps } from "@/lib/testing/sandbox-workers";

/** The app's real client factory (tokens decrypted from the database), pointed at a sandbox server. */
export function appClientFactory(handle: DatabaseHandle, server: SandboxServer) {
  return createQboClientFactory(handle.db, sandboxConnectionDeps(server), () => unlimitedRateBudget);
}

/** A person, their organisation, and a stored QBO connection to a new sandbox company. */
export function connectedOrganization(handle: DatabaseHandle, server: SandboxServer) {
  return connectedSandboxOrg(handle.db, server, sandboxConnectionDeps(server));
}

/** A logger that keeps its lines (parsed) for assertions. */
export function capturingLogger(level: LogLevel = "debug") {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level, sink: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

/** On PostgreSQL pg-boss opens its own pool: the connection string of this test file's database. */
export async function bossConnectionString(handle: DatabaseHandle): Promise<string | undefined> {
  if (handle.kind !== "postgres") return undefined;
  const [row] = await handle.query<{ name: string }>("select current_database() as name");
  return withDatabaseName(process.env.TEST_DATABASE_URL!, row!.name);
}

/** Waits (without a deadline of its own: the test's timeout is the limit) until `check` holds. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, everyMs = 100): Promise<T> {
  for (;;) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Test fixtures for the job queue: organisations connected (tokens in the database) to a sandbox company, pg-boss on the test database. */
import { signUp } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { qboConnections } from "@/lib/db/schema";
import { createLogger, type LogLevel } from "@/lib/log";
import { builtInSandboxEndpoints, createTokenCipher, unlimitedRateBudget } from "@/lib/qbo";
import { createQboClientFactory } from "@/lib/qbo-connection/client-factory";
import type { ConnectionDeps } from "@/lib/qbo-connection/connection";
import { encryptedColumns } from "@/lib/qbo-connection/token-store";
import type { SandboxServer } from "@/lib/qbo-sandbox";
import { withDatabaseName } from "@/lib/testing/local-database-url";

const KEY = "11".repeat(32);

/** The app's real client factory (tokens decrypted from the database), pointed at a sandbox server. */
export function sandboxConnectionDeps(server: SandboxServer): ConnectionDeps {
  return {
    config: {
      endpoints: builtInSandboxEndpoints(server.url),
      clientId: server.sandbox.options.clientId,
      clientSecret: server.sandbox.options.clientSecret,
      redirectUri: "http://localhost:3000/api/qbo/callback",
      webhookVerifierToken: "test",
      builtInSandbox: true,
    },
    cipher: createTokenCipher(KEY),
    stateSecret: "test",
  };
}

export function appClientFactory(handle: DatabaseHandle, server: SandboxServer) {
  return createQboClientFactory(handle.db, sandboxConnectionDeps(server), () => unlimitedRateBudget);
}

let counter = 0;
/** A person, their organisation, and a stored QBO connection to a new sandbox company. */
export async function connectedOrganization(handle: DatabaseHandle, server: SandboxServer, name = "Jobs") {
  counter += 1;
  const stamp = `${Date.now().toString(36)}${counter}`;
  const { user, organization } = await signUp(handle.db, {
    name,
    email: `${name.toLowerCase()}-${stamp}@example.com`,
    password: "correct horse battery staple",
    organizationName: `${name} Co ${stamp}`,
  });
  const { realmId } = server.sandbox.createCompany({});
  const issued = server.sandbox.issueTokens(realmId);
  const now = Date.now();
  const deps = sandboxConnectionDeps(server);
  await handle.db.insert(qboConnections).values({
    organizationId: organization.id,
    status: "connected",
    connectedBy: user.id,
    ...encryptedColumns(deps.cipher, organization.id, {
      realmId,
      accessToken: issued.access_token,
      refreshToken: issued.refresh_token,
      accessTokenExpiresAt: new Date(now + issued.expires_in * 1000),
      refreshTokenExpiresAt: new Date(now + issued.x_refresh_token_expires_in * 1000),
    }),
  });
  return { organizationId: organization.id, slug: organization.slug, userId: user.id, realmId };
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

/**
 * Several sync workers against one database and one sandbox served over HTTP, for the worker
 * integration tests and `lib/scripts/bench-workers.ts`: organisations whose QBO connection is
 * stored (encrypted) in the database like a real one, so any process with the same key and
 * endpoints — an in-process `startSyncJobs` or a spawned `npm run worker` — can sync them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { and, count, eq, like, sql } from "drizzle-orm";
import { signUp } from "@/lib/auth/accounts";
import type { Db } from "@/lib/db/connection";
import { billLines, bills, qboConnections, syncMappings, vendors } from "@/lib/db/schema";
import { builtInSandboxEndpoints, createTokenCipher, type QboTokenSet } from "@/lib/qbo";
import type { SandboxServer, SeedSpec } from "@/lib/qbo-sandbox";
import type { ConnectionDeps } from "@/lib/qbo-connection/connection";
import { encryptedColumns } from "@/lib/qbo-connection/token-store";
import { accountIdByName } from "@/lib/sync/engine/sandbox-org";

/** A fixed key for tests and the bench only (tokens of throwaway sandbox companies). */
export const TEST_TOKEN_KEY = "5e".repeat(32);
const TEST_AUTH_SECRET = "sandbox-workers-test-secret-0123456789abcdef";

export function sandboxConnectionDeps(server: SandboxServer): ConnectionDeps {
  return {
    config: {
      endpoints: builtInSandboxEndpoints(server.url),
      clientId: server.sandbox.options.clientId,
      clientSecret: server.sandbox.options.clientSecret,
      redirectUri: "http://localhost:3000/api/qbo/callback",
      webhookVerifierToken: server.sandbox.options.webhookVerifierToken,
      builtInSandbox: true,
    },
    cipher: createTokenCipher(TEST_TOKEN_KEY),
    stateSecret: `qbo-oauth-state:${TEST_AUTH_SECRET}`,
  };
}

/** The environment a spawned `lib/scripts/worker.ts` needs to sync these organisations. */
export function sandboxWorkerEnv(server: SandboxServer, databaseUrl: string, dataDir: string): NodeJS.ProcessEnv {
  const endpoints = builtInSandboxEndpoints(server.url);
  const inherited = { ...process.env };
  // vitest sets these for its own workers; the child is a plain process.
  delete inherited.TEST_DB_KIND;
  delete inherited.VITEST;
  return {
    ...inherited,
    NODE_ENV: "production",
    // The sandbox's well-known client credentials: allowed in production only as a demo (see env-schema.ts).
    DEMO_MODE: "1",
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    AUTH_SECRET: TEST_AUTH_SECRET,
    TOKEN_ENCRYPTION_KEY: TEST_TOKEN_KEY,
    QBO_CLIENT_ID: "",
    QBO_API_BASE_URL: endpoints.apiBaseUrl,
    QBO_OAUTH_AUTHORIZE_URL: endpoints.authorizeUrl,
    QBO_OAUTH_TOKEN_URL: endpoints.tokenUrl,
    QBO_OAUTH_REVOKE_URL: endpoints.revokeUrl,
  };
}

let counter = 0;

/** A new organisation connected (tokens in qbo_connections) to a new sandbox company. */
export async function connectedSandboxOrg(db: Db, server: SandboxServer, deps: ConnectionDeps, seed?: SeedSpec) {
  counter += 1;
  const stamp = `${Date.now().toString(36)}${process.pid.toString(36)}${counter}`;
  const { user, organization } = await signUp(db, {
    name: "Worker Tester",
    email: `worker-${stamp}@example.com`,
    password: "correct horse battery staple",
    organizationName: `Worker Co ${stamp}`,
  });
  const { realmId } = server.sandbox.createCompany(seed ? { seed } : {});
  const issued = server.sandbox.issueTokens(realmId);
  const now = Date.now();
  const tokens: QboTokenSet = {
    realmId,
    accessToken: issued.access_token,
    refreshToken: issued.refresh_token,
    accessTokenExpiresAt: new Date(now + issued.expires_in * 1000),
    refreshTokenExpiresAt: new Date(now + issued.x_refresh_token_expires_in * 1000),
  };
  await db.insert(qboConnections).values({
    organizationId: organization.id,
    companyName: `Sandbox ${stamp}`,
    connectedBy: user.id,
    ...encryptedColumns(deps.cipher, organization.id, tokens),
  });
  return { organizationId: organization.id, userId: user.id, realmId };
}

/** `n` unpaid bills of one new vendor, created in the app: the next sync must push each to QBO once. */
export async function createAppBills(db: Db, organizationId: string, n: number, prefix: string): Promise<string[]> {
  const [vendor] = await db.insert(vendors).values({ organizationId, displayName: `${prefix} Vendor` }).returning();
  const expense = await accountIdByName(db, organizationId, "Utilities");
  const numbers: string[] = [];
  for (let i = 1; i <= n; i += 1) {
    const billNumber = `${prefix}-${i}`;
    const cents = 10_000 + i;
    const [bill] = await db
      .insert(bills)
      .values({ organizationId, vendorId: vendor!.id, billNumber, billDate: "2026-11-10", dueDate: "2026-12-10", totalCents: cents, openBalanceCents: cents })
      .returning();
    await db.insert(billLines).values({ organizationId, billId: bill!.id, position: 1, accountId: expense, amountCents: cents });
    numbers.push(billNumber);
  }
  return numbers;
}

/** Sync jobs not yet finished (queued, waiting to retry, or active) in pg-boss. */
export async function unfinishedSyncJobs(db: Db): Promise<number> {
  const rows = (await db.execute(sql`select count(*)::int as n from pgboss.job where name = 'sync' and state < 'completed'`)) as unknown;
  const list = Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows;
  return Number((list[0] as { n: number } | undefined)?.n ?? 0);
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, intervalMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** How many of the organisation's bills numbered `<prefix>-…` the app has recorded as in QBO. */
export async function mappedBillCount(db: Db, organizationId: string, prefix: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(syncMappings)
    .innerJoin(bills, eq(bills.id, syncMappings.localId))
    .where(and(eq(syncMappings.organizationId, organizationId), eq(syncMappings.objectType, "bill"), like(bills.billNumber, `${prefix}-%`)));
  return row?.n ?? 0;
}

export type SpawnedWorker = {
  child: ChildProcess;
  /** Resolves when the worker logged that it started; rejects when it exited first. */
  started: Promise<void>;
  exited: Promise<void>;
  output(): string;
};

/**
 * `npm run worker` as a real process: node with the tsx loader in one process (the tsx CLI would
 * put the worker in a grandchild, which a SIGKILL of the child would not reach).
 */
export function spawnWorker(env: NodeJS.ProcessEnv, concurrency: number): SpawnedWorker {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/scripts/worker.ts", "--concurrency", String(concurrency)], {
    cwd: process.cwd(),
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const started = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("worker started")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then(() => reject(new Error(`worker exited before starting:\n${output}`)));
  });
  return { child, started, exited, output: () => output };
}

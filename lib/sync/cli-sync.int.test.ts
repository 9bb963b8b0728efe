import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildEnv, type AppEnv } from "@/lib/config/env";
import { openDatabase, type DatabaseHandle } from "@/lib/db/connection";
import { lockPathFor } from "@/lib/db/data-dir-lock";
import { organizations, syncRuns } from "@/lib/db/schema";
import { builtInSandboxEndpoints } from "@/lib/qbo";
import { createQboSandbox, startSandboxServer, type SandboxServer } from "@/lib/qbo-sandbox";
import { builtInSandboxOptions } from "@/lib/qbo-connection/built-in-sandbox";
import { createQboClientFactory } from "@/lib/qbo-connection/client-factory";
import { connectionDeps } from "@/lib/qbo-connection/deps";
import { handleLocalSyncRequest, localSyncPath } from "@/lib/sync/cli-delegation";
import { cliSync, type CliIo } from "@/lib/sync/cli-sync";
import { executeSyncRun, requestSync } from "@/lib/sync/engine";
import type { SyncRunSummary } from "@/lib/sync/engine/types";
import { connectedSandboxOrg } from "@/lib/testing/sandbox-workers";
import { unlimitedRateBudget } from "@/lib/qbo";
import type { SyncPreview } from "@/lib/sync/core/preview";
import { previewSync } from "@/lib/sync/preview/preview-sync";

// The CLI as a person runs it, on an embedded database on disk whose built-in sandbox only the app
// serves: nothing listens at APP_URL, so a sync that reaches QBO proves the CLI served it itself.
let root: string;
let config: AppEnv;
let slug: string;
let organizationId: string;

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text), progressBar: false, pollMs: 50 };
}

// The CLI's choices (lock held by the app or not) concern the embedded database only.
const onPostgres = process.env.TEST_DB_KIND === "postgres";

beforeAll(async () => {
  if (onPostgres) return;
  root = mkdtempSync(path.join(tmpdir(), "lb-cli-sync-"));
  config = buildEnv({ NODE_ENV: "test", DATA_DIR: root, APP_URL: "http://127.0.0.1:9" });
  // The company the app created when the organisation connected, in the app's sandbox state.
  const sandbox = createQboSandbox(builtInSandboxOptions(config));
  const handle = await openDatabase({ kind: "pglite", dataDir: config.PGLITE_DATA_DIR, loadDataDir: new Blob([readFileSync(inject("pgliteSnapshotPath"))]) });
  const deps = connectionDeps(config);
  const org = await connectedSandboxOrg(handle.db, { sandbox } as unknown as SandboxServer, deps, { vendors: 2, customers: 2, bills: 2, invoices: 2 });
  organizationId = org.organizationId;
  [{ slug }] = (await handle.db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, organizationId))) as [{ slug: string }];
  await sandbox.flush();
  sandbox.close();
  await handle.close();
}, 240_000);
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

async function runCount(): Promise<number> {
  const handle = await openDatabase({ kind: "pglite", dataDir: config.PGLITE_DATA_DIR });
  try {
    return (await handle.db.select().from(syncRuns).where(eq(syncRuns.organizationId, organizationId))).length;
  } finally {
    await handle.close();
  }
}

describe.skipIf(onPostgres)("npm run sync with no app running", () => {
  it("--dry-run prints the preview as JSON and writes no run", async () => {
    const io = captureIo();
    const code = await cliSync({ org: slug, json: true, dryRun: true }, config, io);
    const preview = JSON.parse(io.stdout.join("\n")) as SyncPreview;
    expect(preview.status).toBe("ready");
    expect(code).toBe(0);
    if (preview.status !== "ready") return;
    // A first sync would bring the chart of accounts in.
    expect(preview.counts.account?.created).toBeGreaterThan(0);
    // Every account it would bring in is listed, by name.
    const accounts = preview.changes.filter((c) => c.objectType === "account" && c.direction === "to_app" && c.action === "create");
    expect(accounts).toHaveLength(preview.counts.account!.created);
    expect(accounts.every((c) => c.record.title.length > 0 && c.record.qboId)).toBe(true);
    expect(io.stderr.join("\n")).toContain("serving its built-in QuickBooks sandbox for this preview");
    expect(await runCount()).toBe(0);
    expect(existsSync(lockPathFor(config.PGLITE_DATA_DIR))).toBe(false);
  }, 240_000);

  it("takes the database's lock, serves the built-in sandbox itself and syncs", async () => {
    const io = captureIo();
    const code = await cliSync({ org: slug, json: true }, config, io);
    const summary = JSON.parse(io.stdout.join("\n")) as SyncRunSummary;
    expect(summary.status, summary.error ?? "").not.toBe("failed");
    expect(code).toBe(0);
    expect(summary.apiCalls).toBeGreaterThan(0);
    expect(summary.counts.account?.created).toBeGreaterThan(0);
    expect(io.stderr.join("\n")).toContain("serving its built-in QuickBooks sandbox");
    // Released on the way out, for the app to open the folder.
    expect(existsSync(lockPathFor(config.PGLITE_DATA_DIR))).toBe(false);
  }, 240_000);
});

describe.skipIf(onPostgres)("npm run sync while the app runs", () => {
  let app: DatabaseHandle;
  let appServer: Server;
  let sandboxServer: SandboxServer;
  beforeAll(async () => {
    // The "app": holds the embedded database, serves the sandbox and the local sync route.
    app = await openDatabase({ kind: "pglite", dataDir: config.PGLITE_DATA_DIR, lockOwner: { port: null, appUrl: config.APP_URL } });
    sandboxServer = await startSandboxServer({ ...builtInSandboxOptions(config), port: 0, throttling: false });
    const deps = connectionDeps(config);
    const clientFactory = createQboClientFactory(app.db, { ...deps, config: { ...deps.config, endpoints: builtInSandboxEndpoints(sandboxServer.url) } }, () => unlimitedRateBudget);
    appServer = createServer((request, response) => {
      void (async () => {
        const url = new URL(request.url ?? "/", "http://127.0.0.1");
        const orgSlug = /^\/api\/orgs\/([^/]+)\/sync\/cli$/.exec(url.pathname)?.[1];
        const headers = new Headers();
        for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(name, value);
        const answer = await handleLocalSyncRequest(new Request(url, { method: request.method ?? "GET", headers }), orgSlug, {
          db: app.db,
          lockToken: app.lock?.holder.token ?? null,
          // As the app's job queue does: the run is queued here and executed in the background.
          startSync: async (db, input) => {
            const started = await requestSync(db, input);
            if (!started.joined) void executeSyncRun(db, started.runId, { clientFactory });
            return started;
          },
          preview: (db, input) => previewSync(db, { ...input, clientFactory }),
        });
        response.writeHead(answer.status, { "content-type": "application/json" });
        response.end(await answer.text());
      })();
    });
    await new Promise<void>((resolve) => appServer.listen(0, "127.0.0.1", resolve));
    app.lock!.setPort((appServer.address() as AddressInfo).port);
  }, 240_000);
  afterAll(async () => {
    await new Promise((resolve) => appServer.close(resolve));
    await sandboxServer.close();
    await app.close();
  });

  it("asks the app to sync, follows the run and prints the same summary; the app sees the run", async () => {
    const io = captureIo();
    const code = await cliSync({ org: slug, json: false }, config, io);
    expect(io.stderr.join("\n")).toContain(`The app (pid ${process.pid}) is running: it runs this sync`);
    const printed = io.stdout.join("\n");
    expect(printed).toContain("Object");
    expect(printed).toMatch(/Status: (succeeded|partial)/);
    expect(code).toBe(0);
    const runs = await app.db.select().from(syncRuns).where(eq(syncRuns.organizationId, organizationId));
    expect(runs.map((run) => run.trigger)).toEqual(["cli", "cli"]);
    expect(runs.every((run) => run.status === "succeeded" || run.status === "partial")).toBe(true);
    // The CLI never opened the folder: the app's lock is untouched.
    expect(JSON.parse(readFileSync(lockPathFor(config.PGLITE_DATA_DIR), "utf8")).token).toBe(app.lock?.holder.token);
  }, 240_000);

  it("the app's route answers nobody without the lock's token", async () => {
    const port = app.lock!.holder.port!;
    const url = `http://127.0.0.1:${port}${localSyncPath(slug)}`;
    expect((await fetch(url, { method: "POST" })).status).toBe(401);
    expect((await fetch(url, { method: "POST", headers: { authorization: "Bearer not-the-token" } })).status).toBe(401);
    const runs = await app.db.select().from(syncRuns).where(eq(syncRuns.organizationId, organizationId));
    expect(runs).toHaveLength(2);
  });

  it("--dry-run asks the app for a preview and prints it as a table; no run is recorded", async () => {
    const io = captureIo();
    const code = await cliSync({ org: slug, json: false, dryRun: true }, config, io);
    expect(io.stderr.join("\n")).toContain(`The app (pid ${process.pid}) is running: it previewed this sync.`);
    const printed = io.stdout.join("\n");
    expect(printed).toContain("Preview (dry run): nothing was written.");
    expect(printed).toContain("Nothing to do: both sides are in sync.");
    expect(code).toBe(0);
    const runs = await app.db.select().from(syncRuns).where(eq(syncRuns.organizationId, organizationId));
    expect(runs).toHaveLength(2);
  }, 240_000);

  it("an unknown organisation is refused as the CLI always did", async () => {
    const io = captureIo();
    expect(await cliSync({ org: "no-such-org", json: false }, config, io)).toBe(2);
    expect(io.stderr.join("\n")).toContain('No organisation with the slug "no-such-org".');
  });
});

/**
 * `npm run sync` (lib/scripts/sync.ts): one sync of an organisation from a terminal.
 * - PostgreSQL: this process syncs, like any worker.
 * - Embedded database held by the running app (lib/db/data-dir-lock.ts): the app syncs, on its own
 *   job queue, and this process follows the run's progress over HTTP (lib/sync/cli-delegation.ts), so
 *   the app sees the run and the database is never opened twice.
 * - Embedded database free: this process takes the lock and syncs; with the built-in QBO sandbox it
 *   serves the sandbox itself (same state file as the app's), since the app that serves it is stopped.
 * Either way it prints the same progress bar and summary table (or the summary as JSON).
 */
import { SingleBar, Presets } from "cli-progress";
import { eq } from "drizzle-orm";
import type { AppEnv } from "@/lib/config/env";
import { migrateDatabase, openDatabase, type DatabaseHandle } from "@/lib/db/connection";
import { DataDirLockedError, type LockHolder } from "@/lib/db/data-dir-lock";
import { organizations } from "@/lib/db/schema";
import { builtInSandboxEndpoints } from "@/lib/qbo";
import { startSandboxServer, type SandboxServer } from "@/lib/qbo-sandbox";
import { BUILT_IN_SANDBOX_PATH } from "@/lib/qbo-connection/app-config";
import { builtInSandboxOptions, builtInSandboxServed } from "@/lib/qbo-connection/built-in-sandbox";
import { createQboClientFactory } from "@/lib/qbo-connection/client-factory";
import type { ConnectionDeps } from "@/lib/qbo-connection/connection";
import { connectionDeps, rateBudgetsFor } from "@/lib/qbo-connection/deps";
import { phaseLabel, type SyncPhase } from "@/lib/sync/core";
import { executeSyncRun, requestSync } from "@/lib/sync/engine";
import { formatSyncSummary } from "@/lib/sync/engine/summary-table";
import type { SyncRunSummary } from "@/lib/sync/engine/types";
import { formatPreviewTable, type SyncPreview } from "@/lib/sync/core/preview";
import { previewSync } from "@/lib/sync/preview/preview-sync";
import { localSyncPath, type LocalSyncPreview, type LocalSyncRunView, type LocalSyncStarted } from "./cli-delegation";

export type CliSyncOptions = { org: string; json: boolean; /** Preview the sync (lib/sync/preview): print what it would do, write nothing. */ dryRun?: boolean };

export type CliIo = {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Draw the progress bar (on stderr); off for --json and in tests. */
  progressBar: boolean;
  /** How long to wait between two looks at a run the app executes. */
  pollMs?: number;
};

type Progress = { update(percent: number, phase: string): void; stop(stopped: boolean): void };

function progressFor(io: CliIo, options: CliSyncOptions): Progress {
  if (options.json || !io.progressBar) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar({ format: " {bar} {percentage}% | {phase}", hideCursor: true, clearOnComplete: false }, Presets.shades_classic);
  bar.start(100, 0, { phase: phaseLabel("connection") });
  return {
    update: (percent, phase) => bar.update(percent, { phase }),
    stop: (stopped) => {
      bar.update(stopped ? bar.getProgress() * 100 : 100, { phase: stopped ? "Stopped" : "Done" });
      bar.stop();
    },
  };
}

/** Prints a preview (--dry-run); the exit code: 0 when there is one and the run would not stop. */
function reportPreview(io: CliIo, options: CliSyncOptions, organizationName: string, preview: SyncPreview): number {
  if (options.json) io.out(JSON.stringify(preview, null, 2));
  else io.out(`\n${organizationName}\n\n${formatPreviewTable(preview)}`);
  return preview.status === "ready" && !preview.error ? 0 : 1;
}

/** Prints the outcome; the exit code: 0 when the run did not fail or stop. */
function report(io: CliIo, options: CliSyncOptions, organizationName: string, summary: SyncRunSummary, progress: Progress): number {
  // "interrupted": another process reclaimed this run (its heartbeat had lapsed) and syncs instead.
  const stopped = summary.status === "failed" || summary.status === "interrupted";
  progress.stop(stopped);
  if (options.json) io.out(JSON.stringify(summary, null, 2));
  else io.out(`\n${organizationName}\n\n${formatSyncSummary(summary)}`);
  return stopped ? 1 : 0;
}

export async function cliSync(options: CliSyncOptions, config: AppEnv, io: CliIo): Promise<number> {
  if (config.DATABASE_URL) {
    const handle = await openDatabase({ kind: "postgres", url: config.DATABASE_URL });
    return syncHere(handle, options, config, io, { serveSandbox: false });
  }
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase({ kind: "pglite", dataDir: config.PGLITE_DATA_DIR });
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    if (error.holder?.appUrl) return syncThroughApp(error.holder, options, io);
    io.err(`${error.message}\nIt is not the app, so it cannot run this sync: try again when it has finished.`);
    return 1;
  }
  return syncHere(handle, options, config, io, { serveSandbox: true });
}

/** The app's sandbox is reachable only through the app: serve it here, on a free port, while the app is stopped. */
async function sandboxDeps(config: AppEnv): Promise<{ deps: ConnectionDeps; server?: SandboxServer }> {
  const deps = connectionDeps(config);
  const appSandbox = `${config.APP_URL.replace(/\/+$/, "")}${BUILT_IN_SANDBOX_PATH}`;
  if (!builtInSandboxServed(config) || deps.config.endpoints.apiBaseUrl !== appSandbox) return { deps };
  const server = await startSandboxServer({ ...builtInSandboxOptions(config), port: 0, host: "127.0.0.1" });
  return { deps: { ...deps, config: { ...deps.config, endpoints: builtInSandboxEndpoints(server.url) } }, server };
}

async function syncHere(handle: DatabaseHandle, options: CliSyncOptions, config: AppEnv, io: CliIo, how: { serveSandbox: boolean }): Promise<number> {
  let server: SandboxServer | undefined;
  try {
    await migrateDatabase(handle);
    const db = handle.db;
    const [org] = await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.slug, options.org));
    if (!org) {
      io.err(`No organisation with the slug "${options.org}".`);
      return 2;
    }
    if (options.dryRun) {
      const wired = how.serveSandbox ? await sandboxDeps(config) : { deps: connectionDeps(config) };
      server = wired.server;
      if (server) io.err("The app is not running: serving its built-in QuickBooks sandbox for this preview.");
      const preview = await previewSync(db, { organizationId: org.id, clientFactory: createQboClientFactory(db, wired.deps, rateBudgetsFor(handle)) });
      return reportPreview(io, options, org.name, preview);
    }
    const { runId, joined } = await requestSync(db, { organizationId: org.id, trigger: "cli" });
    if (joined) {
      io.err(`A sync of ${org.name} is already running (run ${runId}); try again when it has finished.`);
      return 1;
    }
    const wired = how.serveSandbox ? await sandboxDeps(config) : { deps: connectionDeps(config) };
    server = wired.server;
    if (server) io.err("The app is not running: serving its built-in QuickBooks sandbox for this sync.");
    const progress = progressFor(io, options);
    const summary = await executeSyncRun(db, runId, {
      clientFactory: createQboClientFactory(db, wired.deps, rateBudgetsFor(handle)),
      onProgress: (p) => progress.update(p.percent, phaseLabel(p.phase)),
    });
    return report(io, options, org.name, summary, progress);
  } finally {
    await server?.close();
    await handle.close();
  }
}

type Answer<T> = { ok: true; body: T } | { ok: false; status: number; message: string };

async function ask<T>(url: string, token: string, method: "GET" | "POST"): Promise<Answer<T>> {
  const response = await fetch(url, { method, headers: { authorization: `Bearer ${token}`, accept: "application/json" } });
  const body = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (response.ok) return { ok: true, body };
  return { ok: false, status: response.status, message: typeof body.error === "string" ? body.error : `The app answered ${response.status}.` };
}

/** Where the holder serves: its own port on this machine, else its APP_URL. */
function appAddress(holder: LockHolder): string {
  return holder.port ? `http://127.0.0.1:${holder.port}` : holder.appUrl!.replace(/\/+$/, "");
}

async function syncThroughApp(holder: LockHolder, options: CliSyncOptions, io: CliIo): Promise<number> {
  const url = `${appAddress(holder)}${localSyncPath(options.org)}`;
  if (options.dryRun) return previewThroughApp(holder, url, options, io);
  let started: Answer<LocalSyncStarted>;
  try {
    started = await ask<LocalSyncStarted>(url, holder.token, "POST");
  } catch {
    io.err(`The app (pid ${holder.pid}) holds the embedded database but does not answer at ${appAddress(holder)}. Wait until it has started, or stop it and run this again.`);
    return 1;
  }
  if (!started.ok) {
    io.err(started.message);
    return started.status === 404 ? 2 : 1;
  }
  const { runId, joined, organizationName } = started.body;
  io.err(
    joined
      ? `The app (pid ${holder.pid}) is already syncing ${organizationName} (run ${runId}); following that run.`
      : `The app (pid ${holder.pid}) is running: it runs this sync (run ${runId}); following its progress.`,
  );
  const progress = progressFor(io, options);
  let failures = 0;
  for (;;) {
    let view: Answer<LocalSyncRunView>;
    try {
      view = await ask<LocalSyncRunView>(`${url}?run=${encodeURIComponent(runId)}`, holder.token, "GET");
      failures = 0;
    } catch {
      // A restart of the app drops a request or two; a stopped app never answers again.
      if (++failures >= 5) {
        progress.stop(true);
        io.err(`Lost contact with the app while it was syncing (run ${runId}). Its sync panel shows how the run ended.`);
        return 1;
      }
      view = { ok: false, status: 0, message: "" };
    }
    if (view.ok) {
      if (view.body.summary) return report(io, options, organizationName, reviveDates(view.body.summary), progress);
      progress.update(view.body.percent, phaseLabel((view.body.phase ?? "connection") as SyncPhase));
    } else if (view.status !== 0) {
      progress.stop(true);
      io.err(view.message);
      return 1;
    }
    await new Promise((resolve) => setTimeout(resolve, io.pollMs ?? 1000));
  }
}

async function previewThroughApp(holder: LockHolder, url: string, options: CliSyncOptions, io: CliIo): Promise<number> {
  let answer: Answer<LocalSyncPreview>;
  try {
    answer = await ask<LocalSyncPreview>(`${url}?preview=1`, holder.token, "GET");
  } catch {
    io.err(`The app (pid ${holder.pid}) holds the embedded database but does not answer at ${appAddress(holder)}. Wait until it has started, or stop it and run this again.`);
    return 1;
  }
  if (!answer.ok) {
    io.err(answer.message);
    return answer.status === 404 ? 2 : 1;
  }
  io.err(`The app (pid ${holder.pid}) is running: it previewed this sync.`);
  return reportPreview(io, options, answer.body.organizationName, answer.body.preview);
}

function reviveDates(summary: SyncRunSummary): SyncRunSummary {
  return { ...summary, startedAt: new Date(summary.startedAt), finishedAt: new Date(summary.finishedAt) };
}

/**
 * A process of `npm run chaos` (spawned by run-chaos.ts; its config comes in CHAOS_CONFIG). Like the
 * demo it holds the app's database and the built-in sandbox, which persists to its state file.
 * 1. heal (the previous run): start like a restarted server — dead runs reclaimed — sync until a
 *    sync ends without failing, check the world, report;
 * 2. crash (the next run): build its world, sync, and die by SIGKILL at the planned point — inside
 *    a durable write of the sandbox, or between QBO's answer and the app's commit (a timer kill
 *    comes from the parent).
 * It talks to the parent in stdout lines starting with "CHAOS ".
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { openDatabase, type DatabaseHandle } from "@/lib/db/connection";
import { unlimitedRateBudget } from "@/lib/qbo";
import { startSandboxServer } from "@/lib/qbo-sandbox";
import { createQboClientFactory } from "@/lib/qbo-connection/client-factory";
import { checkChaosWorld, stuckRuns } from "@/lib/sync/chaos/invariants";
import { childConfigSchema, type HealReport } from "@/lib/sync/chaos/protocol";
import { seededRandom } from "@/lib/seeded-random";
import { buildChaosWorld, type ChaosWorld } from "@/lib/sync/chaos/scenario";
import { DEAD_RUN_AFTER_MS, executeSyncRun, reclaimDeadRuns, requestSync } from "@/lib/sync/engine";
import { syncNow } from "@/lib/sync/engine/sandbox-org";
import type { QboClientFactory } from "@/lib/sync/engine/types";
import { sandboxConnectionDeps } from "@/lib/testing/sandbox-workers";

function emit(event: string, data: Record<string, unknown> = {}): void {
  process.stdout.write(`CHAOS ${JSON.stringify({ event, ...data })}\n`);
}

function die(): never {
  process.kill(process.pid, "SIGKILL");
  throw new Error("unreachable");
}

async function heal(handle: DatabaseHandle, clientFactory: QboClientFactory, worldPath: string, maxSyncs: number, database: "pglite" | "postgres"): Promise<HealReport> {
  const world = JSON.parse(readFileSync(worldPath, "utf8")) as ChaosWorld;
  // A restarted server: the run the killed process held is dead. This process alone uses the
  // database, so on PGlite every running run is dead at once; on PostgreSQL (where other workers
  // could hold it) only once its heartbeat lapsed — that wait is skipped by looking 2 minutes ahead.
  const now = new Date();
  await reclaimDeadRuns(handle.db, database === "pglite" ? { now, everyRunning: true } : { now: new Date(now.getTime() + DEAD_RUN_AFTER_MS + 1_000) });
  const syncs: string[] = [];
  for (let i = 0; i < maxSyncs; i += 1) {
    const { runId } = await requestSync(handle.db, { organizationId: world.organizationId, trigger: "cli" });
    const summary = await executeSyncRun(handle.db, runId, { clientFactory });
    syncs.push(summary.status === "failed" ? `failed: ${summary.error ?? ""}` : summary.status);
    if (summary.status === "succeeded" || summary.status === "partial") break;
  }
  const client = (await clientFactory(world.organizationId))!.client;
  const findings = await checkChaosWorld(handle.db, client, world);
  return {
    syncs,
    healed: syncs.at(-1) === "succeeded" || syncs.at(-1) === "partial",
    stuckRuns: await stuckRuns(handle.db, world.organizationId),
    ...findings,
  };
}

async function main(): Promise<void> {
  const config = childConfigSchema.parse(JSON.parse(process.env.CHAOS_CONFIG ?? "{}"));
  // The parent migrated the database before the first run.
  const handle = await openDatabase(config.database.kind === "pglite" ? { kind: "pglite", dataDir: config.database.dataDir } : { kind: "postgres", url: config.database.url, max: 4 });
  let armed = false;
  let seen = 0;
  const kill = config.crash?.kill ?? { kind: "none" as const };
  const server = await startSandboxServer({
    port: 0,
    throttling: false,
    persistPath: config.statePath,
    durabilityHook: (point) => {
      if (armed && kill.kind === "sandbox" && point === kill.point && ++seen === kill.nth) die();
    },
  });
  const deps = sandboxConnectionDeps(server);
  const clientFactory = createQboClientFactory(handle.db, deps, () => unlimitedRateBudget);

  if (config.heal) emit("report", { run: config.heal.run, report: await heal(handle, clientFactory, config.heal.worldPath, config.maxHealSyncs, config.database.kind) });

  if (config.crash) {
    const { run, worldPath } = config.crash;
    const world = await buildChaosWorld(handle.db, server, deps, run, seededRandom(config.seed * 10_007 + run));
    writeFileSync(`${worldPath}.tmp`, JSON.stringify(world));
    renameSync(`${worldPath}.tmp`, worldPath);
    emit("syncing", { run });
    armed = true;
    const started = Date.now();
    let writes = 0;
    const summary = await syncNow(handle.db, world.organizationId, {
      clientFactory,
      afterWrite: () => {
        if (kill.kind === "after-write" && ++writes === kill.nth) die();
      },
    });
    armed = false;
    emit("finished", { run, status: summary.status, durationMs: Date.now() - started });
  }
  await server.close();
  await handle.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    emit("error", { message: error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error) });
    process.exit(1);
  },
);

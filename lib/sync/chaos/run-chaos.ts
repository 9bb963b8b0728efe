/**
 * `npm run chaos`: N runs, each a world of its own (organisation, sandbox company, new and edited
 * records on both sides). A child process — the app with its in-process sandbox, like the demo —
 * syncs and is killed with SIGKILL at a random point: after a random delay, between QBO's answer
 * and the app's commit, or inside the sandbox's own durable write (torn journal line included).
 * A fresh process then restarts, syncs until a sync ends without failing and checks that nothing
 * was lost, duplicated or linked wrongly, and that no run was left running. Every run shares one
 * database and one sandbox state file, as a long-lived installation would.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { migrateDatabase, openDatabase } from "@/lib/db/connection";
import { createScratchDatabase } from "@/lib/sync/bench/scratch-database";
import { DURABILITY_POINTS, type ChildConfig, type HealReport, type KillPlan } from "@/lib/sync/chaos/protocol";
import { seededRandom } from "@/lib/seeded-random";
import { between } from "@/lib/sync/chaos/scenario";

export type ChaosDatabase = { kind: "pglite" } | { kind: "postgres"; serverUrl: string };

export interface ChaosOptions {
  runs: number;
  seed: number;
  database: ChaosDatabase;
  log?: (line: string) => void;
}

export interface ChaosReport {
  database: ChaosDatabase["kind"];
  runs: number;
  /** Runs whose child was in fact killed at its planned point (a late point may never come). */
  killPointsHit: number;
  byKillPoint: Record<string, { planned: number; hit: number }>;
  duplicates: number;
  wrongLinks: number;
  lostChanges: number;
  stuckRuns: number;
  finalFailures: number;
  details: string[];
}

export function chooseKillPlan(random: () => number): KillPlan {
  const roll = random();
  if (roll < 0.3) return { kind: "timer", fraction: random() };
  if (roll < 0.6) return { kind: "after-write", nth: between(random, 1, 5) };
  return { kind: "sandbox", point: DURABILITY_POINTS[between(random, 0, DURABILITY_POINTS.length - 1)]!, nth: between(random, 1, 6) };
}

export function killPointName(plan: KillPlan): string {
  if (plan.kind === "sandbox") return `sandbox ${plan.point.replace("journal:", "")}`;
  if (plan.kind === "after-write") return "after QBO answered, before commit";
  return plan.kind === "timer" ? "random moment" : "none";
}

interface ChildResult {
  killedBySignal: boolean;
  events: Array<Record<string, unknown>>;
  output: string;
}

function runChild(config: ChildConfig, onSyncing?: (kill: () => void) => void): Promise<ChildResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, CHAOS_CONFIG: JSON.stringify(config), LOG_LEVEL: "error" };
  // vitest sets these for its own workers; the child is a plain process.
  delete env.VITEST;
  delete env.TEST_DB_KIND;
  const child = spawn(process.execPath, ["--import", "tsx", "lib/sync/chaos/chaos-child.ts"], { cwd: process.cwd(), env, stdio: ["ignore", "pipe", "pipe"] });
  const events: Array<Record<string, unknown>> = [];
  let output = "";
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  lines.on("line", (line) => {
    if (!line.startsWith("CHAOS ")) {
      output += `${line}\n`;
      return;
    }
    const event = JSON.parse(line.slice(6)) as Record<string, unknown>;
    events.push(event);
    if (event["event"] === "syncing") onSyncing?.(() => child.kill("SIGKILL"));
  });
  return new Promise((resolve) => {
    child.once("exit", (_code, signal) => resolve({ killedBySignal: signal === "SIGKILL", events, output }));
  });
}

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  const workDir = mkdtempSync(path.join(tmpdir(), "ledgerbridge-chaos-"));
  const scratch = options.database.kind === "postgres" ? await createScratchDatabase(options.database.serverUrl, "ledgerbridge_chaos") : null;
  const database: ChildConfig["database"] = scratch ? { kind: "postgres", url: scratch.url } : { kind: "pglite", dataDir: path.join(workDir, "pglite") };
  const report: ChaosReport = {
    database: options.database.kind,
    runs: 0,
    killPointsHit: 0,
    byKillPoint: {},
    duplicates: 0,
    wrongLinks: 0,
    lostChanges: 0,
    stuckRuns: 0,
    finalFailures: 0,
    details: [],
  };
  try {
    // Migrate once up front, so the first child measures nothing but its own work.
    const handle = await openDatabase(database.kind === "pglite" ? database : { kind: "postgres", url: database.url, max: 1 });
    await migrateDatabase(handle);
    await handle.close();
    const statePath = path.join(workDir, "qbo-sandbox.json");
    const worldPath = (run: number) => path.join(workDir, `world-${run}.json`);
    const random = seededRandom(options.seed);
    // How long an uninterrupted sync of a world takes here (learnt from the runs a kill did not reach).
    let syncMs = 800;
    /** The run waiting to be healed by the next process, with what its kill did. */
    let previous: { run: number; name: string; killed: boolean } | undefined;
    for (let step = 1; step <= options.runs + 1; step += 1) {
      const crashRun = step <= options.runs ? step : undefined;
      const kill = crashRun ? chooseKillPlan(random) : undefined;
      const name = kill ? killPointName(kill) : "";
      const child = await runChild(
        {
          database,
          statePath,
          seed: options.seed,
          maxHealSyncs: 4,
          ...(previous ? { heal: { run: previous.run, worldPath: worldPath(previous.run) } } : {}),
          ...(crashRun && kill ? { crash: { run: crashRun, worldPath: worldPath(crashRun), kill } } : {}),
        },
        (killNow) => {
          if (kill?.kind === "timer") setTimeout(killNow, Math.round(kill.fraction * syncMs));
        },
      );
      const failure = String(child.events.find((e) => e["event"] === "error")?.["message"] ?? child.output.slice(-2_000));

      if (previous) {
        const outcome = child.events.find((event) => event["event"] === "report")?.["report"] as HealReport | undefined;
        const label = `run ${previous.run} (${previous.name})`;
        if (!outcome) {
          report.finalFailures += 1;
          report.details.push(`${label}: the restarted process failed: ${failure}`);
          log(`${label} → restart failed`);
        } else {
          report.duplicates += outcome.duplicates;
          report.wrongLinks += outcome.wrongLinks;
          report.lostChanges += outcome.lostChanges;
          report.stuckRuns += outcome.stuckRuns;
          if (!outcome.healed) {
            report.finalFailures += 1;
            report.details.push(`${label}: no sync ended without failing: ${outcome.syncs.join(" | ")}`);
          }
          for (const detail of outcome.details) report.details.push(`${label}: ${detail}`);
          const clean = outcome.healed && outcome.details.length === 0 && outcome.stuckRuns === 0;
          log(`run ${previous.run}: ${previous.name}${previous.killed ? " (killed)" : " (not reached)"} → ${outcome.syncs.join(", ")}${clean ? "" : " ✗"}`);
        }
      }
      previous = undefined;
      if (!crashRun || !kill) continue;

      const point = (report.byKillPoint[name] ??= { planned: 0, hit: 0 });
      point.planned += 1;
      report.runs += 1;
      if (!child.events.some((event) => event["event"] === "syncing" && event["run"] === crashRun)) {
        report.finalFailures += 1;
        report.details.push(`run ${crashRun}: the set-up failed: ${failure}`);
        log(`run ${crashRun}: set-up failed`);
        continue;
      }
      const finished = child.events.find((event) => event["event"] === "finished");
      if (typeof finished?.["durationMs"] === "number") syncMs = Math.round((syncMs + finished["durationMs"]) / 2);
      if (child.killedBySignal) {
        report.killPointsHit += 1;
        point.hit += 1;
      }
      previous = { run: crashRun, name, killed: child.killedBySignal };
    }
  } finally {
    await scratch?.drop();
    rmSync(workDir, { recursive: true, force: true });
  }
  return report;
}

export function chaosFailed(report: ChaosReport): boolean {
  return report.duplicates + report.wrongLinks + report.lostChanges + report.stuckRuns + report.finalFailures > 0 || report.runs === 0;
}

/** The table the issue asks for: all zeros but runs and kill points. */
export function formatChaosTable(reports: readonly ChaosReport[]): string {
  const header = ["database", "runs", "kill points hit", "duplicates", "wrong links", "lost changes", "stuck runs", "final failures"];
  const rows = reports.map((r) => [r.database === "pglite" ? "PGlite" : "PostgreSQL", r.runs, r.killPointsHit, r.duplicates, r.wrongLinks, r.lostChanges, r.stuckRuns, r.finalFailures].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(" | ")} |`;
  const table = [line(header), `|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...rows.map(line)];
  for (const r of reports) {
    table.push("", `Kill points (${r.database}): ${Object.entries(r.byKillPoint).map(([name, { planned, hit }]) => `${name} ${hit}/${planned}`).join(", ")}`);
  }
  return table.join("\n");
}

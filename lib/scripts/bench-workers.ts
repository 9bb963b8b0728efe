/**
 * `tsx lib/scripts/bench-workers.ts [--companies N] [--records M] [--workers 1,2,4] [--concurrency C]`:
 * N sandbox companies of M records each (bills + invoices; default 200 × 500), synced through the
 * job queue by 1, 2 and 4 `npm run worker` processes on PostgreSQL (DATABASE_URL or
 * TEST_DATABASE_URL: a local server where the bench may create and drop a database).
 *
 * Each pass gets a fresh database and sandbox; setting a company up (connection, the first sync
 * that brings the chart of accounts, preferences) is not timed. Timed: from enqueueing one sync per
 * company to the last job finished — each a full import of the company's bills and invoices.
 * The sandbox runs in this process with QBO's throttling on, and the workers share QBO's budget
 * through the database.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { count, eq } from "drizzle-orm";
import PgBoss from "pg-boss";
import { migrateDatabase, openDatabase } from "@/lib/db/connection";
import { bills, invoices, syncRuns } from "@/lib/db/schema";
import { SYNC_QUEUE } from "@/lib/jobs/sync-jobs";
import { unlimitedRateBudget } from "@/lib/qbo";
import { startSandboxServer } from "@/lib/qbo-sandbox";
import { createQboClientFactory } from "@/lib/qbo-connection/client-factory";
import { createScratchDatabase } from "@/lib/sync/bench/scratch-database";
import { setStandardPreferences, syncNow } from "@/lib/sync/engine/sandbox-org";
import { assertLocalDatabaseUrl } from "@/lib/testing/local-database-url";
import { connectedSandboxOrg, sandboxConnectionDeps, sandboxWorkerEnv, spawnWorker, unfinishedSyncJobs, waitFor } from "@/lib/testing/sandbox-workers";

const { values } = parseArgs({
  options: {
    companies: { type: "string", default: "200" },
    records: { type: "string", default: "500" },
    workers: { type: "string", default: "1,2,4" },
    concurrency: { type: "string", default: "2" },
  },
});
const companies = Number(values.companies);
const records = Number(values.records);
const concurrency = Number(values.concurrency);
const workerCounts = values.workers.split(",").map(Number);
const serverUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!serverUrl || !Number.isInteger(companies) || companies < 1 || !Number.isInteger(records) || records < 2 || !Number.isInteger(concurrency) || concurrency < 1 || workerCounts.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error("Usage: DATABASE_URL=postgres://… tsx lib/scripts/bench-workers.ts [--companies N] [--records M ≥ 2] [--workers 1,2,4] [--concurrency C]");
  process.exit(2);
}
// The bench creates and drops databases: only on this machine.
assertLocalDatabaseUrl(serverUrl);

type Row = { workers: number; companies: number; records: number; wallS: number; failedRuns: number; imported: number };

async function pass(workers: number): Promise<Row> {
  const log = (line: string) => console.error(`[${workers} worker${workers === 1 ? "" : "s"}] ${line}`);
  const server = await startSandboxServer({ port: 0, throttling: true });
  const scratch = await createScratchDatabase(serverUrl!, "ledgerbridge_bench_workers");
  const url = scratch.url;
  const handle = await openDatabase({ kind: "postgres", url, max: 8 });
  const dataDir = mkdtempSync(path.join(tmpdir(), "bench-workers-"));
  const spawned: ReturnType<typeof spawnWorker>[] = [];
  let boss: PgBoss | undefined;
  try {
    await migrateDatabase(handle);
    const deps = sandboxConnectionDeps(server);
    const setupFactory = createQboClientFactory(handle.db, deps, () => unlimitedRateBudget);
    const parties = Math.max(2, Math.round(records / 20));
    log(`setting up ${companies} companies of ${records} records…`);
    const orgIds: string[] = [];
    let next = 0;
    // Four at a time: most of a set-up is the password hash and the first (chart-only) sync.
    await Promise.all(
      Array.from({ length: Math.min(4, companies) }, async () => {
        while (next < companies) {
          const i = next++;
          const seed = { vendors: parties, customers: parties, bills: Math.floor(records / 2), invoices: records - Math.floor(records / 2), randomSeed: i + 1 };
          const org = await connectedSandboxOrg(handle.db, server, deps, seed);
          await syncNow(handle.db, org.organizationId, { clientFactory: setupFactory });
          await setStandardPreferences(handle.db, org.organizationId, org.userId);
          orgIds.push(org.organizationId);
        }
      }),
    );

    // The queue's tables exist before the workers start, so they do not race to create them.
    boss = new PgBoss({ connectionString: url, schema: "pgboss", supervise: false, schedule: false, max: 2 });
    boss.on("error", (error) => log(`queue error: ${String(error)}`));
    await boss.start();
    const env = sandboxWorkerEnv(server, url, dataDir);
    for (let i = 0; i < workers; i += 1) spawned.push(spawnWorker(env, concurrency));
    await Promise.all(spawned.map((w) => w.started));
    log("workers started; enqueueing…");

    const started = performance.now();
    for (const organizationId of orgIds) await boss.send(SYNC_QUEUE, { organizationId, trigger: "manual" }, { singletonKey: organizationId });
    await waitFor("the sync jobs", async () => (await unfinishedSyncJobs(handle.db)) === 0, 6 * 60 * 60_000, 250);
    const wallS = (performance.now() - started) / 1000;

    const [failed] = await handle.db.select({ n: count() }).from(syncRuns).where(eq(syncRuns.status, "failed"));
    const [billRows] = await handle.db.select({ n: count() }).from(bills);
    const [invoiceRows] = await handle.db.select({ n: count() }).from(invoices);
    return { workers, companies, records: companies * records, wallS, failedRuns: failed?.n ?? 0, imported: (billRows?.n ?? 0) + (invoiceRows?.n ?? 0) };
  } finally {
    for (const worker of spawned) worker.child.kill("SIGTERM");
    await Promise.all(spawned.map((w) => w.exited));
    await boss?.stop({ graceful: false, wait: true });
    await handle.close();
    await scratch.drop();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const rows: Row[] = [];
for (const workers of workerCounts) rows.push(await pass(workers));

const header = ["Workers", "Companies", "Records", "Wall s", "Records/s", "Jobs/min", "Imported", "Failed runs"];
const cells = rows.map((r) => [
  String(r.workers),
  String(r.companies),
  String(r.records),
  r.wallS.toFixed(1),
  (r.records / r.wallS).toFixed(0),
  ((r.companies / r.wallS) * 60).toFixed(1),
  String(r.imported),
  String(r.failedRuns),
]);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
const line = (c: string[]) => `| ${c.map((v, i) => v.padStart(widths[i]!)).join(" | ")} |`;
console.log([line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.map(line)].join("\n"));
console.log(
  `\nRecords = bills + invoices seeded per company × companies (plus ~${Math.max(2, Math.round(records / 20))} vendors and customers each); Imported = bills + invoices the app holds afterwards (the sync skips the seed's foreign-currency, voided… ones). Worker concurrency ${concurrency}; sandbox, workers and PostgreSQL share this machine.`,
);

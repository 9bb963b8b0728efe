/**
 * `npm run bench [-- --size N] [--push P] [--database embedded|postgres|both]`: sync throughput
 * against the built-in sandbox over HTTP. N bills and N invoices (default 10,000) with N/10 vendors
 * and customers; a full sync, a no-change incremental one, then P new app bills pushed to QBO
 * (default min(N, 2,400): 80 batches, one minute over QBO's 40-batch budget), with sandbox
 * throttling off and on.
 * The app's data goes to a fresh embedded database and, when BENCH_DATABASE_URL (or DATABASE_URL)
 * names a PostgreSQL server, to a throwaway database there too.
 *
 * `npm run bench -- --scaling [--sizes 1000,10000,50000] [--embedded-sizes 1000,10000]`: the same
 * scenarios (limits off, 2,400 pushed bills) per company size, each size in a process of its own so
 * its peak RSS is its own, on PostgreSQL (and embedded for the embedded sizes), printed as one table
 * with the growth of the largest size over the smallest for the no-change incremental and the push.
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { formatBenchTable, runBench, type BenchDatabase, type BenchRow } from "@/lib/sync/bench/run-bench";
import { formatScalingTable, type ScalingPass } from "@/lib/sync/bench/scaling";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "10000" },
    push: { type: "string" },
    "throttling-only": { type: "string" },
    database: { type: "string" },
    scaling: { type: "boolean", default: false },
    sizes: { type: "string", default: "1000,10000,50000" },
    "embedded-sizes": { type: "string", default: "1000,10000" },
    json: { type: "boolean", default: false },
  },
});
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;

if (values.scaling) {
  const sizeList = (list: string) => list.split(",").filter(Boolean).map(Number);
  const sizes = sizeList(values.sizes);
  const embeddedSizes = sizeList(values["embedded-sizes"]);
  if ([...sizes, ...embeddedSizes].some((n) => !Number.isInteger(n) || n < 10)) {
    console.error("--sizes and --embedded-sizes are comma-separated whole numbers ≥ 10");
    process.exit(2);
  }
  if (!serverUrl && sizes.length > 0) {
    console.error("--scaling measures PostgreSQL: set BENCH_DATABASE_URL (or DATABASE_URL) to a server where the bench may create a database");
    process.exit(2);
  }
  const passes: ScalingPass[] = [];
  for (const [database, list] of [["postgres", sizes], ["embedded", embeddedSizes]] as const) {
    for (const size of list) passes.push({ size, rows: await benchInChild(size, database) });
  }
  console.log(formatScalingTable(passes));
  console.log("\nLimits off. Records = bills + invoices + vendors + customers (the push: the new bills). Peak RSS: the sync process, sampled during each run.");
  process.exit(0);
}

const which = values.database ?? (serverUrl ? "both" : "embedded");
if (!["embedded", "postgres", "both"].includes(which) || (which !== "embedded" && !serverUrl)) {
  console.error("--database must be embedded, postgres or both; postgres needs BENCH_DATABASE_URL or DATABASE_URL (a PostgreSQL server where the bench may create a database)");
  process.exit(2);
}
const databases: BenchDatabase[] = [
  ...(which !== "postgres" ? [{ kind: "pglite" as const }] : []),
  ...(which !== "embedded" && serverUrl ? [{ kind: "postgres" as const, serverUrl }] : []),
];
const size = Number(values.size);
if (!Number.isInteger(size) || size < 10) {
  console.error("Usage: npm run bench [-- --size N]   (N ≥ 10 bills and invoices)");
  process.exit(2);
}
const parties = Math.max(5, Math.round(size / 10));
// Enough writes (80 batches of 30) that QBO's 40 batches a minute add a full minute with limits on.
const push = values.push === undefined ? Math.min(2400, size) : Number(values.push);
if (!Number.isInteger(push) || push < 0) {
  console.error("--push must be a whole number of new app bills (0 skips the write scenario)");
  process.exit(2);
}
const rows: BenchRow[] = [];
const modes = values["throttling-only"] === undefined ? [false, true] : [values["throttling-only"] === "on"];
for (const database of databases) {
  for (const throttling of modes) {
    rows.push(...(await runBench({ bills: size, invoices: size, vendors: parties, customers: parties, push }, throttling, database, (line) => console.error(line))));
  }
}
if (values.json) {
  console.log(JSON.stringify(rows));
} else {
  console.log(formatBenchTable(rows));
  console.log(
    "\nRecords = bills + invoices + vendors + customers in the company (the push: the new bills). Floors: reads in pages of 1,000 per entity, writes in batches of 30; " +
      "rate floor = the extra minutes QBO's 500 requests/min and 40 batches/min force (the first minute's budget is free).",
  );
}

/** One size's pass (limits off, 2,400 pushed bills) in a fresh node process; its rows come back as JSON. */
async function benchInChild(n: number, database: "postgres" | "embedded"): Promise<BenchRow[]> {
  const args = ["--expose-gc", "--import", "tsx", "lib/scripts/bench.ts", "--size", String(n), "--push", "2400", "--database", database, "--throttling-only", "off", "--json"];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  const last = out.trim().split("\n").at(-1);
  if (code !== 0 || !last) throw new Error(`bench of ${n} (${database}) exited with code ${String(code)}`);
  return JSON.parse(last) as BenchRow[];
}

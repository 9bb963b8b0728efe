/**
 * `npm run bench [-- --size N] [--push P] [--database embedded|postgres|both]`: sync throughput
 * against the built-in sandbox over HTTP. N bills and N invoices (default 10,000) with N/10 vendors
 * and customers; a full sync, a no-change incremental one, then P new app bills pushed to QBO
 * (default min(N, 2,400): 80 batches, one minute over QBO's 40-batch budget), with sandbox
 * throttling off and on.
 * The app's data goes to a fresh embedded database and, when BENCH_DATABASE_URL (or DATABASE_URL)
 * names a PostgreSQL server, to a throwaway database there too.
 */
import { parseArgs } from "node:util";
import { formatBenchTable, runBench, type BenchDatabase, type BenchRow } from "@/lib/sync/bench/run-bench";

const { values } = parseArgs({ options: { size: { type: "string", default: "10000" }, push: { type: "string" }, "throttling-only": { type: "string" }, database: { type: "string" } } });
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
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
console.log(formatBenchTable(rows));
console.log(
  "\nRecords = bills + invoices + vendors + customers in the company (the push: the new bills). Floors: reads in pages of 1,000 per entity, writes in batches of 30; " +
    "rate floor = the extra minutes QBO's 500 requests/min and 40 batches/min force (the first minute's budget is free).",
);

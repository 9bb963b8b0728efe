/**
 * `npm run bench [-- --size N]`: sync throughput against the built-in sandbox, in-process, with a
 * fresh embedded database. N bills and N invoices (default 10,000) with N/10 vendors and customers;
 * a full sync then a no-change incremental one, with sandbox throttling off and on.
 */
import { parseArgs } from "node:util";
import { formatBenchTable, runBench, type BenchRow } from "@/lib/sync/bench/run-bench";

const { values } = parseArgs({ options: { size: { type: "string", default: "10000" }, "throttling-only": { type: "string" } } });
const size = Number(values.size);
if (!Number.isInteger(size) || size < 10) {
  console.error("Usage: npm run bench [-- --size N]   (N ≥ 10 bills and invoices)");
  process.exit(2);
}
const parties = Math.max(5, Math.round(size / 10));
const rows: BenchRow[] = [];
const modes = values["throttling-only"] === undefined ? [false, true] : [values["throttling-only"] === "on"];
for (const throttling of modes) {
  rows.push(...(await runBench({ bills: size, invoices: size, vendors: parties, customers: parties }, throttling, (line) => console.error(line))));
}
console.log(formatBenchTable(rows));
console.log("\nRecords = bills + invoices + vendors + customers in the company. Floors: reads in pages of 1,000 per entity, writes in batches of 30; rate floor = extra minutes QBO's 500 requests/min and 40 batches/min force.");

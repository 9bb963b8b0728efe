/**
 * `npm run chaos`: kills syncs at random points and checks the next sync heals everything.
 *   --runs <n>       runs per database (default 100)       --seed <n>   seed of the plan (default 1)
 *   --database embedded|postgres|both (default: embedded, plus PostgreSQL when CHAOS_DATABASE_URL,
 *                    DATABASE_URL or TEST_DATABASE_URL names a server)
 * Prints the table (runs, kill points hit, duplicates, wrong links, lost changes, stuck runs, final
 * failures) and exits 1 unless every column but the first two is 0.
 */
import { parseArgs } from "node:util";
import { chaosFailed, formatChaosTable, runChaos, type ChaosDatabase, type ChaosReport } from "@/lib/sync/chaos/run-chaos";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "100" },
    seed: { type: "string", default: "1" },
    database: { type: "string" },
  },
});
const runs = Number(values.runs);
const seed = Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || runs > 10_000) {
  console.error(`--runs must be a whole number from 1 to 10000, got "${values.runs}"`);
  process.exit(2);
}
if (!Number.isInteger(seed)) {
  console.error(`--seed must be a whole number, got "${values.seed}"`);
  process.exit(2);
}
const serverUrl = process.env.CHAOS_DATABASE_URL || process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
const choice = values.database ?? (serverUrl ? "both" : "embedded");
if (!["embedded", "postgres", "both"].includes(choice)) {
  console.error(`--database must be embedded, postgres or both, got "${choice}"`);
  process.exit(2);
}
if (choice !== "embedded" && !serverUrl) {
  console.error("--database postgres needs CHAOS_DATABASE_URL (or DATABASE_URL / TEST_DATABASE_URL) naming a PostgreSQL server");
  process.exit(2);
}
const databases: ChaosDatabase[] = [];
if (choice !== "postgres") databases.push({ kind: "pglite" });
if (choice !== "embedded") databases.push({ kind: "postgres", serverUrl: serverUrl! });

const reports: ChaosReport[] = [];
for (const database of databases) {
  console.log(`chaos: ${runs} runs on ${database.kind === "pglite" ? "PGlite" : "PostgreSQL"} (seed ${seed})`);
  reports.push(await runChaos({ runs, seed, database, log: (line) => console.log(`  ${line}`) }));
}
console.log("");
console.log(formatChaosTable(reports));
const problems = reports.flatMap((report) => report.details);
if (problems.length > 0) {
  console.log("\nFindings:");
  for (const line of problems.slice(0, 200)) console.log(`  - ${line}`);
}
process.exit(reports.some(chaosFailed) ? 1 : 0);

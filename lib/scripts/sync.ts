/**
 * `npm run sync -- --org <slug> [--json]`: one sync of an organisation from a terminal, with a
 * progress bar and a summary table (or only the summary as JSON with --json).
 */
import { parseArgs } from "node:util";
import { SingleBar, Presets } from "cli-progress";
import { eq } from "drizzle-orm";
import { getDatabase } from "@/lib/db";
import { organizations } from "@/lib/db/schema";
import { createQboClientFactory } from "@/lib/qbo-connection/client-factory";
import { connectionDeps, rateBudgetsFor } from "@/lib/qbo-connection/deps";
import { phaseLabel } from "@/lib/sync/core";
import { executeSyncRun, requestSync } from "@/lib/sync/engine";
import { formatSyncSummary } from "@/lib/sync/engine/summary-table";

const USAGE = "Usage: npm run sync -- --org <organisation slug> [--json]";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { org: { type: "string" }, json: { type: "boolean", default: false }, help: { type: "boolean", default: false } } });
  if (values.help || !values.org) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const handle = await getDatabase();
  try {
    const db = handle.db;
    const [org] = await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.slug, values.org));
    if (!org) {
      console.error(`No organisation with the slug "${values.org}".`);
      return 2;
    }
    const { runId, joined } = await requestSync(db, { organizationId: org.id, trigger: "cli" });
    if (joined) {
      console.error(`A sync of ${org.name} is already running (run ${runId}); try again when it has finished.`);
      return 1;
    }
    const bar = values.json ? undefined : new SingleBar({ format: " {bar} {percentage}% | {phase}", hideCursor: true, clearOnComplete: false }, Presets.shades_classic);
    bar?.start(100, 0, { phase: phaseLabel("connection") });
    const summary = await executeSyncRun(db, runId, {
      clientFactory: createQboClientFactory(db, connectionDeps(), rateBudgetsFor(handle)),
      onProgress: (progress) => bar?.update(progress.percent, { phase: phaseLabel(progress.phase) }),
    });
    // "interrupted": another process reclaimed this run (its heartbeat had lapsed) and syncs instead.
    const stopped = summary.status === "failed" || summary.status === "interrupted";
    bar?.update(stopped ? bar.getProgress() * 100 : 100, { phase: stopped ? "Stopped" : "Done" });
    bar?.stop();
    if (values.json) console.log(JSON.stringify(summary, null, 2));
    else console.log(`\n${org.name}\n\n${formatSyncSummary(summary)}`);
    return stopped ? 1 : 0;
  } finally {
    await handle.close();
  }
}

process.exitCode = await main();

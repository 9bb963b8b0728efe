/**
 * `npm run sync -- --org <slug> [--json] [--dry-run]`: one sync of an organisation from a terminal, with a
 * progress bar and a summary table (or only the summary as JSON with --json). --dry-run prints what
 * the sync would do (lib/sync/preview) and writes nothing. While the app runs on
 * the embedded database, the app runs the sync and this follows it (see lib/sync/cli-sync.ts).
 */
import { parseArgs } from "node:util";
import { env } from "@/lib/config/env";
import { cliSync } from "@/lib/sync/cli-sync";

const USAGE = "Usage: npm run sync -- --org <organisation slug> [--json] [--dry-run]";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { org: { type: "string" }, json: { type: "boolean", default: false }, "dry-run": { type: "boolean", default: false }, help: { type: "boolean", default: false } } });
  if (values.help || !values.org) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  return cliSync({ org: values.org, json: values.json, dryRun: values["dry-run"] }, env(), {
    out: (text) => console.log(text),
    err: (text) => console.error(text),
    progressBar: true,
  });
}

process.exitCode = await main();

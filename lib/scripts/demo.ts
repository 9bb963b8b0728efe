/**
 * `npm run demo`: migrate the embedded database, seed the demo organisation, build when the sources
 * changed, and start the app. Safe to run again: seeding and building are skipped when done.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { SERVER_KEEP_ALIVE_MS } from "@/lib/qbo-sandbox/keep-alive";
import { NEXT_BIN } from "./next-bin";
import { env } from "@/lib/config/env";
import { getDatabase } from "@/lib/db";
import { demoSizeFromArgs } from "@/lib/demo/demo-size-args";
import { DEMO_SIGN_IN, seedDemo } from "@/lib/demo/seed-demo";
import { run } from "./run-steps";

process.env.DEMO_MODE ??= "1";
const config = env();
const port = new URL(config.APP_URL).port || "3000";
const distDir = process.env.NEXT_DIST_DIR || ".next";

function newestSourceTime(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ["app", "components", "lib", "public", "drizzle"]) if (existsSync(dir)) walk(dir);
  for (const file of ["package-lock.json", "next.config.ts"]) if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

const database = await getDatabase();
const { slug } = await seedDemo(database.db, demoSizeFromArgs(process.argv.slice(2)));
// The embedded database allows one process at a time: release it before the server opens it.
await database.close();

const buildId = path.join(distDir, "BUILD_ID");
if (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSourceTime()) {
  console.log("Building Ledgerbridge (first run or sources changed)…");
  const code = await run("npx", ["next", "build"], { ...process.env, NODE_ENV: "production" });
  if (code !== 0) process.exit(code);
}

const server = spawn(process.execPath, [NEXT_BIN, "start", "-p", port, "--keepAliveTimeout", String(SERVER_KEEP_ALIVE_MS)], {
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, NODE_ENV: "production", DEMO_MODE: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

console.log(`
  Ledgerbridge demo is starting on ${config.APP_URL}
  Demo organisation: ${config.APP_URL}/o/${slug}
  Sign in with:      ${DEMO_SIGN_IN.email}  /  ${DEMO_SIGN_IN.password}
`);

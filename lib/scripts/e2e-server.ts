/**
 * The server Playwright tests run against: a production build on a fresh embedded database under
 * .data/e2e, on its own port and build folder so a running demo is never disturbed.
 */
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { SERVER_KEEP_ALIVE_MS } from "@/lib/qbo-sandbox/keep-alive";
import { NEXT_BIN } from "./next-bin";
import { run } from "./run-steps";

const port = process.env.E2E_PORT ?? "3100";
// Per port, so several e2e runs (one per developer task) can share a machine.
const dataDir = path.resolve(`.data/e2e-${port}`);
rmSync(dataDir, { recursive: true, force: true });

const serverEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  DEMO_MODE: "1",
  DATA_DIR: dataDir,
  APP_URL: `http://127.0.0.1:${port}`,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? (port === "3100" ? ".next-e2e" : `.next-e2e-${port}`),
};
delete serverEnv.DATABASE_URL; // e2e always uses its own embedded database

if (!existsSync(path.join(serverEnv.NEXT_DIST_DIR!, "BUILD_ID"))) {
  const code = await run("npx", ["next", "build"], serverEnv);
  if (code !== 0) process.exit(code);
}
// Migrate before the server takes the (single-process) embedded database.
const migrated = await run("npx", ["tsx", "lib/scripts/db-migrate.ts"], serverEnv);
if (migrated !== 0) process.exit(migrated);

const server = spawn(process.execPath, [NEXT_BIN, "start", "-p", port, "-H", "127.0.0.1", "--keepAliveTimeout", String(SERVER_KEEP_ALIVE_MS)], { stdio: ["inherit", "pipe", "inherit"], env: serverEnv });
// The app's JSON-lines log is also kept in DATA_DIR/server.log: e2e tests read what it printed
// there (e.g. a password reset link, which is logged when no SMTP_URL is set).
const serverLog = createWriteStream(path.join(dataDir, "server.log"));
server.stdout.pipe(process.stdout);
server.stdout.pipe(serverLog);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

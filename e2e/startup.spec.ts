import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { NEXT_BIN } from "../lib/scripts/next-bin";

// The production build the e2e server runs (see lib/scripts/e2e-server.ts), started again here on a
// spare port with a configuration that must not serve anyone.
const port = process.env.E2E_PORT ?? "3100";
const distDir = process.env.NEXT_DIST_DIR ?? (port === "3100" ? ".next-e2e" : `.next-e2e-${port}`);
const sparePort = String(Number(port) + 500);

type Outcome = { exitCode: number | null; output: string; servedStatus: number | null };

/** Starts `next start` and waits until it exits, or — when it keeps running — notes what it answers. */
async function startProduction(extraEnv: Record<string, string>): Promise<Outcome> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "lb-startup-")),
    APP_URL: `http://127.0.0.1:${sparePort}`,
    NEXT_DIST_DIR: distDir,
    ...extraEnv,
  };
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", sparePort, "-H", "127.0.0.1"], { env });
  let output = "";
  child.stdout.on("data", (chunk) => (output += String(chunk)));
  child.stderr.on("data", (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const outcome = await Promise.race([exited.then((code) => ({ kind: "exited" as const, code })), new Promise<{ kind: "running" }>((r) => setTimeout(() => r({ kind: "running" }), 20_000))]);
  if (outcome.kind === "exited") return { exitCode: outcome.code, output, servedStatus: null };
  const servedStatus = await fetch(`http://127.0.0.1:${sparePort}/sign-in`).then((r) => r.status, () => null);
  child.kill("SIGTERM");
  await exited;
  return { exitCode: null, output, servedStatus };
}

test.describe.configure({ mode: "serial" });

test("a production start without AUTH_SECRET stops with a message naming it, instead of answering 500", async () => {
  test.setTimeout(60_000);
  const outcome = await startProduction({ DEMO_MODE: "0", TOKEN_ENCRYPTION_KEY: "ab".repeat(32), QBO_CLIENT_ID: "id", QBO_CLIENT_SECRET: "secret", QBO_REDIRECT_URI: `http://127.0.0.1:${sparePort}/api/qbo/callback` });
  expect(outcome.servedStatus, outcome.output.slice(-1500)).toBeNull();
  expect(outcome.exitCode).not.toBe(0);
  expect(outcome.output).toContain("AUTH_SECRET: required in production");
});

test("a production start without Intuit credentials and without DEMO_MODE=1 refuses to serve the built-in sandbox", async () => {
  test.setTimeout(60_000);
  const outcome = await startProduction({ DEMO_MODE: "0", AUTH_SECRET: "s".repeat(40), TOKEN_ENCRYPTION_KEY: "ab".repeat(32) });
  expect(outcome.servedStatus, outcome.output.slice(-1500)).toBeNull();
  expect(outcome.exitCode).not.toBe(0);
  expect(outcome.output).toContain("QBO_CLIENT_ID");
  expect(outcome.output).toContain("DEMO_MODE=1");
});

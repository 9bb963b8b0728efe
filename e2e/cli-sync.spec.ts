import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { newPerson, signUp } from "./helpers";
import { connectSandbox } from "./sync-helpers";

// The e2e server (lib/scripts/e2e-server.ts) holds its embedded database; `npm run sync` on the same
// DATA_DIR must ask it to sync rather than open the database a second time.
const port = process.env.E2E_PORT ?? "3100";

function runCli(slug: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DEMO_MODE: "1",
      DATA_DIR: path.resolve(`.data/e2e-${port}`),
      APP_URL: `http://127.0.0.1:${port}`,
    };
    delete env.DATABASE_URL;
    const child = spawn("npx", ["tsx", "lib/scripts/sync.ts", "--org", slug], { env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += String(chunk)));
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

test("npm run sync while the app runs: the app syncs, the CLI follows and prints the summary", async ({ page }) => {
  test.setTimeout(240_000);
  const person = newPerson("Cli");
  const slug = await signUp(page, person);
  await connectSandbox(page, slug);

  const result = await runCli(slug);
  expect(result.stderr).toMatch(/The app \(pid \d+\) is running: it runs this sync/);
  expect(result.stderr).not.toContain("in use by another process");
  expect(result.stdout).toContain(person.organizationName);
  expect(result.stdout).toMatch(/Status: (succeeded|partial)/);
  expect(result.code).toBe(0);

  // The app saw the run: it is the organisation's last run.
  const status = (await (await page.request.get(`/api/orgs/${slug}/sync/status`)).json()) as { lastRun: { status: string } | null };
  expect(status.lastRun?.status).toMatch(/succeeded|partial/);
});

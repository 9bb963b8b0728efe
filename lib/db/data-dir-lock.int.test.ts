import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/lib/db/connection";
import { DataDirLockedError, lockPathFor, readLockHolder } from "@/lib/db/data-dir-lock";

const TSX = path.resolve("node_modules/.bin/tsx");
let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "lb-lock-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** What another process gets when it opens the folder: "opened" or the error's name and message. */
function openInAnotherProcess(dataDir: string): Promise<{ outcome: string; message: string }> {
  const script = `(async () => {
    const { openDatabase } = await import(${JSON.stringify(path.resolve("lib/db/connection.ts"))});
    try {
      const handle = await openDatabase({ kind: "pglite", dataDir: ${JSON.stringify(dataDir)} });
      await handle.close();
      console.log(JSON.stringify({ outcome: "opened", message: "" }));
    } catch (error) {
      console.log(JSON.stringify({ outcome: error.name, message: error.message }));
    }
  })();`;
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ["--eval", script], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += String(chunk)));
    child.on("error", reject);
    child.on("exit", () => {
      try {
        resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "") as { outcome: string; message: string });
      } catch {
        reject(new Error(`unexpected output: ${out}`));
      }
    });
  });
}

/** The pid of a process that has exited (so a lock naming it is stale). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

// One on-disk database for the whole file: creating one is slow on a busy machine.
describe("the embedded database's folder is opened by one process at a time", () => {
  let dataDir: string;
  let first: DatabaseHandle;
  beforeAll(async () => {
    dataDir = path.join(root, "held", "pglite");
    first = await openDatabase({ kind: "pglite", dataDir });
    await first.query("create table kept (n int)");
    await first.query("insert into kept values (1)");
  }, 180_000);

  it("writes a lock beside the folder naming this process, readable by its owner only", () => {
    const lockPath = lockPathFor(dataDir);
    expect(statSync(lockPath).mode & 0o777).toBe(0o600);
    const holder = JSON.parse(readFileSync(lockPath, "utf8")) as { pid: number; token: string };
    expect(holder.pid).toBe(process.pid);
    expect(holder.token).toBe(first.lock?.holder.token);
    expect(readLockHolder(dataDir)?.pid).toBe(process.pid);
  });

  it("refuses a second open in this process, naming the holder, and leaves the first one working", async () => {
    const second = openDatabase({ kind: "pglite", dataDir });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(`in use by another process (pid ${process.pid})`);
    expect(await first.query<{ n: number }>("select n from kept")).toEqual([{ n: 1 }]);
    expect(readLockHolder(dataDir)?.token).toBe(first.lock?.holder.token);
  });

  it("refuses another process with a clear error", async () => {
    const result = await openInAnotherProcess(dataDir);
    expect(result.outcome).toBe("DataDirLockedError");
    expect(result.message).toContain(`is in use by another process (pid ${process.pid})`);
    expect(await first.query<{ n: number }>("select n from kept")).toEqual([{ n: 1 }]);
  }, 120_000);

  it("releases the lock on close; a lock left by a process that is gone is taken over", async () => {
    const lockPath = lockPathFor(dataDir);
    await first.close();
    expect(existsSync(lockPath)).toBe(false);

    writeFileSync(lockPath, JSON.stringify({ pid: deadPid(), token: "t".repeat(43), port: 3000, appUrl: "http://localhost:3000", startedAt: new Date().toISOString() }), { mode: 0o600 });
    expect(readLockHolder(dataDir)).toBeNull();
    first = await openDatabase({ kind: "pglite", dataDir });
    expect(readLockHolder(dataDir)?.pid).toBe(process.pid);
    expect(await first.query<{ n: number }>("select n from kept")).toEqual([{ n: 1 }]);
    await first.close();
    expect(existsSync(lockPath)).toBe(false);
  }, 180_000);
});

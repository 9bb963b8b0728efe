import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { SANDBOX_DEFAULTS } from "@/lib/qbo-sandbox";
import type { SandboxTarget } from "@/lib/sync/engine/sandbox-client-factory";
import { SandboxControlClient } from "./sandbox-control";

export type { SandboxStatsView } from "./sandbox-control";

/**
 * The built-in sandbox in a process of its own, driven through its HTTP control API, so a bench
 * measures the sync and not the emulator sharing its CPU (QBO is a remote service, after all).
 */
export class SandboxProcess extends SandboxControlClient implements SandboxTarget {
  readonly sandbox = { options: { clientId: SANDBOX_DEFAULTS.clientId, clientSecret: SANDBOX_DEFAULTS.clientSecret } };

  private constructor(
    url: string,
    private readonly child: ChildProcess,
  ) {
    super(url);
  }

  static async start(options: { throttling: boolean }): Promise<SandboxProcess> {
    const args = ["--import", "tsx", "lib/scripts/sandbox.ts", "--port", "0", "--memory", "--empty", ...(options.throttling ? [] : ["--no-throttle"])];
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const exited = once(child, "exit").then(([code]) => {
      throw new Error(`the sandbox process exited (code ${String(code)}) before it was ready`);
    });
    const ready = (async () => {
      for await (const line of lines) {
        const match = /QBO sandbox listening on (\S+)/.exec(line);
        if (match?.[1]) return match[1];
      }
      throw new Error("the sandbox process closed its output before it was ready");
    })();
    const url = await Promise.race([ready, exited]);
    lines.on("line", () => undefined); // keep draining its output
    return new SandboxProcess(url, child);
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = once(this.child, "exit");
    this.child.kill("SIGTERM");
    await exited;
  }
}

/**
 * QBO never forgets a write it confirmed nor a requestid it answered: neither may the sandbox. A
 * real sandbox process (`npm run sandbox`) is killed with SIGKILL the instant it has answered, and
 * what it said must still be true after the restart.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { startSandboxServer } from "./server";
import { parseResult } from "./test-support";

const dir = mkdtempSync(join(tmpdir(), "qbo-sandbox-durable-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

async function startSandboxProcess(statePath: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/scripts/sandbox.ts", "--port", "0", "--no-throttle", "--empty", "--state", statePath], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const match = /QBO sandbox listening on (\S+)/.exec(line);
    if (match?.[1]) {
      lines.on("line", () => undefined);
      return { url: match[1], child };
    }
  }
  throw new Error("the sandbox process closed its output before it was ready");
}

async function post(url: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe("a sandbox killed right after it answered", () => {
  it("still holds every confirmed write, every answered requestid and its id counter", { timeout: 60_000 }, async () => {
    const statePath = join(dir, "state.json");
    const { url, child } = await startSandboxProcess(statePath);
    const { realmId } = (await post(`${url}/_sandbox/companies`, { name: "Durable Co", seed: { vendors: 2, customers: 2, bills: 3, invoices: 3 } })) as { realmId: string };
    const tokens = (await post(`${url}/_sandbox/companies/${realmId}/tokens`, {})) as { access_token: string };
    const api = `${url}/v3/company/${realmId}`;
    const single = (await post(`${api}/vendor?requestid=durable-single`, { DisplayName: "Confirmed Vendor" }, tokens.access_token)) as { Vendor: { Id: string } };
    const batch = (await post(
      `${api}/batch?requestid=durable-batch`,
      { BatchItemRequest: [{ bId: "b1", operation: "create", Customer: { DisplayName: "Confirmed Customer" } }] },
      tokens.access_token,
    )) as { BatchItemResponse: Array<{ Customer: { Id: string } }> };
    // No grace period: the process dies the moment the last answer is in.
    child.kill("SIGKILL");
    await once(child, "exit");

    const restarted = await startSandboxServer({ persistPath: statePath, throttling: false });
    try {
      const vendorId = single.Vendor.Id;
      const customerId = batch.BatchItemResponse[0]!.Customer.Id;
      expect(restarted.sandbox.getRecord(realmId, "Vendor", vendorId)?.["DisplayName"]).toBe("Confirmed Vendor");
      expect(restarted.sandbox.getRecord(realmId, "Customer", customerId)?.["DisplayName"]).toBe("Confirmed Customer");

      // The access token issued before the crash still works, and the same requestids replay.
      const headers = { authorization: `Bearer ${tokens.access_token}`, "content-type": "application/json", accept: "application/json" };
      const replayed = await parseResult(
        await fetch(`${restarted.url}/v3/company/${realmId}/vendor?requestid=durable-single`, { method: "POST", headers, body: JSON.stringify({ DisplayName: "Confirmed Vendor" }) }),
      );
      expect(replayed.status).toBe(200);
      expect((replayed.body["Vendor"] as { Id: string }).Id).toBe(vendorId);
      const replayedBatch = await parseResult(
        await fetch(`${restarted.url}/v3/company/${realmId}/batch?requestid=durable-batch`, {
          method: "POST",
          headers,
          body: JSON.stringify({ BatchItemRequest: [{ bId: "b1", operation: "create", Customer: { DisplayName: "Confirmed Customer" } }] }),
        }),
      );
      expect((replayedBatch.body["BatchItemResponse"] as Array<{ Customer: { Id: string } }>)[0]?.Customer.Id).toBe(customerId);
      expect(restarted.sandbox.getStats(realmId).writes).toBe(0);

      // A new object never reuses an id handed out before the crash.
      const fresh = await parseResult(
        await fetch(`${restarted.url}/v3/company/${realmId}/vendor?requestid=durable-new`, { method: "POST", headers, body: JSON.stringify({ DisplayName: "After The Crash" }) }),
      );
      expect(Number((fresh.body["Vendor"] as { Id: string }).Id)).toBeGreaterThan(Math.max(Number(vendorId), Number(customerId)));
    } finally {
      await restarted.close();
    }
    // The state file holds live tokens: readable by its owner only.
    expect(statSync(statePath).mode & 0o777).toBe(0o600);
  });
});

class Crash extends Error {}

describe("a crash inside the sandbox's own write", () => {
  async function world(path: string, crashAt?: string) {
    let armed = false;
    const server = await startSandboxServer({
      persistPath: path,
      throttling: false,
      durabilityHook: (point) => {
        if (armed && point === crashAt) throw new Crash(point);
      },
    });
    const { realmId } = server.sandbox.createCompany({ name: "Torn Co" });
    const { access_token } = server.sandbox.issueTokens(realmId);
    const write = (requestId: string, name: string) =>
      fetch(`${server.url}/v3/company/${realmId}/vendor?requestid=${requestId}`, {
        method: "POST",
        headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ DisplayName: name }),
      }).then(parseResult);
    return { server, realmId, access_token, write, arm: () => (armed = true) };
  }

  it("a journal line torn by the crash was never answered: it is dropped, and the journal goes on", async () => {
    const path = join(dir, "torn.json");
    const first = await world(path, "journal:torn-write");
    const kept = await first.write("torn-1", "Kept Vendor");
    first.arm();
    const torn = await first.write("torn-2", "Torn Vendor");
    // The client saw no answer of QBO's (a system fault), so it will retry with the same id.
    expect(torn.status).toBe(500);
    // The process "died" here: nothing more of its memory reaches the disk.
    first.server.sandbox.close = () => undefined;
    await first.server.close();

    const second = await startSandboxServer({ persistPath: path, throttling: false });
    const names = (id: string) => second.sandbox.getRecord(first.realmId, "Vendor", id)?.["DisplayName"];
    const keptId = (kept.body["Vendor"] as { Id: string }).Id;
    expect(names(keptId)).toBe("Kept Vendor");
    expect(second.sandbox.listCompanies()[0]?.counts.Vendor).toBe(1);
    const retry = await fetch(`${second.url}/v3/company/${first.realmId}/vendor?requestid=torn-2`, {
      method: "POST",
      headers: { authorization: `Bearer ${first.access_token}`, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ DisplayName: "Torn Vendor" }),
    }).then(parseResult);
    expect(retry.status).toBe(200);
    await second.close();

    const third = await startSandboxServer({ persistPath: path, throttling: false });
    expect(third.sandbox.listCompanies()[0]?.counts.Vendor).toBe(2);
    await third.close();
  });

  it("a crash between a checkpoint and emptying the journal applies nothing twice", async () => {
    const path = join(dir, "checkpoint.json");
    const first = await world(path, "checkpoint:after-rename");
    const before = await first.write("cp-1", "Before Checkpoint");
    first.arm();
    // A control operation checkpoints; the crash leaves the old journal beside the new checkpoint.
    expect(() => first.server.sandbox.updateSettings(first.realmId, { companyName: "Renamed Co" })).toThrow(Crash);
    first.server.sandbox.close = () => undefined;
    await first.server.close();

    const second = await startSandboxServer({ persistPath: path, throttling: false });
    const beforeId = (before.body["Vendor"] as { Id: string }).Id;
    expect(second.sandbox.getRecord(first.realmId, "Vendor", beforeId)?.["SyncToken"]).toBe("0");
    expect(second.sandbox.listCompanies()[0]?.companyName).toBe("Renamed Co");
    expect(second.sandbox.listCompanies()[0]?.counts.Vendor).toBe(1);
    await second.close();
  });
});

/**
 * Network faults over real sockets: a connection closed by the peer (a keep-alive race, a reset)
 * on a read, on a requestid-carrying write, on a token refresh and on a sandbox control call is
 * survived, and the sandbox server keeps idle connections open longer than it tells clients to.
 */
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxServer, type SandboxServer } from "@/lib/qbo-sandbox";
import { SandboxControlClient } from "@/lib/sync/bench/sandbox-control";
import { sandboxClientFactory } from "@/lib/sync/engine/sandbox-client-factory";
import { startFlakyProxy, type DropMode, type FlakyProxy } from "@/lib/testing/flaky-proxy";

let server: SandboxServer;
const proxies: FlakyProxy[] = [];

beforeAll(async () => {
  server = await startSandboxServer({ port: 0, throttling: false });
});
afterAll(async () => {
  for (const proxy of proxies) await proxy.close();
  await server?.close();
});

/** A proxy in front of the sandbox that drops the first request matching `match`. */
async function proxyDroppingFirst(match: (method: string, url: string) => boolean, mode: DropMode): Promise<FlakyProxy> {
  let dropped = false;
  const proxy = await startFlakyProxy(server.url, ({ method, url }) => {
    if (dropped || !match(method, url)) return undefined;
    dropped = true;
    return mode;
  });
  proxies.push(proxy);
  return proxy;
}

async function clientThrough(proxy: FlakyProxy) {
  const { realmId } = server.sandbox.createCompany({ name: "Flaky Network Co" });
  const qbo = sandboxClientFactory({ url: proxy.url, sandbox: server.sandbox });
  qbo.connect("org-1", realmId);
  const connection = await qbo.factory("org-1");
  return { realmId, client: connection!.client };
}

describe("a connection closed by the peer", () => {
  it("on a read: the read is sent again and answers", { timeout: 30_000 }, async () => {
    const proxy = await proxyDroppingFirst((method, url) => method === "GET" && url.includes("/query"), "before-forward");
    const { client } = await clientThrough(proxy);
    expect(await client.count("Account")).toBeGreaterThan(0);
    expect(proxy.seen.filter((r) => r.url.includes("/query")).length).toBe(2);
  });

  it("on a write QBO took but whose answer was lost: sent again with the same requestid, written once", { timeout: 30_000 }, async () => {
    const proxy = await proxyDroppingFirst((method, url) => method === "POST" && url.includes("/batch"), "after-response");
    const { realmId, client } = await clientThrough(proxy);
    const [result] = await client.batch([{ operation: "create", entity: "Vendor", body: { DisplayName: "Lost Answer Vendor" } }], { requestId: "0f5e2a8c-3b1d-4c6e-9a7f-2d4b6c8e0a1f" });
    expect(result?.ok).toBe(true);
    const sent = proxy.seen.filter((r) => r.url.includes("/batch"));
    expect(sent.map((r) => new URL(r.url, "http://x").searchParams.get("requestid"))).toEqual([
      "0f5e2a8c-3b1d-4c6e-9a7f-2d4b6c8e0a1f",
      "0f5e2a8c-3b1d-4c6e-9a7f-2d4b6c8e0a1f",
    ]);
    expect(await client.count("Vendor", "DisplayName = 'Lost Answer Vendor'")).toBe(1);
    expect(server.sandbox.getStats(realmId).writes).toBe(1);
  });

  it("on a token refresh: the refresh is sent again and the request goes through", { timeout: 30_000 }, async () => {
    const proxy = await proxyDroppingFirst((method, url) => method === "POST" && url.includes("/oauth2/v1/tokens/bearer"), "before-forward");
    const { realmId, client } = await clientThrough(proxy);
    server.sandbox.injectFault({ kind: "expire-tokens", realmId });
    expect(await client.count("Account")).toBeGreaterThan(0);
    expect(proxy.seen.filter((r) => r.url.includes("/tokens/bearer")).length).toBe(2);
  });

  it("on a sandbox control call (the bench's): the call is sent again", { timeout: 30_000 }, async () => {
    const proxy = await proxyDroppingFirst((method, url) => method === "GET" && url.includes("/_sandbox/companies/"), "before-forward");
    const control = new SandboxControlClient(proxy.url);
    const { realmId } = await control.createCompany({ vendors: 1, customers: 1, bills: 0, invoices: 0 });
    expect((await control.counts(realmId)).Vendor).toBe(server.sandbox.listCompanies().find((c) => c.realmId === realmId)?.counts.Vendor);
    expect(proxy.seen.filter((r) => r.url.includes(`/_sandbox/companies/${realmId}`)).length).toBe(2);
  });
});

describe("the sandbox server's keep-alive", () => {
  it("keeps an idle connection open past the idle time it tells clients, so a client never reuses a socket the server is closing", { timeout: 30_000 }, async () => {
    const { hostname, port } = new URL(server.url);
    const socket = connect(Number(port), hostname);
    const answers: string[] = [];
    socket.on("data", (chunk: Buffer) => answers.push(chunk.toString("utf8")));
    const ask = () => socket.write(`GET /_sandbox/health HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: keep-alive\r\n\r\n`);
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    ask();
    await waitUntil(() => answers.join("").includes('"ok":true'));
    const advertised = Number(/keep-alive: timeout=(\d+)/i.exec(answers.join(""))?.[1]);
    expect(advertised).toBeGreaterThan(0);
    // Idle a little longer than advertised: the server must still hold the connection.
    await new Promise((resolve) => setTimeout(resolve, advertised * 1000 + 1500));
    expect(socket.destroyed || socket.readyState !== "open").toBe(false);
    answers.length = 0;
    ask();
    await waitUntil(() => answers.join("").includes('"ok":true'));
    socket.destroy();
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(condition()).toBe(true);
}

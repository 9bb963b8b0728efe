import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultCode, get, startFixture, type SandboxFixture } from "./test-support";
import { Throttle } from "./throttle";

describe("Throttle (in-process)", () => {
  it("allows 500 requests per sliding minute", () => {
    const throttle = new Throttle();
    for (let i = 0; i < 500; i += 1) {
      expect(throttle.tryEnter("r", false, 1_000 + i)).toBe(true);
      throttle.leave("r");
    }
    expect(throttle.tryEnter("r", false, 2_000)).toBe(false);
    expect(throttle.tryEnter("other-realm", false, 2_000)).toBe(true);
    expect(throttle.tryEnter("r", false, 61_001)).toBe(true);
  });

  it("allows 10 in flight and 40 batches per minute", () => {
    const throttle = new Throttle();
    for (let i = 0; i < 10; i += 1) expect(throttle.tryEnter("r", false, 0)).toBe(true);
    expect(throttle.tryEnter("r", false, 0)).toBe(false);
    throttle.leave("r");
    expect(throttle.tryEnter("r", false, 0)).toBe(true);
    const batches = new Throttle();
    for (let i = 0; i < 40; i += 1) {
      expect(batches.tryEnter("r", true, i)).toBe(true);
      batches.leave("r");
    }
    expect(batches.tryEnter("r", true, 100)).toBe(false);
    expect(batches.tryEnter("r", false, 100)).toBe(true);
  });
});

describe("throttling over HTTP", () => {
  let fx: SandboxFixture;
  beforeAll(async () => {
    fx = await startFixture({ throttling: true });
  });
  afterAll(async () => fx.close());

  it("answers 429 / 3001 when more than 10 requests are in flight", async () => {
    fx.server.sandbox.injectFault({ realmId: fx.realmId, kind: "slow", count: 15, delayMs: 400 });
    const results = await Promise.all(Array.from({ length: 15 }, () => fx.api(`/companyinfo/${fx.realmId}`)));
    fx.server.sandbox.clearFaults();
    const throttled = results.filter((result) => result.status === 429);
    expect(results.filter((result) => result.status === 200)).toHaveLength(10);
    expect(throttled).toHaveLength(5);
    const first = throttled[0];
    expect(first && faultCode(first)).toBe("3001");
    expect(first && get(first.body, "Fault", "type")).toBe("SERVICE");
    expect(first?.headers.get("retry-after")).toBeNull();
    expect(first?.headers.get("intuit_tid")).toBeTruthy();
    expect(fx.server.sandbox.getStats(fx.realmId).throttled).toBe(5);
  });

  it("limits batch requests to 40 per minute and can be switched off", async () => {
    const batch = { BatchItemRequest: [{ bId: "1", Query: "select count(*) from Account" }] };
    for (let i = 0; i < 40; i += 1) expect((await fx.api("/batch", { body: batch })).status).toBe(200);
    const over = await fx.api("/batch", { body: batch });
    expect(over.status).toBe(429);
    expect((await fx.api("/preferences")).status).toBe(200);
    await fetch(`${fx.server.url}/_sandbox/throttling`, { method: "POST", body: JSON.stringify({ enabled: false }) });
    expect((await fx.api("/batch", { body: batch })).status).toBe(200);
  });
});

describe("injected faults", () => {
  let fx: SandboxFixture;
  beforeAll(async () => {
    fx = await startFixture();
  });
  afterAll(async () => fx.close());

  it("returns an XML 500, an HTML 503 and a 429, each for `count` matching requests", async () => {
    fx.server.sandbox.injectFault({ kind: "500", pathMatch: "/query" });
    const preferences = await fx.api("/preferences");
    expect(preferences.status).toBe(200);
    const xml = await fx.query("select * from Account");
    expect(xml.status).toBe(500);
    expect(xml.headers.get("content-type")).toContain("xml");
    expect(xml.text).toContain("<IntuitResponse");
    expect((await fx.query("select * from Account")).status).toBe(200);

    fx.server.sandbox.injectFault({ realmId: fx.realmId, kind: "503", count: 2 });
    expect((await fx.api("/preferences")).status).toBe(503);
    expect((await fx.api("/preferences")).status).toBe(503);
    expect((await fx.api("/preferences")).status).toBe(200);

    await fetch(`${fx.server.url}/_sandbox/faults`, { method: "POST", body: JSON.stringify({ kind: "429" }) });
    const throttled = await fx.api("/preferences");
    expect([throttled.status, faultCode(throttled)]).toEqual([429, "3001"]);
    const stats = fx.server.sandbox.getStats(fx.realmId);
    expect(stats.injectedFaults).toBe(4);
  });

  it("delays slow requests and times out others; a client abort ends the wait", async () => {
    fx.server.sandbox.injectFault({ kind: "slow", delayMs: 250 });
    const started = Date.now();
    expect((await fx.api("/preferences")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);

    fx.server.sandbox.injectFault({ kind: "timeout", delayMs: 150 });
    expect((await fx.api("/preferences")).status).toBe(504);

    fx.server.sandbox.injectFault({ kind: "timeout" });
    const aborted = fetch(`${fx.server.url}/v3/company/${fx.realmId}/preferences`, {
      headers: { authorization: `Bearer ${fx.accessToken}` },
      signal: AbortSignal.timeout(200),
    });
    await expect(aborted).rejects.toThrow();
    expect((await fx.api("/preferences")).status).toBe(200);
  });

  it("validates control input", async () => {
    const bad = await fetch(`${fx.server.url}/_sandbox/faults`, { method: "POST", body: JSON.stringify({ kind: "418" }) });
    expect(bad.status).toBe(400);
    const unknownRealm = await fetch(`${fx.server.url}/_sandbox/companies/123/stats`);
    expect(unknownRealm.status).toBe(404);
  });
});

import { describe, expect, it } from "vitest";
import { builtInSandboxEndpoints } from "@/lib/qbo/config";
import { QboError } from "@/lib/qbo/errors";
import { DEFAULT_RETRY, QboHttp, retryDelayMs, type QboHttpConfig } from "@/lib/qbo/http";
import { unlimitedRateBudget, type RateBudget } from "@/lib/qbo/limiter";
import { fault, fixedTokenProvider, jsonResponse, scriptedFetch, type FetchHandler } from "@/lib/qbo/test-support";

const endpoints = builtInSandboxEndpoints("http://127.0.0.1:9999/");

function setup(handler: FetchHandler, overrides: Partial<QboHttpConfig> = {}) {
  const fake = scriptedFetch(handler);
  const tokens = fixedTokenProvider();
  const sleeps: number[] = [];
  const logs: { message: string; fields: Record<string, unknown> }[] = [];
  const http = new QboHttp({
    endpoints,
    realmId: "9130",
    tokenProvider: tokens.provider,
    limiter: unlimitedRateBudget,
    fetch: fake.fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    logger: {
      info: (message, fields) => logs.push({ message, fields }),
      warn: (message, fields) => logs.push({ message, fields }),
    },
    ...overrides,
  });
  return { http, calls: fake.calls, refreshes: tokens.refreshes, sleeps, logs };
}

async function caught(promise: Promise<unknown>): Promise<QboError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof QboError) return error;
    throw error;
  }
  throw new Error("expected a QboError");
}

describe("retryDelayMs", () => {
  it("uses full jitter for transient errors, growing and capped", () => {
    expect(retryDelayMs("transient", 1, DEFAULT_RETRY, () => 0)).toBe(0);
    expect(retryDelayMs("transient", 1, DEFAULT_RETRY, () => 1)).toBe(500);
    expect(retryDelayMs("transient", 3, DEFAULT_RETRY, () => 1)).toBe(2000);
    expect(retryDelayMs("transient", 20, DEFAULT_RETRY, () => 1)).toBe(30_000);
  });

  it("waits at least ~1 s on throttling, growing to 60 s", () => {
    expect(retryDelayMs("throttle", 1, DEFAULT_RETRY, () => 0)).toBe(1000);
    expect(retryDelayMs("throttle", 1, DEFAULT_RETRY, () => 1)).toBe(1000);
    expect(retryDelayMs("throttle", 3, DEFAULT_RETRY, () => 0)).toBe(1000);
    expect(retryDelayMs("throttle", 3, DEFAULT_RETRY, () => 1)).toBe(4000);
    expect(retryDelayMs("throttle", 10, DEFAULT_RETRY, () => 1)).toBe(60_000);
  });
});

describe("QboHttp", () => {
  it("sends auth, accept, minorversion and logs intuit_tid", async () => {
    const { http, calls, logs } = setup(() => jsonResponse(200, { ok: true }, { intuit_tid: "tid-abc" }));
    const response = await http.send({ method: "POST", path: "bill", params: { requestid: "r1" }, body: { a: 1 } });
    expect(response).toEqual({ status: 200, json: { ok: true }, intuitTid: "tid-abc" });
    const [call] = calls;
    expect(call?.url.toString()).toBe("http://127.0.0.1:9999/v3/company/9130/bill?requestid=r1&minorversion=75");
    expect(call?.headers.get("authorization")).toBe("Bearer token-1");
    expect(call?.headers.get("accept")).toBe("application/json");
    expect(call?.headers.get("content-type")).toBe("application/json");
    expect(call?.body).toBe('{"a":1}');
    expect(logs[0]).toMatchObject({ message: "qbo.request", fields: { intuitTid: "tid-abc", status: 200 } });
  });

  it("retries 429 with growing waits then succeeds, reusing the same URL (same requestid)", async () => {
    const { http, calls, sleeps } = setup((_, i) =>
      i < 3 ? jsonResponse(429, fault("3001", "ThrottleExceeded", "SERVICE")) : jsonResponse(200, { done: true }),
    );
    const response = await http.send({ method: "POST", path: "bill", params: { requestid: "same" }, body: {} });
    expect(response.json).toEqual({ done: true });
    expect(calls).toHaveLength(4);
    expect(new Set(calls.map((c) => c.url.toString())).size).toBe(1);
    expect(sleeps).toEqual([1000, 1500, 2500]);
  });

  it("survives an XML throttling body", async () => {
    const xml = `<IntuitResponse><Fault type="SERVICE"><Error code="3001"><Message>message=ThrottleExceeded</Message></Error></Fault></IntuitResponse>`;
    const { http, calls } = setup((_, i) => (i === 0 ? new Response(xml, { status: 429 }) : jsonResponse(200, {})));
    await http.send({ method: "GET", path: "preferences" });
    expect(calls).toHaveLength(2);
  });

  it("retries 5xx and network errors, then gives up after maxAttempts", async () => {
    const { http, calls, sleeps } = setup(
      (_, i) => {
        if (i % 2 === 0) throw new TypeError("fetch failed");
        return new Response("<html>Bad gateway</html>", { status: 502 });
      },
      { retry: { maxAttempts: 4 } },
    );
    const error = await caught(http.send({ method: "GET", path: "preferences" }));
    expect(calls).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
    expect(error).toMatchObject({ code: "HTTP_502", kind: "transient" });
  });

  it("does not retry validation faults, even inside HTTP 200", async () => {
    const { http, calls } = setup(() => jsonResponse(200, fault("6240", "Duplicate Name Exists Error")));
    const error = await caught(http.send({ method: "POST", path: "vendor", body: {} }));
    expect(error).toMatchObject({ code: "6240", kind: "duplicate", httpStatus: 200 });
    expect(calls).toHaveLength(1);
  });

  it("refreshes once on 401 and retries with the new token", async () => {
    const lower = { fault: { error: [{ message: "AuthenticationFailed", detail: "Token expired", code: "3200" }], type: "AUTHENTICATION" } };
    const { http, calls, refreshes, sleeps } = setup((request) =>
      request.headers.get("authorization") === "Bearer token-1" ? jsonResponse(401, lower) : jsonResponse(200, { ok: 1 }),
    );
    await http.send({ method: "GET", path: "preferences" });
    expect(refreshes).toEqual(["token-1"]);
    expect(calls.map((c) => c.headers.get("authorization"))).toEqual(["Bearer token-1", "Bearer token-2"]);
    expect(sleeps).toEqual([]);
  });

  it("gives up after a second 401", async () => {
    const { http, calls, refreshes } = setup(() => new Response("", { status: 401 }));
    const error = await caught(http.send({ method: "GET", path: "preferences" }));
    expect(error.kind).toBe("auth");
    expect(refreshes).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it("times out a hanging request and retries it", async () => {
    const aborted: number[] = [];
    let calls = 0;
    const http = new QboHttp({
      endpoints,
      realmId: "9130",
      tokenProvider: fixedTokenProvider().provider,
      limiter: unlimitedRateBudget,
      timeoutMs: 20,
      sleep: async () => undefined,
      // First call hangs until its signal aborts (as a real fetch would reject); second answers.
      fetch: (async (_input: string | URL | Request, init?: RequestInit) => {
        const index = calls++;
        if (index > 0) return jsonResponse(200, { late: false });
        return new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener("abort", () => {
            aborted.push(index);
            reject(new DOMException("aborted", "AbortError"));
          });
        });
      }) as typeof fetch,
    });
    const response = await http.send({ method: "GET", path: "preferences" });
    expect(response.json).toEqual({ late: false });
    expect(aborted).toEqual([0]);
    expect(calls).toBe(2);
  });

  it("reports a timeout as a transient TIMEOUT error when retries run out", async () => {
    const http = new QboHttp({
      endpoints,
      realmId: "9130",
      tokenProvider: fixedTokenProvider().provider,
      limiter: unlimitedRateBudget,
      timeoutMs: 10,
      retry: { maxAttempts: 1 },
      fetch: ((_: string | URL | Request, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
        })) as typeof fetch,
    });
    const error = await caught(http.send({ method: "GET", path: "preferences" }));
    expect(error).toMatchObject({ code: "TIMEOUT", kind: "transient", httpStatus: 0 });
  });

  it("takes a rate-budget slot per attempt and always releases it", async () => {
    let held = 0;
    let acquired = 0;
    const limiter: RateBudget = {
      acquire: async (kind) => {
        expect(kind).toBe("batch");
        acquired++;
        held++;
        return () => {
          held--;
        };
      },
    };
    const { http } = setup((_, i) => (i === 0 ? jsonResponse(503, {}) : jsonResponse(200, {})), { limiter });
    await http.send({ method: "POST", path: "batch", body: {}, kind: "batch" });
    expect(acquired).toBe(2);
    expect(held).toBe(0);
  });

  it("sends raw text bodies with their content type", async () => {
    const { http, calls } = setup(() => jsonResponse(200, { QueryResponse: {} }));
    await http.send({ method: "POST", path: "query", body: "SELECT * FROM Bill", contentType: "application/text" });
    expect(calls[0]?.body).toBe("SELECT * FROM Bill");
    expect(calls[0]?.headers.get("content-type")).toBe("application/text");
  });

  it("rejects a non-JSON success body as fatal", async () => {
    const { http } = setup(() => new Response("hello", { status: 200 }));
    expect(await caught(http.send({ method: "GET", path: "preferences" }))).toMatchObject({ code: "invalid_response", kind: "fatal" });
  });
});

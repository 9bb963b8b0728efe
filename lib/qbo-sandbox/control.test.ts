import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createQboSandbox, toRouteHandlers } from "./sandbox";
import { startSandboxServer, type SandboxServer } from "./server";
import { get, parseResult } from "./test-support";

let server: SandboxServer;

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}/_sandbox${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return parseResult(response);
}

beforeAll(async () => {
  server = await startSandboxServer({ basePath: "/qbo-sandbox/", throttling: false });
});
afterAll(async () => server.close());

describe("control API over HTTP", () => {
  it("creates, lists, seeds and describes companies", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/qbo-sandbox$/);
    const created = await control("POST", "/companies", { name: "Control Co", seed: { vendors: 4, customers: 4, bills: 20, invoices: 20, randomSeed: 11 } });
    expect(created.status).toBe(200);
    const realmId = String(created.body["realmId"]);
    expect(realmId).toMatch(/^\d{16}$/);
    const list = await control("GET", "/companies");
    expect(get(list.body, "companies", 0, "counts", "Bill")).toBe(20);
    const one = await control("GET", `/companies/${realmId}`);
    expect(get(one.body, "companyName")).toBe("Control Co");
    expect(get(one.body, "settings", "duplicateDocNumberCheck")).toBe(true);
    const invalid = await control("POST", "/companies", { seed: { bills: -1 } });
    expect(invalid.status).toBe(400);
  });

  it("acts as a QBO user, counts requests per kind and resets counters", async () => {
    const { realmId } = server.sandbox.createCompany({ name: "Stats Co" });
    const tokens = (await control("POST", `/companies/${realmId}/tokens`)).body;
    const auth = { authorization: `Bearer ${String(tokens["access_token"])}` };
    const base = `${server.url}/v3/company/${realmId}`;
    await fetch(`${base}/query?query=${encodeURIComponent("select * from Account")}`, { headers: auth });
    await fetch(`${base}/preferences`, { headers: auth });
    await fetch(`${base}/vendor`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ DisplayName: "Counted Vendor" }) });
    await fetch(`${base}/vendor/1`, { headers: { authorization: "Bearer nope" } });
    const stats = (await control("GET", `/companies/${realmId}/stats`)).body;
    expect(stats).toMatchObject({ total: 4, writes: 1, unauthorized: 1, byKind: { query: 1, preferences: 1, write: 1, read: 1 } });

    const acted = await control("POST", `/companies/${realmId}/act`, { type: "create", entity: "Customer", fields: { DisplayName: "Walk-in Customer" } });
    expect(get(acted.body, "results", 0, "DisplayName")).toBe("Walk-in Customer");
    expect(get(acted.body, "changes", 0, "operation")).toBe("Create");
    const customerId = String(get(acted.body, "results", 0, "Id"));
    const deactivated = await control("POST", `/companies/${realmId}/act`, { actions: [{ type: "deactivate", entity: "Customer", id: customerId }] });
    expect(get(deactivated.body, "results", 0, "SyncToken")).toBe("1");
    const failing = await control("POST", `/companies/${realmId}/act`, { actions: [{ type: "create", entity: "Vendor", fields: { DisplayName: "Counted Vendor" } }] });
    expect(failing.status).toBe(400);
    expect(get(failing.body, "Fault", "Error", 0, "code")).toBe("6240");
    const record = await control("GET", `/companies/${realmId}/records/customer/${customerId}`);
    expect(record.body["DisplayName"]).toBe("Walk-in Customer (deleted)");

    const reset = await control("POST", `/companies/${realmId}/stats/reset`);
    expect(reset.body["total"]).toBe(0);
    const settings = await control("POST", `/companies/${realmId}/settings`, { bookCloseDate: "2025-12-31", duplicateDocNumberCheck: false });
    expect(settings.body).toMatchObject({ bookCloseDate: "2025-12-31", duplicateDocNumberCheck: false });
  });

  it("advances the clock, reports health, resets everything and 404s unknown routes", async () => {
    const before = Date.parse(String((await control("GET", "/health")).body["now"]));
    const advanced = await control("POST", "/clock", { advanceMs: 3_600_000 });
    expect(Date.parse(String(advanced.body["now"])) - before).toBeGreaterThanOrEqual(3_600_000);
    expect((await control("POST", "/reset")).status).toBe(200);
    expect(get((await control("GET", "/companies")).body, "companies")).toEqual([]);
    expect((await control("GET", "/nothing-here")).status).toBe(404);
    expect((await fetch(`${server.url.replace("/qbo-sandbox", "")}/elsewhere`)).status).toBe(404);
  });
});

describe("in-process handle (Next.js route handlers)", () => {
  it("serves Fetch requests under basePath without a server", async () => {
    const sandbox = createQboSandbox({ basePath: "/qbo-sandbox", throttling: false });
    const { realmId } = sandbox.createCompany({ name: "Route Co" });
    const tokens = sandbox.issueTokens(realmId);
    const { GET } = toRouteHandlers(sandbox);
    const response = await GET(
      new Request(`http://localhost:3000/qbo-sandbox/v3/company/${realmId}/companyinfo/${realmId}?minorversion=75`, {
        headers: { authorization: `Bearer ${tokens.access_token}`, accept: "application/json" },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("intuit_tid")).toBeTruthy();
    const body = (await response.json()) as { CompanyInfo: { CompanyName: string } };
    expect(body.CompanyInfo.CompanyName).toBe("Route Co");
  });
});

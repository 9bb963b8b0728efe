import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createQboSandbox, type SandboxCaller } from "./sandbox";

// The sandbox as an app mounts it for several organisations: the app vouches for who is asking.
const BASE = "http://app.test/qbo-sandbox";
const REDIRECT_URI = "http://app.test/api/qbo/callback";
const dir = mkdtempSync(join(tmpdir(), "qbo-tenancy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const authorizeParams = (state: string) =>
  new URLSearchParams({ client_id: "ledgerbridge-sandbox-client", response_type: "code", scope: "com.intuit.quickbooks.accounting", redirect_uri: REDIRECT_URI, state });

function setUp() {
  const sandbox = createQboSandbox({ basePath: "/qbo-sandbox", throttling: false });
  const a = sandbox.createCompany({ name: "Alpha Books", tenant: "org-a" });
  const b = sandbox.createCompany({ name: "Beta Books", tenant: "org-b" });
  const callerA: SandboxCaller = { tenants: ["org-a"], newCompany: { tenant: "org-a", name: "Alpha (QuickBooks sandbox)" } };
  return { sandbox, a, b, callerA };
}

async function consentPage(sandbox: ReturnType<typeof createQboSandbox>, caller: SandboxCaller) {
  const response = await sandbox.handle(new Request(`${BASE}/oauth2/authorize?${authorizeParams("st")}`), caller);
  return { status: response.status, html: await response.text() };
}

async function decide(sandbox: ReturnType<typeof createQboSandbox>, caller: SandboxCaller, fields: Record<string, string>) {
  const params = authorizeParams("st");
  params.delete("response_type");
  for (const [key, value] of Object.entries(fields)) params.set(key, value);
  return sandbox.handle(
    new Request(`${BASE}/oauth2/authorize`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body: params.toString() }),
    caller,
  );
}

describe("consent page for one tenant", () => {
  it("shows only the asking tenant's company, never another's name or realm id", async () => {
    const { sandbox, a, b, callerA } = setUp();
    const page = await consentPage(sandbox, callerA);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Connect to Alpha Books");
    expect(page.html).toContain(a.realmId);
    expect(page.html).not.toContain("Beta Books");
    expect(page.html).not.toContain(b.realmId);
  });

  it("approves only the tenant's own company: another tenant's realm gets no code", async () => {
    const { sandbox, a, b, callerA } = setUp();
    const refused = await decide(sandbox, callerA, { decision: "approve", realmId: b.realmId });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("location")).toBeNull();
    const approved = await decide(sandbox, callerA, { decision: "approve", realmId: a.realmId });
    expect(approved.status).toBe(302);
    expect(new URL(approved.headers.get("location")!).searchParams.get("realmId")).toBe(a.realmId);
  });

  it("offers a tenant without a company to create its own, once", async () => {
    const { sandbox } = setUp();
    const caller: SandboxCaller = { tenants: ["org-c"], newCompany: { tenant: "org-c", name: "Gamma (QuickBooks sandbox)" } };
    const page = await consentPage(sandbox, caller);
    expect(page.html).toContain('value="Gamma (QuickBooks sandbox)"');
    expect(page.html).not.toContain("Alpha Books");
    const created = await decide(sandbox, caller, { decision: "create", company_name: "Gamma (QuickBooks sandbox)" });
    expect(created.status).toBe(302);
    const realmId = new URL(created.headers.get("location")!).searchParams.get("realmId")!;
    expect(sandbox.listCompanies().find((company) => company.realmId === realmId)).toMatchObject({ companyName: "Gamma (QuickBooks sandbox)", tenant: "org-c" });
    // A second "create" for the same tenant makes no second company.
    const again = await decide(sandbox, caller, { decision: "create", company_name: "Another" });
    expect(again.status).toBe(400);
    expect(sandbox.listCompanies().filter((company) => company.tenant === "org-c")).toHaveLength(1);
  });

  it("shows nothing to a caller the app vouches for no tenant (signed out, not an admin, forged state)", async () => {
    const { sandbox } = setUp();
    const page = await consentPage(sandbox, { tenants: [] });
    expect(page.status).toBe(403);
    expect(page.html).not.toContain("Alpha Books");
    expect(page.html).not.toContain("Beta Books");
    expect((await decide(sandbox, { tenants: [] }, { decision: "create", company_name: "Sneaky" })).status).toBe(403);
  });
});

describe("control API for one tenant", () => {
  const call = (sandbox: ReturnType<typeof createQboSandbox>, caller: SandboxCaller, method: string, path: string) =>
    sandbox.handle(new Request(`${BASE}/_sandbox${path}`, { method }), caller);

  it("reaches only the tenant's companies; whole-sandbox routes need the global grant", async () => {
    const { sandbox, a, b, callerA } = setUp();
    expect((await call(sandbox, callerA, "POST", `/companies/${a.realmId}/tokens`)).status).toBe(200);
    expect((await call(sandbox, callerA, "POST", `/companies/${b.realmId}/tokens`)).status).toBe(404);
    expect((await call(sandbox, callerA, "GET", `/companies/${b.realmId}/records/CompanyInfo/1`)).status).toBe(404);
    expect((await call(sandbox, callerA, "GET", "/companies")).status).toBe(404);
    expect((await call(sandbox, callerA, "POST", "/reset")).status).toBe(404);
    expect((await call(sandbox, callerA, "POST", "/faults")).status).toBe(404);
    expect(sandbox.listCompanies()).toHaveLength(2);
    expect((await call(sandbox, { tenants: [], global: true }, "GET", "/companies")).status).toBe(200);
  });
});

describe("tenancy is kept across restarts", () => {
  it("persists each company's tenant", async () => {
    const persistPath = join(dir, "state.json");
    const first = createQboSandbox({ persistPath, throttling: false });
    const { realmId } = first.createCompany({ name: "Kept Co", tenant: "org-k" });
    first.createCompany({ name: "Other Co" });
    await first.flush();
    const second = createQboSandbox({ persistPath, throttling: false });
    expect(second.listCompanies().find((company) => company.realmId === realmId)?.tenant).toBe("org-k");
    expect(second.listCompanies().find((company) => company.companyName === "Other Co")?.tenant).toBeNull();
  });
});

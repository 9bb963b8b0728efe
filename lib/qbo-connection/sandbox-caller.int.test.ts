import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, type SessionUser } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { memberships, users } from "@/lib/db/schema";
import { createOAuthState } from "@/lib/qbo";
import { createQboSandbox, type QboSandbox } from "@/lib/qbo-sandbox";
import { createTestDatabase } from "@/lib/testing/test-database";
import { sandboxCallerFor, type SandboxCallerDeps } from "./sandbox-caller";

const APP = "http://127.0.0.1:3999";
const STATE_SECRET = "sandbox-caller-state-secret";
let handle: DatabaseHandle;
let sandbox: QboSandbox;

beforeAll(async () => {
  handle = await createTestDatabase();
  sandbox = createQboSandbox({ basePath: "/qbo-sandbox", throttling: false });
});
afterAll(async () => handle?.close());

const deps = (user: SessionUser | null, globalControl = false): SandboxCallerDeps => ({
  sessionUser: async () => user,
  db: async () => handle.db,
  stateSecret: STATE_SECRET,
  globalControl,
});

async function organisation(label: string) {
  const stamp = randomUUID().slice(0, 8);
  const { user, organization } = await signUp(handle.db, {
    name: `${label} Admin`,
    email: `${label.toLowerCase()}-${stamp}@example.com`,
    password: "a fine password",
    organizationName: `${label} Books ${stamp}`,
  });
  return { admin: { id: user.id, email: user.email, name: user.name }, organizationId: organization.id, name: organization.name };
}

async function addPerson(organizationId: string, role: "admin" | "clerk"): Promise<SessionUser> {
  const stamp = randomUUID().slice(0, 8);
  const [user] = await handle.db.insert(users).values({ email: `p-${stamp}@example.com`, name: "Person", passwordHash: "x" }).returning();
  await handle.db.insert(memberships).values({ organizationId, userId: user!.id, role });
  return { id: user!.id, email: user!.email, name: user!.name };
}

function authorizeUrl(state: string): string {
  const params = new URLSearchParams({
    client_id: sandbox.options.clientId,
    response_type: "code",
    scope: "com.intuit.quickbooks.accounting",
    redirect_uri: `${APP}/api/qbo/callback`,
    state,
  });
  return `${APP}/qbo-sandbox/oauth2/authorize?${params}`;
}

/** The consent page as the app serves it: the caller comes from the session and the state. */
async function consentAs(user: SessionUser | null, state: string) {
  const request = new Request(authorizeUrl(state));
  const response = await sandbox.handle(request, await sandboxCallerFor(request, deps(user)));
  return { status: response.status, html: await response.text() };
}

async function approveAs(user: SessionUser | null, state: string, fields: Record<string, string>) {
  const body = new URLSearchParams({ client_id: sandbox.options.clientId, scope: "com.intuit.quickbooks.accounting", redirect_uri: `${APP}/api/qbo/callback`, state, ...fields });
  const request = new Request(`${APP}/qbo-sandbox/oauth2/authorize`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: body.toString() });
  return sandbox.handle(request, await sandboxCallerFor(request, deps(user)));
}

describe("the built-in sandbox, mounted for several organisations", () => {
  it("gives each organisation its own company; another organisation's admin never sees or approves it", async () => {
    const alpha = await organisation("Alpha");
    const beta = await organisation("Beta");
    const alphaState = createOAuthState({ orgId: alpha.organizationId, userId: alpha.admin.id, secret: STATE_SECRET });

    // Alpha's admin creates Alpha's company on the consent page (named after the organisation).
    const first = await consentAs(alpha.admin, alphaState);
    expect(first.html).toContain(`value="${alpha.name} (QuickBooks sandbox)"`);
    const created = await approveAs(alpha.admin, alphaState, { decision: "create", company_name: `${alpha.name} (QuickBooks sandbox)` });
    expect(created.status).toBe(302);
    const alphaRealm = new URL(created.headers.get("location")!).searchParams.get("realmId")!;

    // Beta's admin, starting Beta's own connection, is offered a new company, not Alpha's…
    const betaState = createOAuthState({ orgId: beta.organizationId, userId: beta.admin.id, secret: STATE_SECRET });
    const betaPage = await consentAs(beta.admin, betaState);
    expect(betaPage.html).not.toContain(alphaRealm);
    expect(betaPage.html).not.toContain(alpha.name);
    // …cannot approve Alpha's realm by posting its id…
    expect((await approveAs(beta.admin, betaState, { decision: "approve", realmId: alphaRealm })).status).toBe(400);
    // …and cannot use Alpha's state either: it is not Beta's admin's to finish.
    expect((await consentAs(beta.admin, alphaState)).status).toBe(403);
    expect((await approveAs(beta.admin, alphaState, { decision: "approve", realmId: alphaRealm })).status).toBe(403);

    // A reconnect of Alpha shows Alpha's one company to approve.
    const again = await consentAs(alpha.admin, createOAuthState({ orgId: alpha.organizationId, userId: alpha.admin.id, secret: STATE_SECRET }));
    expect(again.html).toContain(`Connect to ${alpha.name} (QuickBooks sandbox)`);
    expect(again.html).toContain(alphaRealm);
  });

  it("shows nothing to a member who is not an admin, to someone signed out, or for a forged state", async () => {
    const gamma = await organisation("Gamma");
    const member = await addPerson(gamma.organizationId, "clerk");
    const memberState = createOAuthState({ orgId: gamma.organizationId, userId: member.id, secret: STATE_SECRET });
    expect((await consentAs(member, memberState)).status).toBe(403);
    const adminState = createOAuthState({ orgId: gamma.organizationId, userId: gamma.admin.id, secret: STATE_SECRET });
    expect((await consentAs(null, adminState)).status).toBe(403);
    const forged = createOAuthState({ orgId: gamma.organizationId, userId: gamma.admin.id, secret: "someone-elses-secret-1234" });
    expect((await consentAs(gamma.admin, forged)).status).toBe(403);
    expect((await approveAs(gamma.admin, forged, { decision: "create", company_name: "Forged" })).status).toBe(403);
  });

  it("lets the control API reach a person's own organisations' companies: members read, admins act", async () => {
    const delta = await organisation("Delta");
    const other = await organisation("Other");
    const member = await addPerson(delta.organizationId, "clerk");
    const { realmId } = sandbox.createCompany({ name: "Delta Books", tenant: delta.organizationId });
    const { realmId: otherRealm } = sandbox.createCompany({ name: "Other Books", tenant: other.organizationId });
    const control = async (user: SessionUser | null, method: string, path: string, globalControl = false) => {
      const request = new Request(`${APP}/qbo-sandbox/_sandbox${path}`, { method });
      return (await sandbox.handle(request, await sandboxCallerFor(request, deps(user, globalControl)))).status;
    };
    expect(await control(member, "GET", `/companies/${realmId}/records/CompanyInfo/1`)).toBe(200);
    expect(await control(member, "POST", `/companies/${realmId}/tokens`)).toBe(404);
    expect(await control(delta.admin, "POST", `/companies/${realmId}/tokens`)).toBe(200);
    expect(await control(delta.admin, "POST", `/companies/${otherRealm}/tokens`)).toBe(404);
    expect(await control(delta.admin, "GET", "/companies")).toBe(404);
    expect(await control(null, "GET", `/companies/${realmId}/records/CompanyInfo/1`)).toBe(404);
    // Development and tests open the whole control API, as the standalone sandbox is.
    expect(await control(null, "GET", "/companies", true)).toBe(200);
  });
});

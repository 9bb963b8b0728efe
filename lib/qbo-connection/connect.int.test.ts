import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { memberships, qboConnections, users } from "@/lib/db/schema";
import { builtInSandboxEndpoints, createTokenCipher } from "@/lib/qbo";
import { startSandboxServer, type SandboxServer } from "@/lib/qbo-sandbox";
import { createTestDatabase } from "@/lib/testing/test-database";
import { buildConnectUrl, completeConnect, ConnectError, disconnect, type ConnectionDeps } from "./connection";

const REDIRECT_URI = "http://localhost:3000/api/qbo/callback";
let handle: DatabaseHandle;
let server: SandboxServer;
let deps: ConnectionDeps;

beforeAll(async () => {
  handle = await createTestDatabase();
  server = await startSandboxServer({ port: 0, throttling: false });
  deps = {
    config: {
      endpoints: builtInSandboxEndpoints(server.url),
      clientId: server.sandbox.options.clientId,
      clientSecret: server.sandbox.options.clientSecret,
      redirectUri: REDIRECT_URI,
      webhookVerifierToken: "unused-in-these-tests",
      builtInSandbox: true,
    },
    cipher: createTokenCipher("ab".repeat(32)),
    stateSecret: "connect-test-state-secret",
  };
});
afterAll(async () => {
  await server?.close();
  await handle?.close();
});

async function orgWithAdmin() {
  const stamp = randomUUID().slice(0, 8);
  const { user, organization } = await signUp(handle.db, {
    name: `Admin ${stamp}`,
    email: `admin-${stamp}@example.com`,
    password: "a fine password",
    organizationName: `Connect Co ${stamp}`,
  });
  return { adminId: user.id, organizationId: organization.id, slug: organization.slug };
}

async function memberOf(organizationId: string) {
  const stamp = randomUUID().slice(0, 8);
  const [user] = await handle.db
    .insert(users)
    .values({ email: `member-${stamp}@example.com`, name: "Member", passwordHash: "x" })
    .returning({ id: users.id });
  await handle.db.insert(memberships).values({ organizationId, userId: user!.id, role: "clerk" });
  return user!.id;
}

/** What the browser brings back from the consent page: Intuit's callback URL with code, state and realmId. */
async function approveAt(authorizeUrl: string, realmId: string): Promise<string> {
  const url = new URL(authorizeUrl);
  const response = await fetch(`${server.url}/oauth2/authorize`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      client_id: url.searchParams.get("client_id")!,
      redirect_uri: url.searchParams.get("redirect_uri")!,
      scope: url.searchParams.get("scope")!,
      state: url.searchParams.get("state")!,
      decision: "approve",
      realmId,
    }).toString(),
  });
  expect(response.status).toBe(302);
  return response.headers.get("location")!;
}

describe("completeConnect", () => {
  it("checks who is finishing the connection before the single-use state is spent", async () => {
    const org = await orgWithAdmin();
    const member = await memberOf(org.organizationId);
    const { realmId } = server.sandbox.createCompany({ name: "State Order Co" });
    const callbackUrl = await approveAt(buildConnectUrl({ organizationId: org.organizationId, userId: org.adminId }, deps), realmId);

    await expect(completeConnect(handle.db, { callbackUrl, userId: member }, deps)).rejects.toThrow("Only an admin can connect QuickBooks.");
    const outsider = (await orgWithAdmin()).adminId;
    await expect(completeConnect(handle.db, { callbackUrl, userId: outsider }, deps)).rejects.toThrow(ConnectError);

    // The admin who started it can still finish: the refused attempts did not use the state up.
    const result = await completeConnect(handle.db, { callbackUrl, userId: org.adminId }, deps);
    expect(result).toMatchObject({ organizationSlug: org.slug, realmId, companyName: "State Order Co" });
    // …and then it is spent.
    await expect(completeConnect(handle.db, { callbackUrl, userId: org.adminId }, deps)).rejects.toThrow(/already used/);
    const [row] = await handle.db.select().from(qboConnections).where(eq(qboConnections.organizationId, org.organizationId));
    expect(row?.realmId).toBe(realmId);
  });

  it("is finished only by the admin who started it, not by another admin of the organisation", async () => {
    const org = await orgWithAdmin();
    const stamp = randomUUID().slice(0, 8);
    const [second] = await handle.db
      .insert(users)
      .values({ email: `second-${stamp}@example.com`, name: "Second admin", passwordHash: "x" })
      .returning({ id: users.id });
    await handle.db.insert(memberships).values({ organizationId: org.organizationId, userId: second!.id, role: "admin" });
    const { realmId } = server.sandbox.createCompany({ name: "Bound State Co" });
    const callbackUrl = await approveAt(buildConnectUrl({ organizationId: org.organizationId, userId: org.adminId }, deps), realmId);
    await expect(completeConnect(handle.db, { callbackUrl, userId: second!.id }, deps)).rejects.toThrow(/started by someone else/);
    await expect(completeConnect(handle.db, { callbackUrl, userId: org.adminId }, deps)).resolves.toMatchObject({ realmId });
  });

  it("never connects a second organisation to a company another organisation is connected to", async () => {
    const first = await orgWithAdmin();
    const second = await orgWithAdmin();
    const { realmId } = server.sandbox.createCompany({ name: "One Owner Co" });
    const connect = async (org: Awaited<ReturnType<typeof orgWithAdmin>>) =>
      completeConnect(handle.db, { callbackUrl: await approveAt(buildConnectUrl({ organizationId: org.organizationId, userId: org.adminId }, deps), realmId), userId: org.adminId }, deps);
    await connect(first);
    await expect(connect(second)).rejects.toThrow("This QuickBooks company is already connected to another Ledgerbridge organisation.");
    expect(await handle.db.select().from(qboConnections).where(eq(qboConnections.organizationId, second.organizationId))).toEqual([]);
    // Reconnecting the same organisation is fine; once it disconnects, the company is free.
    await expect(connect(first)).resolves.toMatchObject({ realmId });
    await disconnect(handle.db, first.organizationId, deps);
    await expect(connect(second)).resolves.toMatchObject({ realmId });
  });

  it("lets only one of two organisations connecting the same company at the same moment win", async () => {
    const orgs = [await orgWithAdmin(), await orgWithAdmin()];
    const { realmId } = server.sandbox.createCompany({ name: "Race Co" });
    const callbacks = await Promise.all(orgs.map((org) => approveAt(buildConnectUrl({ organizationId: org.organizationId, userId: org.adminId }, deps), realmId)));
    const outcomes = await Promise.allSettled(orgs.map((org, i) => completeConnect(handle.db, { callbackUrl: callbacks[i]!, userId: org.adminId }, deps)));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConnectError);
    expect(await handle.db.select().from(qboConnections).where(eq(qboConnections.realmId, realmId))).toHaveLength(1);
  });
});

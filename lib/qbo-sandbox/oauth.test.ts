import OAuthClient from "intuit-oauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxServer, type SandboxServer } from "./server";
import { get, parseResult } from "./test-support";

const CLIENT_ID = "ledgerbridge-sandbox-client";
const CLIENT_SECRET = "ledgerbridge-sandbox-secret";
const REDIRECT_URI = "http://localhost:3000/api/qbo/callback";

let server: SandboxServer;
let realmId: string;

function basic(id = CLIENT_ID, secret = CLIENT_SECRET): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
}

async function tokenRequest(params: Record<string, string>, authorization = basic()) {
  const response = await fetch(`${server.url}/oauth2/v1/tokens/bearer`, {
    method: "POST",
    headers: { authorization, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams(params).toString(),
  });
  return parseResult(response);
}

async function approve(state: string, realm = realmId): Promise<URL> {
  const response = await fetch(`${server.url}/oauth2/authorize`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, state, scope: "com.intuit.quickbooks.accounting", decision: "approve", realmId: realm }).toString(),
  });
  expect(response.status).toBe(302);
  return new URL(response.headers.get("location") ?? "");
}

async function apiStatus(accessToken: string) {
  const response = await fetch(`${server.url}/v3/company/${realmId}/companyinfo/${realmId}?minorversion=75`, {
    headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
  });
  return parseResult(response);
}

beforeAll(async () => {
  server = await startSandboxServer({ basePath: "/qbo-sandbox", throttling: false });
  realmId = server.sandbox.createCompany({ name: "OAuth Co" }).realmId;
});
afterAll(async () => server.close());

describe("consent page", () => {
  it("shows 'Connect to <company>' and redirects with code, state and realmId on Approve", async () => {
    const params = new URLSearchParams({ client_id: CLIENT_ID, response_type: "code", scope: "com.intuit.quickbooks.accounting", redirect_uri: REDIRECT_URI, state: "st-1" });
    const page = await fetch(`${server.url}/oauth2/authorize?${params.toString()}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Connect to OAuth Co");
    expect(html).toContain(`action="/qbo-sandbox/oauth2/authorize"`);
    const location = await approve("st-1");
    expect(location.origin + location.pathname).toBe(REDIRECT_URI);
    expect(location.searchParams.get("state")).toBe("st-1");
    expect(location.searchParams.get("realmId")).toBe(realmId);
    expect(location.searchParams.get("code")).toBeTruthy();
  });

  it("offers a company chooser when there are several and redirects with access_denied on Deny", async () => {
    const second = server.sandbox.createCompany({ name: "Second Co" });
    const params = new URLSearchParams({ client_id: CLIENT_ID, response_type: "code", scope: "com.intuit.quickbooks.accounting", redirect_uri: REDIRECT_URI, state: "s" });
    const html = await (await fetch(`${server.url}/oauth2/authorize?${params.toString()}`)).text();
    expect(html).toContain(`value="${second.realmId}"`);
    expect(html).toContain('type="radio"');
    const denied = await fetch(`${server.url}/oauth2/authorize`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, state: "s2", scope: "com.intuit.quickbooks.accounting", decision: "deny" }).toString(),
    });
    const location = new URL(denied.headers.get("location") ?? "");
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("state")).toBe("s2");
  });

  it("rejects an unknown client_id", async () => {
    const params = new URLSearchParams({ client_id: "someone-else", response_type: "code", scope: "com.intuit.quickbooks.accounting", redirect_uri: REDIRECT_URI });
    expect((await fetch(`${server.url}/oauth2/authorize?${params.toString()}`)).status).toBe(400);
  });
});

describe("tokens through the intuit-oauth package", () => {
  it("exchanges a code, refreshes (rolling), revokes, then refresh fails with invalid_grant", async () => {
    const client = new OAuthClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, environment: "sandbox", redirectUri: REDIRECT_URI });
    client.setAuthorizeURLs({
      authorizeEndpoint: `${server.url}/oauth2/authorize`,
      tokenEndpoint: `${server.url}/oauth2/v1/tokens/bearer`,
      revokeEndpoint: `${server.url}/oauth2/v2/tokens/revoke`,
      userInfoEndpoint: `${server.url}/userinfo`,
    });
    const authorizeUri = client.authorizeUri({ scope: [OAuthClient.scopes.Accounting], state: "abc" });
    expect(authorizeUri.startsWith(`${server.url}/oauth2/authorize?`)).toBe(true);
    expect((await fetch(authorizeUri)).status).toBe(200);

    const callback = await approve("abc");
    const created = await client.createToken(callback.toString());
    const first = created.getJson();
    expect(first).toMatchObject({ token_type: "bearer", expires_in: 3600, x_refresh_token_expires_in: 8726400 });
    expect(client.getToken().realmId).toBe(realmId);
    expect((await apiStatus(first.access_token)).status).toBe(200);

    const reused = await tokenRequest({ grant_type: "authorization_code", code: callback.searchParams.get("code") ?? "", redirect_uri: REDIRECT_URI });
    expect([reused.status, reused.body["error"]]).toEqual([400, "invalid_grant"]);

    const refreshed = (await client.refresh()).getJson();
    expect(refreshed.refresh_token).not.toBe(first.refresh_token);
    expect((await apiStatus(refreshed.access_token)).status).toBe(200);

    // The previous refresh token still works within 24 h …
    const viaOld = await tokenRequest({ grant_type: "refresh_token", refresh_token: first.refresh_token });
    expect(viaOld.status).toBe(200);
    // … and dies after.
    server.sandbox.advanceClock(25 * 3600 * 1000);
    const deadOld = await tokenRequest({ grant_type: "refresh_token", refresh_token: first.refresh_token });
    expect([deadOld.status, deadOld.body["error"]]).toEqual([400, "invalid_grant"]);
    const newest = await tokenRequest({ grant_type: "refresh_token", refresh_token: String(viaOld.body["refresh_token"]) });
    expect(newest.status).toBe(200);

    await client.revoke({ refresh_token: String(newest.body["refresh_token"]) });
    const afterRevoke = await tokenRequest({ grant_type: "refresh_token", refresh_token: String(newest.body["refresh_token"]) });
    expect([afterRevoke.status, afterRevoke.body["error"]]).toEqual([400, "invalid_grant"]);
    expect((await apiStatus(String(newest.body["access_token"]))).status).toBe(401);
  });
});

describe("token errors", () => {
  it("answers 401 with the lower-case fault (3200) for expired access tokens", async () => {
    const tokens = server.sandbox.issueTokens(realmId);
    expect((await apiStatus(tokens.access_token)).status).toBe(200);
    server.sandbox.advanceClock(3601 * 1000);
    const expired = await apiStatus(tokens.access_token);
    expect(expired.status).toBe(401);
    expect(get(expired.body, "fault", "error", 0, "code")).toBe("3200");
    expect(get(expired.body, "fault", "type")).toBe("AUTHENTICATION");
    expect(expired.headers.get("intuit_tid")).toBeTruthy();
    const refreshed = await tokenRequest({ grant_type: "refresh_token", refresh_token: tokens.refresh_token });
    expect((await apiStatus(String(refreshed.body["access_token"]))).status).toBe(200);
  });

  it("rejects bad client credentials, unknown grants and foreign realms", async () => {
    const bad = await tokenRequest({ grant_type: "refresh_token", refresh_token: "x" }, basic(CLIENT_ID, "wrong"));
    expect([bad.status, bad.body["error"]]).toEqual([401, "invalid_client"]);
    const unknown = await tokenRequest({ grant_type: "refresh_token", refresh_token: "never-issued" });
    expect(unknown.body["error"]).toBe("invalid_grant");
    const other = server.sandbox.createCompany({ name: "Foreign Co" });
    const tokens = server.sandbox.issueTokens(other.realmId);
    const foreign = await apiStatus(tokens.access_token);
    expect(foreign.status).toBe(403);
    expect(get(foreign.body, "Fault", "Error", 0, "code")).toBe("3100");
    const missing = await fetch(`${server.url}/v3/company/${realmId}/companyinfo/${realmId}`);
    expect(missing.status).toBe(401);
  });

  it("injected expire-tokens and revoke-refresh faults act immediately", async () => {
    const tokens = server.sandbox.issueTokens(realmId);
    const control = await fetch(`${server.url}/_sandbox/faults`, { method: "POST", body: JSON.stringify({ realmId, kind: "expire-tokens" }) });
    expect(control.status).toBe(200);
    expect((await apiStatus(tokens.access_token)).status).toBe(401);
    server.sandbox.injectFault({ realmId, kind: "revoke-refresh" });
    const refresh = await tokenRequest({ grant_type: "refresh_token", refresh_token: tokens.refresh_token });
    expect(refresh.body["error"]).toBe("invalid_grant");
  });
});

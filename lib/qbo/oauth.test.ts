import OAuthClient from "intuit-oauth";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtInSandboxEndpoints } from "@/lib/qbo/config";
import { FakeClock } from "@/lib/qbo/fake-clock";
import { createQboOAuth, toQboError } from "@/lib/qbo/oauth";

/**
 * A tiny token endpoint (not the QBO sandbox) to check how intuit-oauth is driven and how its
 * errors are mapped. Each server answers with its own name so endpoint mix-ups show.
 */
interface TokenServer {
  url: string;
  server: Server;
  bodies: URLSearchParams[];
  authHeaders: string[];
}

async function startTokenServer(name: string): Promise<TokenServer> {
  const bodies: URLSearchParams[] = [];
  const authHeaders: string[] = [];
  const server = createServer(async (req, res) => {
    const body = new URLSearchParams(await readBody(req));
    bodies.push(body);
    authHeaders.push(String(req.headers.authorization));
    res.setHeader("content-type", "application/json");
    res.setHeader("intuit_tid", `${name}-tid`);
    if (req.url?.includes("revoke")) {
      res.end("{}");
      return;
    }
    if (body.get("refresh_token") === "dead") {
      res.statusCode = 400;
      res.end(JSON.stringify({ error: "invalid_grant", error_description: "Incorrect or invalid refresh token" }));
      return;
    }
    const rotate = body.get("grant_type") === "refresh_token";
    res.end(
      JSON.stringify({
        access_token: `${name}-access`,
        ...(body.get("refresh_token") === "no-rotation" ? {} : { refresh_token: `${name}-refresh${rotate ? "-rotated" : ""}` }),
        expires_in: 3600,
        x_refresh_token_expires_in: 8726400,
        token_type: "bearer",
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server, bodies, authHeaders };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = "";
    req.on("data", (chunk: Buffer) => (data += chunk.toString()));
    req.on("end", () => resolve(data));
  });
}

let a: TokenServer;
let b: TokenServer;
beforeAll(async () => {
  a = await startTokenServer("a");
  b = await startTokenServer("b");
});
afterAll(() => {
  a.server.close();
  b.server.close();
});

const clock = new FakeClock(Date.UTC(2026, 0, 1));
const oauthFor = (server: TokenServer) =>
  createQboOAuth({
    clientId: "client-id",
    clientSecret: "client-secret",
    redirectUri: "http://app.test/api/qbo/callback",
    endpoints: builtInSandboxEndpoints(server.url),
    clock,
  });

describe("createQboOAuth", () => {
  it("builds the authorize URL for its own endpoints", () => {
    const url = new URL(oauthFor(a).buildAuthorizeUrl({ state: "s1" }));
    expect(`${url.origin}${url.pathname}`).toBe(`${a.url}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: "client-id",
      redirect_uri: "http://app.test/api/qbo/callback",
      response_type: "code",
      scope: "com.intuit.quickbooks.accounting",
      state: "s1",
    });
  });

  it("exchanges a code, taking the realm from the callback", async () => {
    const tokens = await oauthFor(a).exchangeCode("http://app.test/api/qbo/callback?code=c-1&state=s&realmId=4620816365");
    expect(tokens).toEqual({
      realmId: "4620816365",
      accessToken: "a-access",
      refreshToken: "a-refresh",
      accessTokenExpiresAt: new Date(clock.now() + 3_600_000),
      refreshTokenExpiresAt: new Date(clock.now() + 8_726_400_000),
    });
    const body = a.bodies.at(-1);
    expect(body?.get("grant_type")).toBe("authorization_code");
    expect(body?.get("code")).toBe("c-1");
    expect(a.authHeaders.at(-1)).toBe(`Basic ${Buffer.from("client-id:client-secret").toString("base64")}`);
  });

  it("keeps two configurations apart although intuit-oauth's endpoints are global", async () => {
    const [fromA, fromB] = await Promise.all([oauthFor(a).refresh("r", "1"), oauthFor(b).refresh("r", "2")]);
    expect(fromA.accessToken).toBe("a-access");
    expect(fromB.accessToken).toBe("b-access");
    expect(fromA.refreshToken).toBe("a-refresh-rotated");
  });

  it("keeps the old refresh token when the response carries none", async () => {
    expect((await oauthFor(a).refresh("no-rotation", "1")).refreshToken).toBe("no-rotation");
  });

  it("maps invalid_grant to an auth QboError", async () => {
    await expect(oauthFor(a).refresh("dead", "1")).rejects.toMatchObject({ code: "invalid_grant", kind: "auth", httpStatus: 400 });
  });

  // intuit-oauth itself retries connection errors (1 s, 2 s, 4 s) before giving up; the test keeps
  // the retries but shrinks the library's wait so it does not spend 7 s sleeping.
  it("reports an unreachable token endpoint as transient", async () => {
    const saved = OAuthClient.retryConfig.retryDelay;
    OAuthClient.retryConfig.retryDelay = 1;
    try {
      const closed = await startTokenServer("c");
      const oauth = oauthFor(closed);
      await new Promise<void>((resolve) => closed.server.close(() => resolve()));
      await expect(oauth.refresh("r", "1")).rejects.toMatchObject({ kind: "transient" });
    } finally {
      OAuthClient.retryConfig.retryDelay = saved;
    }
  });

  it("refuses a denied or incomplete callback", async () => {
    await expect(oauthFor(a).exchangeCode("http://app.test/cb?error=access_denied&state=s")).rejects.toMatchObject({ code: "access_denied", kind: "auth" });
    await expect(oauthFor(a).exchangeCode("http://app.test/cb?code=x&state=s")).rejects.toMatchObject({ code: "invalid_callback" });
  });

  it("revokes a token", async () => {
    await oauthFor(b).revoke("some-refresh");
    expect(b.bodies.length).toBeGreaterThan(0);
  });

  it("passes QboErrors through and wraps unknown errors", () => {
    expect(toQboError(new Error("boom"))).toMatchObject({ code: "NETWORK_ERROR", kind: "transient" });
  });
});

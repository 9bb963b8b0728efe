import type { SandboxServer } from "@/lib/qbo-sandbox";
import {
  builtInSandboxEndpoints,
  createQboOAuth,
  createTokenProvider,
  InMemoryRateBudget,
  QboClient,
  unlimitedRateBudget,
  type QboTokenSet,
  type TokenStore,
} from "@/lib/qbo";
import type { QboClientFactory } from "@/lib/sync/engine/types";

/**
 * A client factory wired to an in-process sandbox server, for tests and the bench: tokens come
 * from the sandbox's control API and live in memory. `connect(orgId, realmId)` links an
 * organisation to a sandbox company.
 */
/** What the factory needs of a sandbox: where it listens and its app credentials (and, in-process, a token shortcut). */
export type SandboxTarget = Pick<SandboxServer, "url"> & {
  sandbox: { options: Pick<SandboxServer["sandbox"]["options"], "clientId" | "clientSecret"> } & Partial<Pick<SandboxServer["sandbox"], "issueTokens">>;
};

/** Tokens as the sandbox's control API issues them. */
export type IssuedTokens = ReturnType<SandboxServer["sandbox"]["issueTokens"]>;

export function sandboxClientFactory(server: SandboxTarget, options: { rateLimited?: boolean; fetch?: typeof fetch } = {}) {
  const endpoints = builtInSandboxEndpoints(server.url);
  const oauth = createQboOAuth({
    clientId: server.sandbox.options.clientId,
    clientSecret: server.sandbox.options.clientSecret,
    redirectUri: "http://localhost:3000/api/qbo/callback",
    endpoints,
  });
  const realms = new Map<string, string>();
  const stores = new Map<string, TokenStore>();
  const budget = options.rateLimited ? new InMemoryRateBudget() : unlimitedRateBudget;

  /** Links an organisation to a sandbox company; tokens come from the in-process sandbox unless given. */
  function connect(organizationId: string, realmId: string, given?: IssuedTokens): void {
    const issued = given ?? server.sandbox.issueTokens?.(realmId);
    if (!issued) throw new Error("connect: pass the tokens issued by the sandbox's control API (out-of-process sandbox)");
    const now = Date.now();
    let tokens: QboTokenSet = {
      realmId,
      accessToken: issued.access_token,
      refreshToken: issued.refresh_token,
      accessTokenExpiresAt: new Date(now + issued.expires_in * 1000),
      refreshTokenExpiresAt: new Date(now + issued.x_refresh_token_expires_in * 1000),
    };
    realms.set(organizationId, realmId);
    stores.set(organizationId, {
      load: async () => tokens,
      save: async (next) => {
        tokens = next;
      },
      markNeedsReconnect: async () => undefined,
    });
  }

  const factory: QboClientFactory = async (organizationId) => {
    const realmId = realms.get(organizationId);
    const store = stores.get(organizationId);
    if (!realmId || !store) return null;
    const client = new QboClient({
      endpoints,
      realmId,
      tokenProvider: createTokenProvider(store, oauth),
      limiter: budget,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    return { client, realmId };
  };
  return { factory, connect };
}

import type { Db } from "@/lib/db/connection";
import { createTokenProvider, QboClient, type RateBudget } from "@/lib/qbo";
import { oauthFor, type ConnectionDeps } from "./connection";
import { connectionDeps, processRateBudgets } from "./deps";
import { createDbTokenStore } from "./token-store";

export type QboClientFactory = (organizationId: string) => Promise<{ client: QboClient; realmId: string } | null>;

/** A QBO client for an organisation's stored connection, or null when it has none that works. */
export function createQboClientFactory(
  db: Db,
  deps: ConnectionDeps = connectionDeps(),
  rateBudgets: (realmId: string) => RateBudget = processRateBudgets(),
): QboClientFactory {
  const oauth = oauthFor(deps.config);
  return async (organizationId) => {
    const store = createDbTokenStore(db, organizationId, deps.cipher);
    const tokens = await store.load();
    if (!tokens) return null;
    const client = new QboClient({
      endpoints: deps.config.endpoints,
      realmId: tokens.realmId,
      tokenProvider: createTokenProvider(store, oauth),
      limiter: rateBudgets(tokens.realmId),
    });
    return { client, realmId: tokens.realmId };
  };
}

import type { Db } from "@/lib/db/connection";
import type { Logger } from "@/lib/log";
import { createTokenProvider, QboClient, type QboLogger, type RateBudget } from "@/lib/qbo";
import { oauthFor, type ConnectionDeps } from "./connection";
import { connectionDeps, processRateBudgets } from "./deps";
import { createDbTokenStore } from "./token-store";

export type QboClientOptions = {
  /** Every QBO request line goes here (bound with the realm), e.g. a logger bound to a sync run. */
  logger?: Logger;
  /** Read-only callers (the sync preview) may read the new company while a switch awaits confirmation. */
  awaitingConfirmation?: boolean;
};

export type QboClientFactory = (
  organizationId: string,
  options?: QboClientOptions,
) => Promise<{ client: QboClient; realmId: string } | null>;

/** The QBO client reports each request at "info"; in the app's log that is per-request detail: debug. */
export function qboLoggerFor(logger: Logger): QboLogger {
  return {
    info: (message, fields) => logger.debug(message, fields),
    warn: (message, fields) => logger.warn(message, fields),
  };
}

/** A QBO client for an organisation's stored connection, or null when it has none that works. */
export function createQboClientFactory(
  db: Db,
  deps: ConnectionDeps = connectionDeps(),
  rateBudgets: (realmId: string) => RateBudget = processRateBudgets(),
): QboClientFactory {
  const oauth = oauthFor(deps.config);
  return async (organizationId, options = {}) => {
    const store = createDbTokenStore(db, organizationId, deps.cipher, { awaitingConfirmation: options.awaitingConfirmation === true });
    const tokens = await store.load();
    if (!tokens) return null;
    const client = new QboClient({
      endpoints: deps.config.endpoints,
      realmId: tokens.realmId,
      tokenProvider: createTokenProvider(store, oauth),
      limiter: rateBudgets(tokens.realmId),
      ...(options.logger ? { logger: qboLoggerFor(options.logger.child({ realmId: tokens.realmId })) } : {}),
    });
    return { client, realmId: tokens.realmId };
  };
}

import { systemClock, type Clock } from "@/lib/qbo/clock";
import { QboError } from "@/lib/qbo/errors";
import type { QboTokenSet, TokenProvider, TokenStore } from "@/lib/qbo/tokens";

/** The part of QboOAuth the provider needs (kept narrow so tests can pass a fake). */
export interface TokenRefresher {
  refresh(refreshToken: string, realmId: string): Promise<QboTokenSet>;
}

export interface TokenProviderOptions {
  /** Refresh when the access token expires within this window. Default 5 minutes. */
  refreshMarginMs?: number;
}

/**
 * Access tokens for one organisation: refreshes proactively before expiry, shares one refresh
 * among concurrent callers, persists every new set (refresh tokens rotate), and on a rejected
 * refresh token marks the connection as needing reconnect.
 */
export function createTokenProvider(
  store: TokenStore,
  oauth: TokenRefresher,
  clock: Pick<Clock, "now"> = systemClock,
  options: TokenProviderOptions = {},
): TokenProvider {
  const margin = options.refreshMarginMs ?? 5 * 60_000;
  let cached: QboTokenSet | null = null;
  let inflight: Promise<QboTokenSet> | null = null;

  const isFresh = (tokens: QboTokenSet) => tokens.accessTokenExpiresAt.getTime() - margin > clock.now();

  async function loadOrFail(): Promise<QboTokenSet> {
    const tokens = await store.load();
    if (!tokens) {
      throw new QboError({
        code: "not_connected",
        message: "QuickBooks Online is not connected",
        detail: "Connect QuickBooks in Settings → Sync",
        httpStatus: 0,
        kind: "auth",
      });
    }
    return tokens;
  }

  /**
   * One refresh at a time; everyone waiting gets its result. `rejected` is the access token
   * QBO refused (null for a proactive refresh before expiry).
   */
  function refreshShared(rejected: string | null): Promise<QboTokenSet> {
    inflight ??= (async () => {
      try {
        // Re-read: another process may have refreshed already and rotated the refresh token.
        const stored = await loadOrFail();
        if (isFresh(stored) && stored.accessToken !== rejected) return stored;
        let next: QboTokenSet;
        try {
          next = await oauth.refresh(stored.refreshToken, stored.realmId);
        } catch (error) {
          if (error instanceof QboError && error.code === "invalid_grant") {
            await store.markNeedsReconnect(`Refresh token rejected by QuickBooks: ${error.detail || error.message}`);
          }
          throw error;
        }
        await store.save(next);
        return next;
      } finally {
        inflight = null;
      }
    })();
    return inflight;
  }

  return {
    async getAccessToken() {
      if (inflight) cached = await inflight;
      cached ??= await loadOrFail();
      if (!isFresh(cached)) cached = await refreshShared(null);
      return cached.accessToken;
    },

    async forceRefresh(rejectedAccessToken) {
      if (cached && rejectedAccessToken !== undefined && cached.accessToken !== rejectedAccessToken && isFresh(cached)) {
        return cached.accessToken;
      }
      const rejected = rejectedAccessToken ?? cached?.accessToken ?? (await loadOrFail()).accessToken;
      cached = await refreshShared(rejected);
      return cached.accessToken;
    },
  };
}

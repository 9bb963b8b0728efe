import { describe, expect, it } from "vitest";
import { QboError } from "@/lib/qbo/errors";
import { FakeClock } from "@/lib/qbo/fake-clock";
import { createTokenProvider, type TokenRefresher } from "@/lib/qbo/token-provider";
import type { QboTokenSet, TokenStore } from "@/lib/qbo/tokens";

function tokenSet(n: number, clock: FakeClock, lifetimeMs = 3_600_000): QboTokenSet {
  return {
    realmId: "9130",
    accessToken: `access-${n}`,
    refreshToken: `refresh-${n}`,
    accessTokenExpiresAt: new Date(clock.now() + lifetimeMs),
    refreshTokenExpiresAt: new Date(clock.now() + 100 * 86_400_000),
  };
}

function memoryStore(initial: QboTokenSet | null) {
  const state = { current: initial, saves: [] as QboTokenSet[], reconnectReasons: [] as string[], loads: 0 };
  const store: TokenStore = {
    load: async () => {
      state.loads++;
      return state.current;
    },
    save: async (tokens) => {
      state.current = tokens;
      state.saves.push(tokens);
    },
    markNeedsReconnect: async (reason) => {
      state.reconnectReasons.push(reason);
    },
  };
  return { store, state };
}

function countingRefresher(clock: FakeClock, behaviour?: (refreshToken: string) => void) {
  const seen: string[] = [];
  let n = 1;
  const refresher: TokenRefresher = {
    refresh: async (refreshToken, realmId) => {
      seen.push(refreshToken);
      behaviour?.(refreshToken);
      await Promise.resolve();
      n++;
      return { ...tokenSet(n, clock), realmId };
    },
  };
  return { refresher, seen };
}

describe("createTokenProvider", () => {
  it("uses the stored token while it has more than 5 minutes left", async () => {
    const clock = new FakeClock();
    const { store, state } = memoryStore(tokenSet(1, clock));
    const { refresher, seen } = countingRefresher(clock);
    const provider = createTokenProvider(store, refresher, clock);
    expect(await provider.getAccessToken()).toBe("access-1");
    await clock.advance(54 * 60_000);
    expect(await provider.getAccessToken()).toBe("access-1");
    expect(seen).toEqual([]);
    expect(state.loads).toBe(1);
  });

  it("refreshes proactively within 5 minutes of expiry and saves the rotated set", async () => {
    const clock = new FakeClock();
    const { store, state } = memoryStore(tokenSet(1, clock));
    const { refresher, seen } = countingRefresher(clock);
    const provider = createTokenProvider(store, refresher, clock);
    await provider.getAccessToken();
    await clock.advance(55 * 60_000);
    expect(await provider.getAccessToken()).toBe("access-2");
    expect(seen).toEqual(["refresh-1"]);
    expect(state.saves.map((s) => s.refreshToken)).toEqual(["refresh-2"]);
    expect(state.current?.realmId).toBe("9130");
  });

  it("shares one refresh among concurrent callers", async () => {
    const clock = new FakeClock();
    const { store, state } = memoryStore(tokenSet(1, clock, 60_000));
    const { refresher, seen } = countingRefresher(clock);
    const provider = createTokenProvider(store, refresher, clock);
    const tokens = await Promise.all(Array.from({ length: 10 }, () => provider.getAccessToken()));
    expect(new Set(tokens)).toEqual(new Set(["access-2"]));
    expect(seen).toHaveLength(1);
    expect(state.saves).toHaveLength(1);
  });

  it("forceRefresh after a 401 refreshes once even when several requests were rejected", async () => {
    const clock = new FakeClock();
    const { store } = memoryStore(tokenSet(1, clock));
    const { refresher, seen } = countingRefresher(clock);
    const provider = createTokenProvider(store, refresher, clock);
    const rejected = await provider.getAccessToken();
    const results = await Promise.all([provider.forceRefresh(rejected), provider.forceRefresh(rejected)]);
    expect(results).toEqual(["access-2", "access-2"]);
    expect(await provider.forceRefresh(rejected)).toBe("access-2");
    expect(seen).toEqual(["refresh-1"]);
  });

  it("picks up a set another process refreshed instead of refreshing again", async () => {
    const clock = new FakeClock();
    const { store, state } = memoryStore(tokenSet(1, clock));
    const { refresher, seen } = countingRefresher(clock);
    const provider = createTokenProvider(store, refresher, clock);
    const rejected = await provider.getAccessToken();
    state.current = tokenSet(7, clock); // another worker rotated the tokens
    expect(await provider.forceRefresh(rejected)).toBe("access-7");
    expect(seen).toEqual([]);
  });

  it("marks the connection for reconnect on invalid_grant and throws", async () => {
    const clock = new FakeClock();
    const { store, state } = memoryStore(tokenSet(1, clock, 0));
    const { refresher } = countingRefresher(clock, () => {
      throw new QboError({ code: "invalid_grant", message: "invalid_grant", detail: "Token invalid", httpStatus: 400 });
    });
    const provider = createTokenProvider(store, refresher, clock);
    await expect(provider.getAccessToken()).rejects.toMatchObject({ code: "invalid_grant", kind: "auth" });
    expect(state.reconnectReasons).toHaveLength(1);
    expect(state.reconnectReasons[0]).toContain("Token invalid");
    expect(state.saves).toEqual([]);
  });

  it("does not ask for reconnect on a transient refresh failure", async () => {
    const clock = new FakeClock();
    const { store, state } = memoryStore(tokenSet(1, clock, 0));
    const { refresher } = countingRefresher(clock, () => {
      throw new QboError({ code: "NETWORK_ERROR", message: "down", detail: "", httpStatus: 0, kind: "transient" });
    });
    const provider = createTokenProvider(store, refresher, clock);
    await expect(provider.getAccessToken()).rejects.toMatchObject({ kind: "transient" });
    expect(state.reconnectReasons).toEqual([]);
  });

  it("reports a missing connection as an auth error", async () => {
    const clock = new FakeClock();
    const { store } = memoryStore(null);
    const provider = createTokenProvider(store, countingRefresher(clock).refresher, clock);
    await expect(provider.getAccessToken()).rejects.toMatchObject({ code: "not_connected", kind: "auth" });
  });
});

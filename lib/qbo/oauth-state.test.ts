import { describe, expect, it } from "vitest";
import { FakeClock } from "@/lib/qbo/fake-clock";
import {
  OAuthStateError,
  createInMemoryNonceRegistry,
  createOAuthState,
  readOAuthState,
  spendOAuthState,
  verifyOAuthState,
} from "@/lib/qbo/oauth-state";

const secret = "test-secret-at-least-16-chars";

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OAuthStateError) return error.reason;
    throw error;
  }
  throw new Error("expected verifyOAuthState to fail");
}

describe("OAuth state", () => {
  it("round-trips the organisation id", async () => {
    const clock = new FakeClock();
    const state = createOAuthState({ orgId: "org_1", secret, clock });
    const payload = await verifyOAuthState(state, { secret, clock, usedNonce: createInMemoryNonceRegistry(clock) });
    expect(payload.orgId).toBe("org_1");
    expect(payload.expiresAt).toBe(clock.now() + 600_000);
    expect(payload.nonce.length).toBeGreaterThanOrEqual(16);
  });

  it("refuses a replayed nonce", async () => {
    const clock = new FakeClock();
    const usedNonce = createInMemoryNonceRegistry(clock);
    const state = createOAuthState({ orgId: "org_1", secret, clock });
    await verifyOAuthState(state, { secret, clock, usedNonce });
    expect(await failure(verifyOAuthState(state, { secret, clock, usedNonce }))).toBe("replayed");
  });

  it("refuses an expired state", async () => {
    const clock = new FakeClock();
    const state = createOAuthState({ orgId: "org_1", secret, clock, ttlMs: 1000 });
    await clock.advance(1000);
    expect(await failure(verifyOAuthState(state, { secret, clock, usedNonce: () => false }))).toBe("expired");
  });

  it("refuses a wrong secret, a forged payload and garbage", async () => {
    const clock = new FakeClock();
    const state = createOAuthState({ orgId: "org_1", secret, clock });
    const usedNonce = () => false;
    expect(await failure(verifyOAuthState(state, { secret: `${secret}x`, clock, usedNonce }))).toBe("bad_signature");
    const [, signature] = state.split(".");
    const forged = Buffer.from(JSON.stringify({ orgId: "org_2", nonce: "n".repeat(22), expiresAt: clock.now() + 1e6 })).toString("base64url");
    expect(await failure(verifyOAuthState(`${forged}.${signature}`, { secret, clock, usedNonce }))).toBe("bad_signature");
    expect(await failure(verifyOAuthState("garbage", { secret, clock, usedNonce }))).toBe("malformed");
    expect(await failure(verifyOAuthState(`${state}.x`, { secret, clock, usedNonce }))).toBe("malformed");
  });

  it("consults usedNonce only after the signature is valid", async () => {
    const clock = new FakeClock();
    const seen: string[] = [];
    const usedNonce = (nonce: string) => {
      seen.push(nonce);
      return false;
    };
    const state = createOAuthState({ orgId: "org_1", secret, clock });
    await failure(verifyOAuthState(state, { secret: "another-secret-of-16+", clock, usedNonce }));
    expect(seen).toEqual([]);
    await verifyOAuthState(state, { secret, clock, usedNonce });
    expect(seen).toHaveLength(1);
  });

  it("reads a state (signature, expiry, the user it is bound to) without spending it, then spends it once", async () => {
    const clock = new FakeClock();
    const usedNonce = createInMemoryNonceRegistry(clock);
    const state = createOAuthState({ orgId: "org_1", userId: "user_1", secret, clock });
    const first = readOAuthState(state, { secret, clock });
    expect(readOAuthState(state, { secret, clock })).toEqual(first);
    expect(first.userId).toBe("user_1");
    await spendOAuthState(first, { usedNonce });
    expect(await failure(spendOAuthState(first, { usedNonce }))).toBe("replayed");
  });

  it("requires a real secret", () => {
    expect(() => createOAuthState({ orgId: "o", secret: "short" })).toThrow();
  });
});

import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { systemClock, type Clock } from "@/lib/qbo/clock";

/**
 * The OAuth `state` parameter: ties Intuit's callback to the organisation that started the
 * connection and defeats CSRF/replay. Format: `<payload base64url>.<HMAC-SHA256 base64url>`.
 */
export interface OAuthStatePayload {
  orgId: string;
  /** The person who started the connection, when the app binds the state to them. */
  userId?: string;
  nonce: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export type OAuthStateFailure = "malformed" | "bad_signature" | "expired" | "replayed";

export class OAuthStateError extends Error {
  override readonly name = "OAuthStateError";
  constructor(
    readonly reason: OAuthStateFailure,
    message: string,
  ) {
    super(message);
  }
}

const payloadSchema = z.object({
  orgId: z.string().min(1),
  userId: z.string().min(1).optional(),
  nonce: z.string().min(16),
  expiresAt: z.number().int().positive(),
});

export interface CreateOAuthStateInput {
  orgId: string;
  userId?: string;
  secret: string;
  /** Default 10 minutes: long enough to sign in at Intuit, short enough to limit replay. */
  ttlMs?: number;
  clock?: Pick<Clock, "now">;
}

export function createOAuthState(input: CreateOAuthStateInput): string {
  requireSecret(input.secret);
  const clock = input.clock ?? systemClock;
  const payload: OAuthStatePayload = {
    orgId: input.orgId,
    ...(input.userId ? { userId: input.userId } : {}),
    nonce: randomBytes(16).toString("base64url"),
    expiresAt: clock.now() + (input.ttlMs ?? 10 * 60_000),
  };
  const encoded = Buffer.from(JSON.stringify(payloadSchema.parse(payload)), "utf8").toString("base64url");
  return `${encoded}.${sign(encoded, input.secret)}`;
}

export interface VerifyOAuthStateInput {
  secret: string;
  clock?: Pick<Clock, "now">;
  /**
   * Records the nonce and answers whether it had been seen before (true → replay, refused).
   * Must be atomic across processes in production (e.g. INSERT … ON CONFLICT DO NOTHING).
   * `expiresAt` tells the implementation when the record may be forgotten.
   */
  usedNonce: (nonce: string, expiresAt: Date) => boolean | Promise<boolean>;
}

/** Checks signature, expiry and single use; returns the payload or throws OAuthStateError. */
export async function verifyOAuthState(state: string, input: VerifyOAuthStateInput): Promise<OAuthStatePayload> {
  const payload = readOAuthState(state, input);
  await spendOAuthState(payload, input);
  return payload;
}

/**
 * Checks signature and expiry without spending the state, so the caller can check who is finishing
 * the connection first (a refused attempt must not use up the rightful user's state).
 */
export function readOAuthState(state: string, input: { secret: string; clock?: Pick<Clock, "now"> }): OAuthStatePayload {
  requireSecret(input.secret);
  const [encoded, signature, extra] = state.split(".");
  if (!encoded || !signature || extra !== undefined) {
    throw new OAuthStateError("malformed", "OAuth state is malformed");
  }
  const expected = Buffer.from(sign(encoded, input.secret), "utf8");
  const given = Buffer.from(signature, "utf8");
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new OAuthStateError("bad_signature", "OAuth state signature does not match");
  }
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
  } catch {
    throw new OAuthStateError("malformed", "OAuth state payload is not JSON");
  }
  const parsed = payloadSchema.safeParse(decoded);
  if (!parsed.success) throw new OAuthStateError("malformed", "OAuth state payload is invalid");
  const payload = parsed.data;
  if ((input.clock ?? systemClock).now() >= payload.expiresAt) {
    throw new OAuthStateError("expired", "OAuth state has expired; start the connection again");
  }
  return payload;
}

/** Marks a state read by readOAuthState as used; throws "replayed" when it already was. */
export async function spendOAuthState(payload: OAuthStatePayload, input: Pick<VerifyOAuthStateInput, "usedNonce">): Promise<void> {
  if (await input.usedNonce(payload.nonce, new Date(payload.expiresAt))) {
    throw new OAuthStateError("replayed", "OAuth state was already used");
  }
}

/** Single-process nonce registry (development, tests); forgets nonces once they expire. */
export function createInMemoryNonceRegistry(clock: Pick<Clock, "now"> = systemClock) {
  const seen = new Map<string, number>();
  return (nonce: string, expiresAt: Date): boolean => {
    const now = clock.now();
    for (const [key, until] of seen) if (until <= now) seen.delete(key);
    if (seen.has(nonce)) return true;
    seen.set(nonce, expiresAt.getTime());
    return false;
  };
}

function sign(encodedPayload: string, secret: string): string {
  return createHmac("sha256", secret).update(`qbo-oauth-state.${encodedPayload}`).digest("base64url");
}

function requireSecret(secret: string): void {
  if (secret.length < 16) throw new Error("OAuth state secret must be at least 16 characters");
}

import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { memberships, oauthStates, organizations, qboConnections } from "@/lib/db/schema";
import {
  createOAuthState,
  createQboOAuth,
  createTokenProvider,
  OAuthStateError,
  QboClient,
  readOAuthState,
  spendOAuthState,
  unlimitedRateBudget,
  type QboOAuth,
  type QboTokenSet,
  type TokenCipher,
} from "@/lib/qbo";
import type { QboAppConfig } from "./app-config";
import { CONNECT_ERROR_MESSAGES, type ConnectErrorCode } from "./connect-errors";
import { companyLabel } from "./company-switch-rule";
import { connectDecisionFor } from "./connect-decision";
import { encryptedColumns } from "./token-store";
import { logger } from "@/lib/log";

export type ConnectionDeps = { config: QboAppConfig; cipher: TokenCipher; stateSecret: string; now?: () => Date };

export function oauthFor(config: QboAppConfig): QboOAuth {
  return createQboOAuth({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    redirectUri: config.redirectUri,
    endpoints: config.endpoints,
  });
}

export async function getConnection(db: Db, organizationId: string) {
  const [row] = await db.select().from(qboConnections).where(eq(qboConnections.organizationId, organizationId)).limit(1);
  return row ?? null;
}

/** The Intuit authorize URL for this organisation, with a signed single-use `state` bound to the person starting it. */
export function buildConnectUrl(input: { organizationId: string; userId: string }, deps: ConnectionDeps): string {
  const state = createOAuthState({ orgId: input.organizationId, userId: input.userId, secret: deps.stateSecret });
  return oauthFor(deps.config).buildAuthorizeUrl({ state });
}

/** A refused connection: its code travels in the redirect, its fixed message is what the person reads. */
export class ConnectError extends Error {
  constructor(
    readonly code: ConnectErrorCode,
    readonly organizationSlug?: string,
  ) {
    super(CONNECT_ERROR_MESSAGES[code]);
  }
}

/**
 * Finishes the OAuth flow: the state must be ours and unexpired, for an organisation the person
 * administers, started by that same person, and unused — checked in that order, so a refused
 * attempt never spends the rightful admin's state. Then the code is exchanged, the company read,
 * and the tokens stored encrypted.
 */
export async function completeConnect(
  db: Db,
  input: { callbackUrl: string; userId: string },
  deps: ConnectionDeps,
): Promise<{ organizationSlug: string; companyName: string; realmId: string; status: "connected" | "awaiting_confirmation" }> {
  const url = new URL(input.callbackUrl);
  const state = url.searchParams.get("state") ?? "";
  const payload = connectStep(() => readOAuthState(state, { secret: deps.stateSecret, clock: clockOf(deps) }));
  const organizationId = payload.orgId;
  const [membership] = await db
    .select({ role: memberships.role, slug: organizations.slug })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, input.userId)))
    .limit(1);
  if (!membership || membership.role !== "admin") throw new ConnectError("not_admin");
  const slug = membership.slug;
  if (payload.userId && payload.userId !== input.userId) {
    throw new ConnectError("started_by_other", slug);
  }
  await connectStep(() =>
    spendOAuthState(payload, {
      usedNonce: async (nonce, expiresAt) => {
        const inserted = await db
          .insert(oauthStates)
          .values({ nonce, organizationId, userId: input.userId, expiresAt, usedAt: new Date() })
          .onConflictDoNothing()
          .returning({ nonce: oauthStates.nonce });
        return inserted.length === 0;
      },
    }),
  );

  const oauthError = url.searchParams.get("error");
  if (oauthError) {
    // The error comes from the URL, so it is logged, never shown.
    if (oauthError !== "access_denied") logger().warn("qbo connect refused", { oauthError: oauthError.slice(0, 100) });
    throw new ConnectError(oauthError === "access_denied" ? "access_denied" : "refused", slug);
  }
  const tokens = await oauthFor(deps.config).exchangeCode(input.callbackUrl);
  const companyName = await readCompanyName(tokens, deps);
  try {
    const status = await db.transaction(async (tx) => {
      // Decided under the row's lock, so two callbacks at once cannot both skip the confirmation.
      const [existing] = await tx.select().from(qboConnections).where(eq(qboConnections.organizationId, organizationId)).for("update");
      const decision = await connectDecisionFor(tx, organizationId, tokens.realmId);
      const values = {
        ...encryptedColumns(deps.cipher, organizationId, tokens),
        companyName,
        status: decision.status,
        statusReason: null,
        connectedBy: input.userId,
        connectedAt: new Date(),
        ...(decision.status === "connected"
          ? { awaitingKind: null, switchFromRealmId: null, switchFromCompanyName: null }
          : decision.awaitingKind === "first_sync"
            ? { awaitingKind: "first_sync" as const, switchFromRealmId: null, switchFromCompanyName: null }
            : { awaitingKind: "switch" as const, switchFromRealmId: decision.fromRealmId, switchFromCompanyName: previousCompanyName(existing, decision.fromRealmId) }),
      };
      await tx
        .insert(qboConnections)
        .values({ organizationId, ...values })
        .onConflictDoUpdate({ target: qboConnections.organizationId, set: values });
      return decision.status;
    });
    return { organizationSlug: slug, companyName, realmId: tokens.realmId, status };
  } catch (error) {
    if (isUniqueViolation(error, "qbo_connections_realm_key")) {
      // The new tokens are simply not kept. Never revoke them: at Intuit a revoke disconnects the app
      // from the company, which would cut off the organisation that rightly holds it.
      throw new ConnectError("company_taken", slug);
    }
    throw error;
  }
}

/** The name of the company being left, as the connection row last knew it. */
function previousCompanyName(existing: typeof qboConnections.$inferSelect | undefined, realmId: string): string | null {
  if (!existing) return null;
  if (existing.switchFromRealmId === realmId) return existing.switchFromCompanyName;
  return existing.realmId === realmId ? existing.companyName : null;
}

const clockOf = (deps: ConnectionDeps) => (deps.now ? { now: () => deps.now!().getTime() } : undefined);

/** Runs a state check, turning its failure into the message the person sees. */
function connectStep<T>(step: () => T): T {
  const failed = (error: unknown): never => {
    if (error instanceof OAuthStateError) {
      throw new ConnectError(
        error.reason === "replayed" ? "state_replayed" : error.reason === "expired" ? "state_expired" : "state_invalid",
      );
    }
    throw error;
  };
  try {
    const result = step();
    return (result instanceof Promise ? result.catch(failed) : result) as T;
  } catch (error) {
    return failed(error);
  }
}

async function readCompanyName(tokens: QboTokenSet, deps: ConnectionDeps): Promise<string> {
  let current = tokens;
  const client = new QboClient({
    endpoints: deps.config.endpoints,
    realmId: tokens.realmId,
    limiter: unlimitedRateBudget,
    tokenProvider: createTokenProvider(
      {
        load: async () => current,
        save: async (t) => {
          current = t;
        },
        markNeedsReconnect: async () => {},
      },
      oauthFor(deps.config),
    ),
  });
  const info = await client.companyInfo();
  return String(info.CompanyName ?? "QuickBooks company");
}

/**
 * Revokes the tokens at Intuit (best effort) and forgets them. A connection still awaiting a switch
 * goes back to naming the company the organisation's links point to: the new one was never used.
 */
export async function disconnect(db: Db, organizationId: string, deps: ConnectionDeps): Promise<{ revoked: boolean }> {
  const row = await getConnection(db, organizationId);
  if (!row) return { revoked: false };
  let revoked = false;
  if (row.refreshTokenEncrypted) {
    try {
      await oauthFor(deps.config).revoke(deps.cipher.decrypt(row.refreshTokenEncrypted, organizationId));
      revoked = true;
    } catch (error) {
      logger().warn("qbo revoke failed; disconnecting locally", { organizationId, error });
    }
  }
  await db
    .update(qboConnections)
    .set({
      status: "disconnected",
      statusReason: null,
      ...(row.status === "awaiting_confirmation" && row.switchFromRealmId ? { realmId: row.switchFromRealmId, companyName: row.switchFromCompanyName } : {}),
      awaitingKind: null,
      switchFromRealmId: null,
      switchFromCompanyName: null,
      accessTokenEncrypted: null,
      refreshTokenEncrypted: null,
      accessTokenExpiresAt: null,
      refreshTokenExpiresAt: null,
    })
    .where(eq(qboConnections.organizationId, organizationId));
  return { revoked };
}

export type TokenHealth = {
  status: "connected" | "needs_reconnect" | "disconnected" | "awaiting_confirmation";
  accessTokenExpiresAt: Date | null;
  refreshTokenDaysLeft: number | null;
  message: string;
};

/**
 * Why the connection needs reconnecting, without its own "reconnect" advice (the sync's reason may
 * carry one), so the health text asks once.
 */
function reconnectReason(statusReason: string | null): string {
  const sentences = (statusReason ?? "")
    .split(/(?<=\.)\s+/)
    .map((sentence) => sentence.trim().replace(/\.$/, ""))
    .filter((sentence) => sentence.length > 0 && !/reconnect/i.test(sentence));
  return sentences.length > 0 ? sentences.join(". ") : "QuickBooks no longer accepts this connection";
}

/** What Settings → Sync → Setup says about the connection's tokens. */
export function tokenHealth(row: typeof qboConnections.$inferSelect | null, now: Date): TokenHealth {
  if (!row || row.status === "disconnected") {
    return { status: "disconnected", accessTokenExpiresAt: null, refreshTokenDaysLeft: null, message: "Not connected." };
  }
  const days = row.refreshTokenExpiresAt
    ? Math.floor((row.refreshTokenExpiresAt.getTime() - now.getTime()) / 86_400_000)
    : null;
  if (row.status === "awaiting_confirmation") {
    return {
      status: "awaiting_confirmation",
      accessTokenExpiresAt: row.accessTokenExpiresAt,
      refreshTokenDaysLeft: days,
      message: `${row.awaitingKind === "first_sync" ? "First sync with" : "Switch to"} ${companyLabel(row.companyName, row.realmId)} waiting for your confirmation; nothing syncs until then.`,
    };
  }
  if (row.status === "needs_reconnect") {
    return {
      status: "needs_reconnect",
      accessTokenExpiresAt: row.accessTokenExpiresAt,
      refreshTokenDaysLeft: days,
      message: `${reconnectReason(row.statusReason)}. Reconnect to resume syncing.`,
    };
  }
  if (days !== null && days < 0) {
    return { status: "needs_reconnect", accessTokenExpiresAt: row.accessTokenExpiresAt, refreshTokenDaysLeft: days, message: "The connection expired. Reconnect to resume syncing." };
  }
  return {
    status: "connected",
    accessTokenExpiresAt: row.accessTokenExpiresAt,
    refreshTokenDaysLeft: days,
    message: days !== null && days < 14 ? `Healthy — reconnect within ${days} days to keep syncing.` : "Healthy — tokens renew automatically.",
  };
}

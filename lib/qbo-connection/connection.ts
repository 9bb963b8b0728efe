import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { memberships, oauthStates, organizations, qboConnections } from "@/lib/db/schema";
import {
  createOAuthState,
  createQboOAuth,
  createTokenProvider,
  OAuthStateError,
  QboClient,
  unlimitedRateBudget,
  verifyOAuthState,
  type QboOAuth,
  type QboTokenSet,
  type TokenCipher,
} from "@/lib/qbo";
import type { QboAppConfig } from "./app-config";
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

/** The Intuit authorize URL for this organisation, with a signed single-use `state`. */
export function buildConnectUrl(organizationId: string, deps: ConnectionDeps): string {
  const state = createOAuthState({ orgId: organizationId, secret: deps.stateSecret });
  return oauthFor(deps.config).buildAuthorizeUrl({ state });
}

export class ConnectError extends Error {
  constructor(
    message: string,
    readonly organizationSlug?: string,
  ) {
    super(message);
  }
}

/**
 * Finishes the OAuth flow: the state must be ours, unexpired, unused, for an organisation the person
 * administers. Then the code is exchanged, the company read, and the tokens stored encrypted.
 */
export async function completeConnect(
  db: Db,
  input: { callbackUrl: string; userId: string },
  deps: ConnectionDeps,
): Promise<{ organizationSlug: string; companyName: string; realmId: string }> {
  const url = new URL(input.callbackUrl);
  const state = url.searchParams.get("state") ?? "";
  let organizationId: string;
  try {
    const payload = await verifyOAuthState(state, {
      secret: deps.stateSecret,
      usedNonce: async (nonce, expiresAt) => {
        const orgId = peekOrgId(state);
        if (!orgId) return true;
        const inserted = await db
          .insert(oauthStates)
          .values({ nonce, organizationId: orgId, userId: input.userId, expiresAt, usedAt: new Date() })
          .onConflictDoNothing()
          .returning({ nonce: oauthStates.nonce });
        return inserted.length === 0;
      },
    });
    organizationId = payload.orgId;
  } catch (error) {
    if (error instanceof OAuthStateError) {
      throw new ConnectError(
        error.reason === "replayed"
          ? "This QuickBooks connection link was already used. Start again from Settings → Sync."
          : error.reason === "expired"
            ? "The QuickBooks connection took too long. Start again from Settings → Sync."
            : "The QuickBooks connection could not be verified. Start again from Settings → Sync.",
      );
    }
    throw error;
  }
  const [membership] = await db
    .select({ role: memberships.role, slug: organizations.slug })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, input.userId)))
    .limit(1);
  if (!membership || membership.role !== "admin") throw new ConnectError("Only an admin can connect QuickBooks.");
  const slug = membership.slug;

  const oauthError = url.searchParams.get("error");
  if (oauthError) {
    throw new ConnectError(
      oauthError === "access_denied" ? "QuickBooks access was not granted. Nothing was connected." : `QuickBooks refused the connection (${oauthError}).`,
      slug,
    );
  }
  const tokens = await oauthFor(deps.config).exchangeCode(input.callbackUrl);
  const companyName = await readCompanyName(tokens, deps);
  const values = {
    ...encryptedColumns(deps.cipher, organizationId, tokens),
    companyName,
    status: "connected" as const,
    statusReason: null,
    connectedBy: input.userId,
    connectedAt: new Date(),
  };
  await db
    .insert(qboConnections)
    .values({ organizationId, ...values })
    .onConflictDoUpdate({ target: qboConnections.organizationId, set: values });
  return { organizationSlug: slug, companyName, realmId: tokens.realmId };
}

/** Reads the state's org id without trusting it; verification happens in verifyOAuthState. */
function peekOrgId(state: string): string | null {
  try {
    const [encoded] = state.split(".");
    const payload = JSON.parse(Buffer.from(encoded ?? "", "base64url").toString("utf8")) as { orgId?: unknown };
    return typeof payload.orgId === "string" && /^[0-9a-f-]{36}$/.test(payload.orgId) ? payload.orgId : null;
  } catch {
    return null;
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

/** Revokes the tokens at Intuit (best effort) and forgets them. */
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
      accessTokenEncrypted: null,
      refreshTokenEncrypted: null,
      accessTokenExpiresAt: null,
      refreshTokenExpiresAt: null,
    })
    .where(eq(qboConnections.organizationId, organizationId));
  return { revoked };
}

export type TokenHealth = {
  status: "connected" | "needs_reconnect" | "disconnected";
  accessTokenExpiresAt: Date | null;
  refreshTokenDaysLeft: number | null;
  message: string;
};

/** What Settings → Sync → Setup says about the connection's tokens. */
export function tokenHealth(row: typeof qboConnections.$inferSelect | null, now: Date): TokenHealth {
  if (!row || row.status === "disconnected") {
    return { status: "disconnected", accessTokenExpiresAt: null, refreshTokenDaysLeft: null, message: "Not connected." };
  }
  const days = row.refreshTokenExpiresAt
    ? Math.floor((row.refreshTokenExpiresAt.getTime() - now.getTime()) / 86_400_000)
    : null;
  if (row.status === "needs_reconnect") {
    return {
      status: "needs_reconnect",
      accessTokenExpiresAt: row.accessTokenExpiresAt,
      refreshTokenDaysLeft: days,
      message: `QuickBooks no longer accepts this connection${row.statusReason ? ` (${row.statusReason})` : ""}. Reconnect to resume syncing.`,
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

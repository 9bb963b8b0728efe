/**
 * Intuit OAuth 2.0 token state: authorization codes (10 min, single use, bound to redirect_uri),
 * access tokens (3600 s) and rolling refresh tokens (100 days; after a refresh the previous refresh
 * token keeps working for 24 h, then dies — so clients must always store the newest one).
 * A grant is one user's connection of one company; revoking any of its tokens revokes the grant.
 */
import { randomBytes } from "node:crypto";
import type { TokenResponse } from "./types";

export const ACCESS_TOKEN_SECONDS = 3600;
export const REFRESH_TOKEN_SECONDS = 8_726_400;
export const CODE_SECONDS = 600;
export const PREVIOUS_REFRESH_GRACE_MS = 24 * 3600 * 1000;

interface CodeEntry {
  realmId: string;
  redirectUri: string;
  expiresAt: number;
  used: boolean;
}

interface GrantEntry {
  realmId: string;
  revoked: boolean;
}

interface AccessEntry {
  grantId: string;
  expiresAt: number;
}

interface RefreshEntry {
  grantId: string;
  expiresAt: number;
  supersededAt: number | null;
}

export interface OAuthSnapshot {
  codes: [string, CodeEntry][];
  grants: [string, GrantEntry][];
  accessTokens: [string, AccessEntry][];
  refreshTokens: [string, RefreshEntry][];
}

export type Authentication =
  | { ok: true; realmId: string }
  | { ok: false; reason: "missing" | "unknown" | "expired" | "revoked" };

function token(prefix: string, bytes: number): string {
  return prefix + randomBytes(bytes).toString("base64url");
}

export class OAuthState {
  private codes = new Map<string, CodeEntry>();
  private grants = new Map<string, GrantEntry>();
  private accessTokens = new Map<string, AccessEntry>();
  private refreshTokens = new Map<string, RefreshEntry>();

  issueCode(realmId: string, redirectUri: string, nowMs: number): string {
    const code = token("AB11", 30);
    this.codes.set(code, { realmId, redirectUri, expiresAt: nowMs + CODE_SECONDS * 1000, used: false });
    return code;
  }

  /** Returns null for invalid_grant (unknown, used, expired code, or redirect_uri mismatch). */
  exchangeCode(code: string, redirectUri: string, nowMs: number): { tokens: TokenResponse; realmId: string } | null {
    const entry = this.codes.get(code);
    if (!entry || entry.used || entry.expiresAt <= nowMs || entry.redirectUri !== redirectUri) return null;
    entry.used = true;
    return { tokens: this.issueGrant(entry.realmId, nowMs), realmId: entry.realmId };
  }

  /** Starts a new grant (a connection) — also used by the control API to skip the consent page. */
  issueGrant(realmId: string, nowMs: number): TokenResponse {
    const grantId = token("g", 12);
    this.grants.set(grantId, { realmId, revoked: false });
    return this.issueTokens(grantId, nowMs);
  }

  private issueTokens(grantId: string, nowMs: number): TokenResponse {
    const accessToken = token("eyJsandbox.", 48);
    const refreshToken = token("RT1-", 36);
    this.accessTokens.set(accessToken, { grantId, expiresAt: nowMs + ACCESS_TOKEN_SECONDS * 1000 });
    this.refreshTokens.set(refreshToken, { grantId, expiresAt: nowMs + REFRESH_TOKEN_SECONDS * 1000, supersededAt: null });
    return {
      token_type: "bearer",
      access_token: accessToken,
      expires_in: ACCESS_TOKEN_SECONDS,
      refresh_token: refreshToken,
      x_refresh_token_expires_in: REFRESH_TOKEN_SECONDS,
    };
  }

  /** Returns null for invalid_grant. */
  refresh(refreshToken: string, nowMs: number): TokenResponse | null {
    const entry = this.refreshTokens.get(refreshToken);
    if (!entry || entry.expiresAt <= nowMs) return null;
    if (entry.supersededAt !== null && entry.supersededAt + PREVIOUS_REFRESH_GRACE_MS <= nowMs) return null;
    const grant = this.grants.get(entry.grantId);
    if (!grant || grant.revoked) return null;
    if (entry.supersededAt === null) entry.supersededAt = nowMs;
    return this.issueTokens(entry.grantId, nowMs);
  }

  /** Revokes the grant an access or refresh token belongs to. Returns false for an unknown token. */
  revoke(anyToken: string): boolean {
    const grantId = this.accessTokens.get(anyToken)?.grantId ?? this.refreshTokens.get(anyToken)?.grantId;
    const grant = grantId ? this.grants.get(grantId) : undefined;
    if (!grant) return false;
    grant.revoked = true;
    return true;
  }

  authenticate(authorization: string | null, nowMs: number): Authentication {
    const match = authorization ? /^Bearer\s+(.+)$/i.exec(authorization.trim()) : null;
    const accessToken = match?.[1];
    if (!accessToken) return { ok: false, reason: "missing" };
    const entry = this.accessTokens.get(accessToken);
    if (!entry) return { ok: false, reason: "unknown" };
    const grant = this.grants.get(entry.grantId);
    if (!grant || grant.revoked) return { ok: false, reason: "revoked" };
    if (entry.expiresAt <= nowMs) return { ok: false, reason: "expired" };
    return { ok: true, realmId: grant.realmId };
  }

  private grantIdsOf(realmId: string | undefined): Set<string> {
    const ids = new Set<string>();
    for (const [id, grant] of this.grants) if (!realmId || grant.realmId === realmId) ids.add(id);
    return ids;
  }

  /** Fault injection: every access token of the realm (or all realms) expires now. */
  expireAccessTokens(realmId: string | undefined, nowMs: number): void {
    const grants = this.grantIdsOf(realmId);
    for (const entry of this.accessTokens.values()) if (grants.has(entry.grantId)) entry.expiresAt = Math.min(entry.expiresAt, nowMs);
  }

  /** Fault injection: the user disconnected the app in QBO; refresh gives invalid_grant. */
  revokeRealm(realmId: string | undefined): void {
    for (const id of this.grantIdsOf(realmId)) {
      const grant = this.grants.get(id);
      if (grant) grant.revoked = true;
    }
  }

  clear(): void {
    this.codes.clear();
    this.grants.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
  }

  toSnapshot(): OAuthSnapshot {
    return {
      codes: [...this.codes],
      grants: [...this.grants],
      accessTokens: [...this.accessTokens],
      refreshTokens: [...this.refreshTokens],
    };
  }

  static fromSnapshot(snapshot: OAuthSnapshot): OAuthState {
    const state = new OAuthState();
    state.codes = new Map(snapshot.codes);
    state.grants = new Map(snapshot.grants);
    state.accessTokens = new Map(snapshot.accessTokens);
    state.refreshTokens = new Map(snapshot.refreshTokens);
    return state;
  }
}

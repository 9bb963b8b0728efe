import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { qboConnections } from "@/lib/db/schema";
import type { QboTokenSet, TokenCipher, TokenStore } from "@/lib/qbo";

export type TokenStoreOptions = {
  /**
   * Also load the tokens of a connection awaiting a switch confirmation. Only for reading the new
   * company (the sync preview); a sync never asks for this, so nothing is written there.
   */
  awaitingConfirmation?: boolean;
};

/**
 * Tokens of one organisation's QBO connection, AES-256-GCM encrypted at rest. The organisation id is
 * bound into the ciphertext, so a row copied to another organisation does not decrypt.
 */
export function createDbTokenStore(db: Db, organizationId: string, cipher: TokenCipher, options: TokenStoreOptions = {}): TokenStore {
  return {
    async load() {
      const [row] = await db.select().from(qboConnections).where(eq(qboConnections.organizationId, organizationId)).limit(1);
      const usable = row?.status === "connected" || (options.awaitingConfirmation === true && row?.status === "awaiting_confirmation");
      if (!row || !usable || !row.accessTokenEncrypted || !row.refreshTokenEncrypted) return null;
      return {
        realmId: row.realmId,
        accessToken: cipher.decrypt(row.accessTokenEncrypted, organizationId),
        refreshToken: cipher.decrypt(row.refreshTokenEncrypted, organizationId),
        accessTokenExpiresAt: row.accessTokenExpiresAt ?? new Date(0),
        refreshTokenExpiresAt: row.refreshTokenExpiresAt ?? new Date(0),
      } satisfies QboTokenSet;
    },
    async save(tokens) {
      await db
        .update(qboConnections)
        .set(encryptedColumns(cipher, organizationId, tokens))
        .where(eq(qboConnections.organizationId, organizationId));
    },
    async markNeedsReconnect(reason) {
      await db
        .update(qboConnections)
        .set({ status: "needs_reconnect", statusReason: reason })
        .where(eq(qboConnections.organizationId, organizationId));
    },
  };
}

export function encryptedColumns(cipher: TokenCipher, organizationId: string, tokens: QboTokenSet) {
  return {
    realmId: tokens.realmId,
    accessTokenEncrypted: cipher.encrypt(tokens.accessToken, organizationId),
    refreshTokenEncrypted: cipher.encrypt(tokens.refreshToken, organizationId),
    accessTokenExpiresAt: tokens.accessTokenExpiresAt,
    refreshTokenExpiresAt: tokens.refreshTokenExpiresAt,
  };
}

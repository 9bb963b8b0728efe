/** OAuth tokens of one connected QBO company and where the app keeps them. */
export interface QboTokenSet {
  realmId: string;
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
  refreshTokenExpiresAt: Date;
}

/**
 * Persistence of one organisation's token set. The app implements it (database row, tokens
 * encrypted at rest with `createTokenCipher`); the QBO client never touches the database.
 */
export interface TokenStore {
  /** The current set, or null when the organisation has no connection. */
  load(): Promise<QboTokenSet | null>;
  /** Replaces the set; called after every refresh (the refresh token rotates). */
  save(tokens: QboTokenSet): Promise<void>;
  /** The connection is dead (refresh token rejected): the admin must reconnect. */
  markNeedsReconnect(reason: string): Promise<void>;
}

/** What the API client needs from token management. */
export interface TokenProvider {
  /** A usable access token, refreshed first when it is about to expire. */
  getAccessToken(): Promise<string>;
  /**
   * Refreshes after QBO rejected `rejectedAccessToken` (401). When another caller already
   * replaced that token, returns the newer one without refreshing again.
   */
  forceRefresh(rejectedAccessToken?: string): Promise<string>;
}

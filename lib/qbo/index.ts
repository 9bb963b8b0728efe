/**
 * QuickBooks Online client: public API. Works against Intuit and the built-in sandbox alike.
 *
 * Wiring for one organisation (the app supplies the TokenStore, encrypting with createTokenCipher):
 *   const endpoints = resolveQboEndpoints(process.env);            // or builtInSandboxEndpoints(url)
 *   const oauth = createQboOAuth({ clientId, clientSecret, redirectUri, endpoints });
 *   const client = new QboClient({
 *     endpoints, realmId,
 *     tokenProvider: createTokenProvider(store, oauth),
 *     limiter: rateBudgets(realmId),                               // createInMemoryRateBudgets()
 *   });
 *   await client.create("Bill", body, { requestId: requestIdFor(outboxRowId) });
 */
export {
  builtInSandboxEndpoints,
  intuitEndpoints,
  resolveQboEndpoints,
  type QboEndpoints,
  type QboEnvironment,
  type ResolveQboEndpointsOptions,
} from "@/lib/qbo/config";
export {
  QboError,
  classifyQboError,
  isQboError,
  parseQboFault,
  qboErrorFromFault,
  type QboErrorKind,
  type QboFaultEntry,
} from "@/lib/qbo/errors";
export {
  TokenCryptoError,
  createTokenCipher,
  decryptToken,
  encryptToken,
  generateEncryptionKey,
  parseEncryptionKey,
  type TokenCipher,
} from "@/lib/qbo/crypto";
export type { QboTokenSet, TokenProvider, TokenStore } from "@/lib/qbo/tokens";
export { createTokenProvider, type TokenRefresher, type TokenProviderOptions } from "@/lib/qbo/token-provider";
export { QBO_ACCOUNTING_SCOPE, createQboOAuth, type QboOAuth, type QboOAuthConfig } from "@/lib/qbo/oauth";
export {
  OAuthStateError,
  createInMemoryNonceRegistry,
  createOAuthState,
  readOAuthState,
  spendOAuthState,
  verifyOAuthState,
  type OAuthStateFailure,
  type OAuthStatePayload,
} from "@/lib/qbo/oauth-state";
export {
  DEFAULT_RETRY,
  QBO_MINOR_VERSION,
  retryDelayMs,
  type QboLogger,
  type RetryOptions,
} from "@/lib/qbo/http";
export {
  QboClient,
  type BatchItem,
  type BatchItemResult,
  type CdcResult,
  type ObjectVersion,
  type QboClientOptions,
  type QboWriteBody,
  type UpdateOptions,
  type WriteOptions,
} from "@/lib/qbo/client";
export { buildQboQuery, qboInList, quoteQboString } from "@/lib/qbo/query-builder";
export { requestIdFor } from "@/lib/qbo/requestid";
export {
  InMemoryRateBudget,
  QBO_RATE_LIMITS,
  createInMemoryRateBudgets,
  unlimitedRateBudget,
  type RateBudget,
  type RateKind,
  type RateLimits,
  type Release,
} from "@/lib/qbo/limiter";
export { systemClock, type Clock } from "@/lib/qbo/clock";
export * from "@/lib/qbo/schemas";

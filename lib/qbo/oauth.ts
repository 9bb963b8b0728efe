import OAuthClient from "intuit-oauth";
import { z } from "zod";
import { systemClock, type Clock } from "@/lib/qbo/clock";
import type { QboEndpoints } from "@/lib/qbo/config";
import { QboError, parseQboFault } from "@/lib/qbo/errors";
import type { QboTokenSet } from "@/lib/qbo/tokens";

export const QBO_ACCOUNTING_SCOPE = "com.intuit.quickbooks.accounting";

export interface QboOAuthConfig {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  endpoints: QboEndpoints;
  scopes?: string[];
  clock?: Pick<Clock, "now">;
}

/** Intuit OAuth 2.0 for one app registration; same code for Intuit and the built-in sandbox. */
export interface QboOAuth {
  buildAuthorizeUrl(input: { state: string }): string;
  /** Exchanges the callback URL's `code`; the realm comes from the callback's `realmId`. */
  exchangeCode(callbackUrl: string): Promise<QboTokenSet>;
  /** Refreshes; the result always carries the newest refresh token (they rotate). */
  refresh(refreshToken: string, realmId: string): Promise<QboTokenSet>;
  /** Revokes a refresh token (which also ends its access tokens) or an access token. */
  revoke(token: string): Promise<void>;
}

const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.coerce.number().positive(),
  x_refresh_token_expires_in: z.coerce.number().positive().optional(),
});

const configSchema = z.object({
  clientId: z.string().min(1, "QBO client id is required"),
  clientSecret: z.string().min(1, "QBO client secret is required"),
  redirectUri: z.url(),
});

// Intuit documents 100 days for refresh tokens; used when a response omits the lifetime.
const DEFAULT_REFRESH_LIFETIME_SECONDS = 8_726_400;

export function createQboOAuth(config: QboOAuthConfig): QboOAuth {
  configSchema.parse(config);
  const clock = config.clock ?? systemClock;
  const scopes = config.scopes ?? [QBO_ACCOUNTING_SCOPE];

  /**
   * intuit-oauth keeps its endpoint URLs in process-global statics. Every method we call reads
   * them synchronously (the request object is built before the first await), so pointing them
   * at our endpoints immediately before each call is safe even when several configurations
   * (e.g. tests with two sandboxes) run interleaved in one process.
   */
  function clientForCall(): OAuthClient {
    OAuthClient.authorizeEndpoint = config.endpoints.authorizeUrl;
    OAuthClient.tokenEndpoint = config.endpoints.tokenUrl;
    OAuthClient.revokeEndpoint = config.endpoints.revokeUrl;
    return new OAuthClient({
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      redirectUri: config.redirectUri,
      environment: config.endpoints.environment,
      logging: false,
    });
  }

  function tokenSetFrom(json: unknown, realmId: string, previousRefreshToken?: string): QboTokenSet {
    const parsed = tokenResponseSchema.safeParse(json);
    if (!parsed.success) {
      throw new QboError({
        code: "invalid_token_response",
        message: "The token endpoint returned an unexpected response",
        detail: z.prettifyError(parsed.error),
        httpStatus: 200,
        kind: "fatal",
      });
    }
    const refreshToken = parsed.data.refresh_token ?? previousRefreshToken;
    if (!refreshToken) {
      throw new QboError({
        code: "invalid_token_response",
        message: "The token endpoint returned no refresh token",
        detail: "",
        httpStatus: 200,
        kind: "fatal",
      });
    }
    const now = clock.now();
    return {
      realmId,
      accessToken: parsed.data.access_token,
      refreshToken,
      accessTokenExpiresAt: new Date(now + parsed.data.expires_in * 1000),
      refreshTokenExpiresAt: new Date(
        now + (parsed.data.x_refresh_token_expires_in ?? DEFAULT_REFRESH_LIFETIME_SECONDS) * 1000,
      ),
    };
  }

  return {
    buildAuthorizeUrl({ state }) {
      if (!state) throw new Error("buildAuthorizeUrl needs a state (see createOAuthState)");
      return clientForCall().authorizeUri({ scope: scopes, state });
    },

    async exchangeCode(callbackUrl) {
      const params = new URL(callbackUrl, "http://callback.invalid").searchParams;
      const denied = params.get("error");
      if (denied) {
        throw new QboError({
          code: denied,
          message: "The QuickBooks connection was not approved",
          detail: params.get("error_description") ?? "",
          httpStatus: 400,
          kind: "auth",
        });
      }
      const realmId = params.get("realmId");
      const code = params.get("code");
      if (!realmId || !code) {
        throw new QboError({
          code: "invalid_callback",
          message: "The OAuth callback is missing code or realmId",
          detail: callbackUrl.split("?")[0] ?? "",
          httpStatus: 400,
          kind: "validation",
        });
      }
      try {
        const response = await clientForCall().createToken(callbackUrl);
        return tokenSetFrom(response.json, realmId);
      } catch (error) {
        throw toQboError(error);
      }
    },

    async refresh(refreshToken, realmId) {
      try {
        const response = await clientForCall().refreshUsingToken(refreshToken);
        return tokenSetFrom(response.json, realmId, refreshToken);
      } catch (error) {
        throw toQboError(error);
      }
    },

    async revoke(token) {
      try {
        await clientForCall().revoke({ refresh_token: token });
      } catch (error) {
        throw toQboError(error);
      }
    },
  };
}

/** Shape of the errors intuit-oauth throws (a wrapped Error with the HTTP response attached). */
const intuitErrorSchema = z.looseObject({
  error: z.string().optional(),
  error_description: z.string().optional(),
  intuit_tid: z.string().optional(),
  authResponse: z
    .looseObject({
      body: z.string().optional(),
      response: z.looseObject({ status: z.number() }).optional(),
    })
    .or(z.literal(""))
    .optional(),
});

/** Maps intuit-oauth failures to QboError; `invalid_grant` → kind "auth", code "invalid_grant". */
export function toQboError(error: unknown): QboError {
  if (error instanceof QboError) return error;
  const parsed = intuitErrorSchema.safeParse(error);
  const message = error instanceof Error ? error.message : String(error);
  const info = parsed.success ? parsed.data : {};
  const response = info.authResponse ? info.authResponse.response : undefined;
  const tid = info.intuit_tid || undefined;
  if (response) {
    const fromBody = parseQboFault(response.status, { intuit_tid: tid }, info.authResponse ? info.authResponse.body ?? "" : "");
    if (fromBody) return fromBody;
  }
  if (info.error === "invalid_grant") {
    return new QboError({
      code: "invalid_grant",
      message: "The QuickBooks refresh token is no longer valid",
      detail: info.error_description ?? message,
      httpStatus: response?.status ?? 400,
      kind: "auth",
      ...(tid ? { intuitTid: tid } : {}),
      cause: error,
    });
  }
  // No HTTP response at all: the token endpoint could not be reached.
  return new QboError({
    code: response ? `HTTP_${response.status}` : "NETWORK_ERROR",
    message: response ? "The QuickBooks token endpoint failed" : "Could not reach the QuickBooks token endpoint",
    detail: message,
    httpStatus: response?.status ?? 0,
    kind: response ? undefined : "transient",
    ...(tid ? { intuitTid: tid } : {}),
    cause: error,
  });
}

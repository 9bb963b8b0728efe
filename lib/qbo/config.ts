import { z } from "zod";

export type QboEnvironment = "sandbox" | "production";

/** Where the client talks to: Intuit's hosts or the built-in sandbox; nothing else differs. */
export interface QboEndpoints {
  /** API host without trailing slash; requests go to `${apiBaseUrl}/v3/company/{realmId}/…`. */
  apiBaseUrl: string;
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  environment: QboEnvironment;
}

const INTUIT_OAUTH = {
  authorizeUrl: "https://appcenter.intuit.com/connect/oauth2",
  tokenUrl: "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer",
  revokeUrl: "https://developer.api.intuit.com/v2/oauth2/tokens/revoke",
} as const;

/** Intuit's real endpoints for an environment. */
export function intuitEndpoints(environment: QboEnvironment): QboEndpoints {
  return {
    apiBaseUrl:
      environment === "production"
        ? "https://quickbooks.api.intuit.com"
        : "https://sandbox-quickbooks.api.intuit.com",
    ...INTUIT_OAUTH,
    environment,
  };
}

/** Endpoints of the built-in sandbox served at `baseUrl` (API at the base, OAuth under /oauth2). */
export function builtInSandboxEndpoints(baseUrl: string): QboEndpoints {
  const base = stripTrailingSlash(z.url().parse(baseUrl));
  return {
    apiBaseUrl: base,
    authorizeUrl: `${base}/oauth2/authorize`,
    tokenUrl: `${base}/oauth2/v1/tokens/bearer`,
    revokeUrl: `${base}/oauth2/v2/tokens/revoke`,
    environment: "sandbox",
  };
}

// Empty strings (common in .env files) mean "unset".
const optionalUrl = z.preprocess((v) => (v === "" ? undefined : v), z.url().optional());

const endpointEnvSchema = z.object({
  QBO_ENVIRONMENT: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(["sandbox", "production"]).default("sandbox"),
  ),
  QBO_API_BASE_URL: optionalUrl,
  QBO_OAUTH_AUTHORIZE_URL: optionalUrl,
  QBO_OAUTH_TOKEN_URL: optionalUrl,
  QBO_OAUTH_REVOKE_URL: optionalUrl,
});

export interface ResolveQboEndpointsOptions {
  /**
   * When set, defaults come from the built-in sandbox at this URL instead of Intuit's hosts
   * (the app passes it when no Intuit credentials are configured). Explicit overrides still win.
   */
  builtInSandboxUrl?: string;
}

/**
 * Endpoints from environment variables: each explicit override wins on its own; the rest come
 * from Intuit by QBO_ENVIRONMENT (or from the built-in sandbox when asked). Throws a readable
 * message on invalid input.
 */
export function resolveQboEndpoints(
  env: Record<string, string | undefined>,
  options: ResolveQboEndpointsOptions = {},
): QboEndpoints {
  const parsed = endpointEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid QBO endpoint configuration:\n${z.prettifyError(parsed.error)}`);
  }
  const vars = parsed.data;
  const defaults =
    options.builtInSandboxUrl !== undefined
      ? builtInSandboxEndpoints(options.builtInSandboxUrl)
      : intuitEndpoints(vars.QBO_ENVIRONMENT);
  return {
    apiBaseUrl: stripTrailingSlash(vars.QBO_API_BASE_URL ?? defaults.apiBaseUrl),
    authorizeUrl: vars.QBO_OAUTH_AUTHORIZE_URL ?? defaults.authorizeUrl,
    tokenUrl: vars.QBO_OAUTH_TOKEN_URL ?? defaults.tokenUrl,
    revokeUrl: vars.QBO_OAUTH_REVOKE_URL ?? defaults.revokeUrl,
    environment: options.builtInSandboxUrl !== undefined ? "sandbox" : vars.QBO_ENVIRONMENT,
  };
}

function stripTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

import { resolveQboEndpoints, type QboEndpoints } from "@/lib/qbo";
import { SANDBOX_DEFAULTS } from "@/lib/qbo-sandbox";
import type { AppEnv } from "@/lib/config/env";

/** Where the built-in QBO sandbox is mounted inside the app (see app/qbo-sandbox). */
export const BUILT_IN_SANDBOX_PATH = "/qbo-sandbox";

export type QboAppConfig = {
  endpoints: QboEndpoints;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  webhookVerifierToken: string;
  /** True when no Intuit app is configured: the app talks to its own sandbox. */
  builtInSandbox: boolean;
};

/**
 * Intuit's servers when an Intuit app is configured, otherwise the built-in sandbox at
 * APP_URL/qbo-sandbox. Either way the QBO_* URL overrides win: only base URLs differ.
 */
export function qboAppConfig(env: AppEnv): QboAppConfig {
  const builtInSandbox = !env.QBO_CLIENT_ID;
  const appUrl = env.APP_URL.replace(/\/+$/, "");
  const endpoints = resolveQboEndpoints(env as unknown as Record<string, string | undefined>, {
    builtInSandboxUrl: builtInSandbox ? `${appUrl}${BUILT_IN_SANDBOX_PATH}` : undefined,
  });
  return {
    endpoints,
    clientId: env.QBO_CLIENT_ID ?? SANDBOX_DEFAULTS.clientId,
    clientSecret: env.QBO_CLIENT_SECRET ?? SANDBOX_DEFAULTS.clientSecret,
    redirectUri: env.QBO_REDIRECT_URI ?? `${appUrl}/api/qbo/callback`,
    // Never the sandbox's well-known default: the built-in sandbox signs with the token generated for
    // this install (buildEnv); with an Intuit app and no QBO_WEBHOOK_VERIFIER_TOKEN every webhook is
    // refused (an empty key verifies nothing).
    webhookVerifierToken: env.QBO_WEBHOOK_VERIFIER_TOKEN ?? "",
    builtInSandbox,
  };
}

import path from "node:path";
import { env, type AppEnv } from "@/lib/config/env";
import { createQboSandbox, type QboSandbox, type QboSandboxOptions } from "@/lib/qbo-sandbox";
import { BUILT_IN_SANDBOX_PATH, qboAppConfig } from "./app-config";

/**
 * The built-in sandbox is a test double with well-known client credentials: served in development,
 * tests and the demo (DEMO_MODE=1), never by a production deployment (which refuses to start without
 * Intuit credentials, see env-schema.ts; this check keeps the rule even if that one moved).
 */
export function builtInSandboxServed(config: { NODE_ENV: string; DEMO_MODE: string; QBO_CLIENT_ID?: string }): boolean {
  return !config.QBO_CLIENT_ID && (config.NODE_ENV !== "production" || config.DEMO_MODE === "1");
}

// One sandbox per process (Next.js may load this module in several bundles).
const KEY = Symbol.for("ledgerbridge.qboSandbox");
type Holder = { [KEY]?: QboSandbox };

/**
 * The built-in QBO sandbox served by the app itself at /qbo-sandbox when no Intuit app is
 * configured. Its state persists under DATA_DIR. Each organisation gets its own company, created
 * (with realistic demo data) when one of its admins first connects — see sandbox-caller.ts.
 */
export function builtInSandbox(): QboSandbox | null {
  const config = env();
  if (!builtInSandboxServed(config)) return null;
  const holder = globalThis as Holder;
  holder[KEY] ??= createQboSandbox(builtInSandboxOptions(config));
  return holder[KEY];
}

/** The built-in sandbox's state and settings, shared by the app and `npm run sync` serving it while the app is stopped. */
export function builtInSandboxOptions(config: AppEnv): QboSandboxOptions {
  const appUrl = config.APP_URL.replace(/\/+$/, "");
  return {
    basePath: BUILT_IN_SANDBOX_PATH,
    persistPath: path.join(config.DATA_DIR, "qbo-sandbox.json"),
    webhookUrl: `${appUrl}/api/qbo/webhooks`,
    webhookVerifierToken: qboAppConfig(config).webhookVerifierToken,
    throttling: true,
  };
}

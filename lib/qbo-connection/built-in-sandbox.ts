import path from "node:path";
import { env } from "@/lib/config/env";
import { createQboSandbox, DEFAULT_SEED, type QboSandbox } from "@/lib/qbo-sandbox";
import { BUILT_IN_SANDBOX_PATH, qboAppConfig } from "./app-config";

export const BUILT_IN_COMPANY_NAME = "Brightwater Landscaping (QuickBooks sandbox)";

/**
 * The sandbox's control API (act as a QBO user, inject faults, reset) changes the fake company at
 * will: it is for the demo, development and tests, never for a production deployment that merely
 * lacks Intuit credentials.
 */
export function sandboxControlAllowed(config: { NODE_ENV: string; DEMO_MODE: string }): boolean {
  return config.NODE_ENV !== "production" || config.DEMO_MODE === "1";
}

const CONTROL_PATH = /\/_sandbox(?:\/|$)/;

export function isSandboxControlPath(pathname: string): boolean {
  return CONTROL_PATH.test(pathname);
}

// One sandbox per process (Next.js may load this module in several bundles).
const KEY = Symbol.for("ledgerbridge.qboSandbox");
type Holder = { [KEY]?: QboSandbox };

/**
 * The built-in QBO sandbox served by the app itself at /qbo-sandbox when no Intuit app is
 * configured. Its state persists under DATA_DIR; on first start it holds one realistic company.
 */
export function builtInSandbox(): QboSandbox | null {
  const config = env();
  const qbo = qboAppConfig(config);
  if (!qbo.builtInSandbox) return null;
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const appUrl = config.APP_URL.replace(/\/+$/, "");
    const sandbox = createQboSandbox({
      basePath: BUILT_IN_SANDBOX_PATH,
      persistPath: path.join(config.DATA_DIR, "qbo-sandbox.json"),
      webhookUrl: `${appUrl}/api/qbo/webhooks`,
      webhookVerifierToken: qbo.webhookVerifierToken,
      throttling: true,
    });
    if (sandbox.listCompanies().length === 0) {
      sandbox.createCompany({ name: BUILT_IN_COMPANY_NAME, seed: DEFAULT_SEED });
    }
    holder[KEY] = sandbox;
  }
  return holder[KEY];
}

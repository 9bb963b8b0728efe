import { env } from "@/lib/config/env";
import { createInMemoryRateBudgets, createTokenCipher, type RateBudget } from "@/lib/qbo";
import { qboAppConfig } from "./app-config";
import type { ConnectionDeps } from "./connection";

/** The process's QBO wiring, from the validated environment. */
export function connectionDeps(): ConnectionDeps {
  const config = env();
  return {
    config: qboAppConfig(config),
    cipher: createTokenCipher(config.TOKEN_ENCRYPTION_KEY),
    // The OAuth state is signed with the app's secret, under its own label.
    stateSecret: `qbo-oauth-state:${config.AUTH_SECRET}`,
  };
}

// One budget per realm per process, so every sync in this process shares QBO's per-company limits.
const KEY = Symbol.for("ledgerbridge.qbo.rateBudgets");
type Holder = { [KEY]?: (realmId: string) => RateBudget };
export function processRateBudgets(): (realmId: string) => RateBudget {
  const holder = globalThis as Holder;
  holder[KEY] ??= createInMemoryRateBudgets();
  return holder[KEY];
}

import { env, type AppEnv } from "@/lib/config/env";
import type { DatabaseHandle } from "@/lib/db/connection";
import { createInMemoryRateBudgets, createTokenCipher, type RateBudget } from "@/lib/qbo";
import { qboAppConfig } from "./app-config";
import type { ConnectionDeps } from "./connection";
import { defaultLeaseHolder, sharedRateBudgets } from "./shared-rate-budget";

/** The process's QBO wiring, from the validated environment. */
export function connectionDeps(config: AppEnv = env()): ConnectionDeps {
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

/**
 * The budgets this process's QBO clients should use. On PostgreSQL any number of processes (the app,
 * `npm run worker`s on other machines) may serve one company, so they share its budget through the
 * database; the embedded database serves a single process, whose in-memory budget is exact.
 */
const SHARED_KEY = Symbol.for("ledgerbridge.qbo.sharedRateBudgets");
type SharedHolder = { [SHARED_KEY]?: (realmId: string) => RateBudget };
export function rateBudgetsFor(handle: Pick<DatabaseHandle, "kind" | "db">): (realmId: string) => RateBudget {
  if (handle.kind !== "postgres") return processRateBudgets();
  const holder = globalThis as SharedHolder;
  holder[SHARED_KEY] ??= sharedRateBudgets(handle.db, defaultLeaseHolder());
  return holder[SHARED_KEY];
}

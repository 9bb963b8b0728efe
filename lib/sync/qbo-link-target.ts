import type { Db } from "@/lib/db/connection";
import { BUILT_IN_SANDBOX_PATH } from "@/lib/qbo-connection/app-config";
import { getConnection } from "@/lib/qbo-connection/connection";
import { connectionDeps } from "@/lib/qbo-connection/deps";
import { linkRealmOf } from "@/lib/qbo-connection/link-realm";
import { env } from "@/lib/config/env";
import type { QboLinkTarget } from "./qbo-links";

/** Where this organisation's QBO records open: Intuit's app, or the built-in sandbox. */
export async function qboLinkTarget(db: Db, organizationId: string): Promise<QboLinkTarget> {
  const { config } = connectionDeps();
  const connection = await getConnection(db, organizationId);
  return {
    environment: config.endpoints.environment,
    realmId: linkRealmOf(connection),
    builtInSandboxUrl: config.builtInSandbox ? `${env().APP_URL.replace(/\/+$/, "")}${BUILT_IN_SANDBOX_PATH}` : undefined,
  };
}

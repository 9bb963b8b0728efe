import { getSessionUser } from "@/lib/auth/session";
import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db";
import { builtInSandbox } from "@/lib/qbo-connection/built-in-sandbox";
import { connectionDeps } from "@/lib/qbo-connection/deps";
import { isCrossOriginSandboxChange, sandboxCallerFor } from "@/lib/qbo-connection/sandbox-caller";

/**
 * The built-in QuickBooks Online sandbox (API, OAuth consent, control API), served by the app in
 * development, tests and the demo when no Intuit app is configured. The QBO client reaches it over
 * HTTP like Intuit's servers; the app tells it who is asking, so each organisation sees only its own
 * company (lib/qbo-connection/sandbox-caller.ts).
 */
async function handle(request: Request): Promise<Response> {
  const sandbox = builtInSandbox();
  if (!sandbox) return new Response("Not found", { status: 404 });
  if (isCrossOriginSandboxChange(request, env().APP_URL)) return new Response("Cross-origin request refused", { status: 403 });
  const caller = await sandboxCallerFor(request, {
    sessionUser: getSessionUser,
    db: getDb,
    stateSecret: connectionDeps().stateSecret,
    globalControl: env().NODE_ENV !== "production",
  });
  return sandbox.handle(request, caller);
}

export const dynamic = "force-dynamic";
export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };

import { env } from "@/lib/config/env";
import { builtInSandbox, isSandboxControlPath, sandboxControlAllowed } from "@/lib/qbo-connection/built-in-sandbox";

/**
 * The built-in QuickBooks Online sandbox (API, OAuth consent and — in the demo and development —
 * the control API), served by the app when no Intuit app is configured. The QBO client reaches it over HTTP like Intuit's servers.
 */
async function handle(request: Request): Promise<Response> {
  const sandbox = builtInSandbox();
  if (!sandbox) return new Response("Not found", { status: 404 });
  if (isSandboxControlPath(new URL(request.url).pathname) && !sandboxControlAllowed(env())) return new Response("Not found", { status: 404 });
  return sandbox.handle(request);
}

export const dynamic = "force-dynamic";
export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };

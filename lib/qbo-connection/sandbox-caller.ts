/**
 * Who is asking the built-in sandbox, as the app vouches for it (see lib/qbo-sandbox/caller.ts). The
 * sandbox is one emulated Intuit shared by every organisation of the deployment, so its consent page
 * and control API must show each person only their own organisation's company:
 * - consent (`/oauth2/authorize`): the signed `state` names the organisation and the person who
 *   started the connection; only that person, while an admin of it, sees and approves (or creates)
 *   that organisation's company;
 * - control API (`/_sandbox/…`, acting as a QuickBooks user, "Open in QuickBooks" links): the
 *   companies of the person's organisations — reading as a member, changing as an admin. Only in
 *   development and tests is the whole control API open (as the standalone sandbox is).
 * The QBO API and token endpoints need no caller: their bearer tokens and codes are bound to a realm.
 */
import type { SessionUser } from "@/lib/auth/accounts";
import { can } from "@/lib/auth/permissions";
import { isCrossOriginChange } from "@/lib/auth/same-origin";
import type { Db } from "@/lib/db/connection";
import { listMemberships } from "@/lib/orgs/organizations";
import { OAuthStateError, readOAuthState } from "@/lib/qbo";
import type { SandboxCaller } from "@/lib/qbo-sandbox";
import { BUILT_IN_SANDBOX_PATH } from "./app-config";

export type SandboxCallerDeps = {
  sessionUser: () => Promise<SessionUser | null>;
  db: () => Promise<Db>;
  stateSecret: string;
  /** Development and tests: the whole-sandbox control routes (reset, clock, faults…) are open. */
  globalControl: boolean;
};

const NOBODY: SandboxCaller = { tenants: [] };

/** The name an organisation's sandbox company gets when its admin first connects. */
export function sandboxCompanyNameFor(organizationName: string): string {
  return `${organizationName} (QuickBooks sandbox)`.slice(0, 100);
}

function sandboxPath(request: Request): string {
  const { pathname } = new URL(request.url);
  return pathname.startsWith(BUILT_IN_SANDBOX_PATH) ? pathname.slice(BUILT_IN_SANDBOX_PATH.length) || "/" : pathname;
}

export function isConsentPath(path: string): boolean {
  return path === "/oauth2/authorize";
}

export function isControlPath(path: string): boolean {
  return path === "/_sandbox" || path.startsWith("/_sandbox/");
}

/** The `state` of a consent request: in the query (GET) or the form (POST, read from a copy of the body). */
async function consentState(request: Request): Promise<string> {
  if (request.method === "GET") return new URL(request.url).searchParams.get("state") ?? "";
  const text = await request.clone().text();
  return new URLSearchParams(text).get("state") ?? "";
}

/**
 * The consent decision and control-API changes act with the person's session cookie, so they must
 * come from the app's own pages (CSRF). The QBO API and token endpoints are called server to server.
 */
export function isCrossOriginSandboxChange(request: Request, appUrl: string): boolean {
  const path = sandboxPath(request);
  return (isConsentPath(path) || isControlPath(path)) && isCrossOriginChange(request, appUrl);
}

export async function sandboxCallerFor(request: Request, deps: SandboxCallerDeps): Promise<SandboxCaller> {
  const path = sandboxPath(request);
  const consent = isConsentPath(path);
  if (!consent && !isControlPath(path)) return NOBODY;
  if (!consent && deps.globalControl) return { tenants: [], global: true };
  const user = await deps.sessionUser();
  if (!user) return NOBODY;
  const memberships = await listMemberships(await deps.db(), user.id);

  if (consent) {
    let orgId: string;
    let startedBy: string | undefined;
    try {
      ({ orgId, userId: startedBy } = readOAuthState(await consentState(request), { secret: deps.stateSecret }));
    } catch (error) {
      if (error instanceof OAuthStateError) return NOBODY;
      throw error;
    }
    const org = memberships.find((membership) => membership.organizationId === orgId && can(membership.role, "settings.manage"));
    if (!org || (startedBy !== undefined && startedBy !== user.id)) return NOBODY;
    return { tenants: [org.organizationId], newCompany: { tenant: org.organizationId, name: sandboxCompanyNameFor(org.name) } };
  }

  const reading = request.method === "GET" || request.method === "HEAD";
  const tenants = memberships.filter((membership) => reading || can(membership.role, "settings.manage")).map((membership) => membership.organizationId);
  return { tenants };
}

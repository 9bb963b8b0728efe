import "server-only";
import { notFound, redirect } from "next/navigation";
import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Db } from "@/lib/db/connection";
import { somethingWentWrong, UserFacingError, type ActionResult } from "@/lib/forms/action-result";
import { parseForm } from "@/lib/forms/parse-form";
import { findMembership, type OrgMembership } from "@/lib/orgs/organizations";
import type { SessionUser } from "./accounts";
import { can, refusalMessage, type Permission } from "./permissions";
import { isCrossOriginChange } from "./same-origin";
import { getSessionUser } from "./session";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/log";
import { logWithReference } from "@/lib/error-reference";

/** Who is acting, for which organisation, with which database. Every org-scoped entry point gets one. */
export type OrgContext = { user: SessionUser; org: OrgMembership; db: Db };

const slugSchema = z.string().regex(/^[a-z0-9-]{1,60}$/);

type Access =
  | { kind: "ok"; ctx: OrgContext }
  | { kind: "signed-out" }
  | { kind: "not-found" }
  | { kind: "forbidden" };

/**
 * The one authorisation check. A person who is not a member of the organisation gets "not found":
 * the app never confirms that another organisation's data exists. The membership (and so the role)
 * is read on every request: a removed member or a changed role takes effect at once.
 */
export async function resolveOrgAccess(slug: unknown, permission: Permission): Promise<Access> {
  const user = await getSessionUser();
  if (!user) return { kind: "signed-out" };
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) return { kind: "not-found" };
  const db = await getDb();
  const org = await findMembership(db, user.id, parsed.data);
  if (!org) return { kind: "not-found" };
  if (!can(org.role, permission)) return { kind: "forbidden" };
  return { kind: "ok", ctx: { user, org, db } };
}

/** For pages and layouts under /o/[orgSlug]: the permission the page needs (lib/auth/permissions.ts). */
export async function requireOrg(slug: string, permission: Permission): Promise<OrgContext> {
  const access = await resolveOrgAccess(slug, permission);
  if (access.kind === "signed-out") redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/o/${slug}`)}`);
  if (access.kind !== "ok") notFound();
  return access.ctx;
}

type ActionOptions<S extends z.ZodType, R> = {
  schema: S;
  permission: Permission;
  /** Where to go after success (the server redirects, so the page the form was on may disappear). */
  redirectTo?: (data: R, ctx: OrgContext) => string;
};

/** The permission each wrapped server action checks: read by the test that walks every action. */
const actionPermissions = new WeakMap<object, Permission>();

export function permissionOfAction(action: unknown): Permission | undefined {
  return typeof action === "function" ? actionPermissions.get(action) : undefined;
}

/**
 * Wraps a server action: session, membership and role checks, zod validation of the form, and one
 * result shape. The form must carry a hidden `orgSlug` field. Bad input changes nothing.
 */
export function orgAction<S extends z.ZodType, R>(
  options: ActionOptions<S, R>,
  handler: (ctx: OrgContext, input: z.output<S>) => Promise<R>,
) {
  const action = async (_previous: unknown, form: FormData): Promise<ActionResult<R>> => {
    const access = await resolveOrgAccess(form.get("orgSlug"), options.permission);
    if (access.kind === "signed-out") return { ok: false, message: "Your session has ended. Sign in again." };
    if (access.kind === "not-found") return { ok: false, message: "Not found", notFound: true };
    if (access.kind === "forbidden") return { ok: false, message: refusalMessage(options.permission), forbidden: true };
    const parsed = parseForm(form, options.schema, { omit: ["orgSlug"] });
    if (!parsed.ok) return parsed.failure;
    let data: R;
    try {
      data = await handler(access.ctx, parsed.data);
    } catch (error) {
      if (error instanceof UserFacingError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
      const ref = logWithReference(logger(), "server action failed", error, { org: access.ctx.org.slug });
      return { ok: false, message: somethingWentWrong(ref) };
    }
    // Outside the try: redirect() throws Next's own signal, which must reach the framework.
    if (options.redirectTo) redirect(options.redirectTo(data, access.ctx));
    return { ok: true, data };
  };
  actionPermissions.set(action, options.permission);
  return action;
}

export { fieldErrorsOf } from "@/lib/forms/parse-form";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * Wraps a route handler under /api/orgs/[orgSlug]/…: 403 for a change sent from another origin
 * (CSRF, see same-origin.ts), 401 signed out, 404 not a member, 403 when the role lacks the permission.
 */
export function orgRoute(
  options: { permission: Permission },
  handler: (request: Request, ctx: OrgContext, params: Record<string, string | string[]>) => Promise<Response>,
) {
  return async (request: Request, routeContext: RouteContext): Promise<Response> => {
    if (isCrossOriginChange(request, env().APP_URL)) return NextResponse.json({ error: "cross_site_request" }, { status: 403 });
    const params = await routeContext.params;
    const access = await resolveOrgAccess(params.orgSlug, options.permission);
    if (access.kind === "signed-out") return NextResponse.json({ error: "unauthenticated" }, { status: 401 });
    if (access.kind === "not-found") return NextResponse.json({ error: "not_found" }, { status: 404 });
    if (access.kind === "forbidden") return NextResponse.json({ error: "forbidden" }, { status: 403 });
    return handler(request, access.ctx, params);
  };
}

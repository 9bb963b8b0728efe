import { NextResponse } from "next/server";
import { orgRoute } from "@/lib/auth/guard";
import { buildConnectUrl } from "@/lib/qbo-connection/connection";
import { connectionDeps } from "@/lib/qbo-connection/deps";

/** Admins only: starts Intuit's OAuth consent for this organisation (Connect / Reconnect). */
export const GET = orgRoute({ permission: "settings.manage" }, async (_request, ctx) =>
  NextResponse.redirect(buildConnectUrl({ organizationId: ctx.org.organizationId, userId: ctx.user.id }, connectionDeps())),
);

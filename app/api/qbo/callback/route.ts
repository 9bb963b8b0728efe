import { after, NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db";
import { findMembership, listMemberships } from "@/lib/orgs/organizations";
import { completeConnect, ConnectError } from "@/lib/qbo-connection/connection";
import { connectionDeps } from "@/lib/qbo-connection/deps";
import { logger } from "@/lib/log";
import { markListPullStarting } from "@/lib/sync/engine/pull-lists";
import { pullReferenceListsNow } from "@/lib/sync/pull-lists-now";

/** Intuit redirects here after consent with code, state and realmId. */
export async function GET(request: Request) {
  const appUrl = env().APP_URL.replace(/\/+$/, "");
  const user = await getSessionUser();
  if (!user) return NextResponse.redirect(`${appUrl}/sign-in`);
  // Rebuild the callback URL on the configured host: Intuit checks it against the redirect URI.
  const incoming = new URL(request.url);
  const callbackUrl = `${connectionDeps().config.redirectUri}${incoming.search}`;
  try {
    const db = await getDb();
    const result = await completeConnect(db, { callbackUrl, userId: user.id }, connectionDeps());
    // Another company than the one the links point to (or a first one over existing records): nothing
    // comes in or goes out until the admin confirms what will happen.
    if (result.status === "awaiting_confirmation") return NextResponse.redirect(`${appUrl}/o/${result.organizationSlug}/sync/switch`);
    // The chart of accounts and lists come in right after the response, so Preferences can be set
    // before any sync. Never blocks or fails the connect: the pickers show a failure and offer Retry.
    const membership = await findMembership(db, user.id, result.organizationSlug);
    if (membership) {
      await markListPullStarting(db, membership.organizationId, result.realmId);
      const organizationId = membership.organizationId;
      after(async () => {
        await pullReferenceListsNow(organizationId);
      });
    }
    return NextResponse.redirect(`${appUrl}/o/${result.organizationSlug}/settings/sync?connected=1`);
  } catch (error) {
    // A code, not the message: the page maps it to fixed text, so a crafted link cannot put words there.
    const code = error instanceof ConnectError ? error.code : "failed";
    if (!(error instanceof ConnectError)) logger().error("qbo connect failed", { error });
    // A state we could not trust names no organisation: show the message in the person's first one.
    const slug =
      (error instanceof ConnectError && error.organizationSlug) ||
      (await listMemberships(await getDb(), user.id))[0]?.slug;
    const target = slug ? `/o/${slug}/settings/sync` : "/";
    return NextResponse.redirect(`${appUrl}${target}?connectError=${code}`);
  }
}

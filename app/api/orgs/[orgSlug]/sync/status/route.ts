import { NextResponse } from "next/server";
import { orgRoute } from "@/lib/auth/guard";
import { getSyncStatus } from "@/lib/sync/engine";
import { toSyncStatusView } from "@/lib/sync/status-view";

export const dynamic = "force-dynamic";

/** The organisation's sync state for the sync icon (polled while the app is open). */
export const GET = orgRoute({ permission: "data.read" }, async (_request, ctx) =>
  NextResponse.json(toSyncStatusView(await getSyncStatus(ctx.db, ctx.org.organizationId)), {
    headers: { "Cache-Control": "no-store" },
  }),
);

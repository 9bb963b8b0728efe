import "server-only";
import { NextResponse } from "next/server";
import { orgRoute } from "@/lib/auth/guard";
import { exportCsv, isExportKind } from "./exports";

/**
 * GET /api/orgs/<slug>/exports/<kind>.csv — any member may export what they may read. The page's
 * query string applies; the body is streamed, one keyset page per read.
 */
export const exportCsvRoute = orgRoute({ permission: "data.export" }, async (request, ctx, params) => {
  const file = typeof params.file === "string" ? params.file : "";
  const kind = file.endsWith(".csv") ? file.slice(0, -4) : "";
  if (!isExportKind(kind)) return NextResponse.json({ error: "not_found" }, { status: 404 });
  const url = new URL(request.url);
  const search: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (!(key in search)) search[key] = value;
  const stream = exportCsv(ctx.db, ctx.org, kind, search);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${ctx.org.slug}-${kind}.csv"`,
      "cache-control": "no-store",
    },
  });
});

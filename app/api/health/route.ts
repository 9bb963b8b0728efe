import { NextResponse } from "next/server";
import { env } from "@/lib/config/env";
import { getDatabase } from "@/lib/db";
import { checkHealth } from "@/lib/ops/health";
import { isOpsRequest } from "@/lib/ops/ops-token";

export const dynamic = "force-dynamic";

/**
 * GET /api/health, no session: 200 when the database and the sync queue answer, 503 otherwise.
 * Per-company sync state only with `Authorization: Bearer <OPS_TOKEN>`.
 */
export async function GET(request: Request) {
  const includeCompanies = isOpsRequest(request.headers.get("authorization"), env().OPS_TOKEN);
  const health = await checkHealth(getDatabase, { includeCompanies });
  return NextResponse.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

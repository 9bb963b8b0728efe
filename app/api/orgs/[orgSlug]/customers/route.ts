import { NextResponse } from "next/server";
import { orgRoute } from "@/lib/auth/guard";
import { listCounterparties } from "@/lib/counterparties/repository";
import { listQuerySchema } from "@/lib/counterparties/schemas";

/** JSON list of the organisation's customers (search, status, page), for pickers and integrations. */
export const GET = orgRoute({ permission: "data.read" }, async (request, ctx) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = listQuerySchema.safeParse(params);
  if (!query.success) return NextResponse.json({ error: "invalid_query", issues: query.error.issues }, { status: 400 });
  return NextResponse.json(await listCounterparties(ctx.db, ctx.org.organizationId, "customer", query.data));
});

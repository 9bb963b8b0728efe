import { NextResponse } from "next/server";
import { orgRoute } from "@/lib/auth/guard";
import { invoiceListQuery } from "@/lib/invoices/list-query";
import { listInvoices } from "@/lib/invoices/queries";

/** JSON list of the organisation's invoices (q, status, party, from, to, due, sync, sort, dir, page), with totals over all matches. */
export const GET = orgRoute({ permission: "data.read" }, async (request, ctx) => {
  const query = invoiceListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await listInvoices(ctx.db, ctx.org.organizationId, query));
});

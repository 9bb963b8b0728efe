import { orgRoute } from "@/lib/auth/guard";
import { businessToday } from "@/lib/bills/today";
import { invoicesCsv } from "@/lib/invoices/queries";
import { csvResponse } from "@/lib/lists/csv";
import { selectedIds } from "@/lib/lists/export-selected";

/** Invoices list → Export selected: the posted invoices of this organisation as CSV. */
export const POST = orgRoute({ permission: "data.export" }, async (request, ctx) => {
  const selection = await selectedIds(request);
  if (!selection.ok) return selection.response;
  return csvResponse(`invoices-${businessToday(ctx.org.timeZone)}.csv`, await invoicesCsv(ctx.db, ctx.org.organizationId, selection.ids));
});

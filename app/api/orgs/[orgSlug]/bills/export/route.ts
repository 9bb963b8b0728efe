import { orgRoute } from "@/lib/auth/guard";
import { billsCsv } from "@/lib/bills/bill-queries";
import { businessToday } from "@/lib/bills/today";
import { csvResponse } from "@/lib/lists/csv";
import { selectedIds } from "@/lib/lists/export-selected";

/** Bills list → Export selected: the posted bills of this organisation as CSV. */
export const POST = orgRoute({ permission: "data.export" }, async (request, ctx) => {
  const selection = await selectedIds(request);
  if (!selection.ok) return selection.response;
  return csvResponse(`bills-${businessToday(ctx.org.timeZone)}.csv`, await billsCsv(ctx.db, ctx.org.organizationId, selection.ids));
});

import { exportCsvRoute } from "@/lib/exports/export-route";

/** CSV export of a list or report: /api/orgs/<slug>/exports/<kind>.csv (kinds in lib/exports/exports.ts). */
export const GET = exportCsvRoute;

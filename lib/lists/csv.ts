/**
 * A small CSV document in one piece (Export selected: at most 500 rows) and its download response.
 * Cells are written by the one CSV writer, lib/exports/csv.ts (quoting, formula guard, CRLF, BOM).
 */
import { CSV_BOM, csvRow, type CsvCell } from "@/lib/exports/csv";

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + [header, ...rows].map(csvRow).join("");
}

/** The download response: a named attachment, never cached. */
export function csvResponse(fileName: string, body: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
}

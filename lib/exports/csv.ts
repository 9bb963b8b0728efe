/**
 * The one CSV writer (RFC 4180 for Excel): every export goes through it. Pure: no I/O — rows arrive
 * from an async source page by page and leave as a byte stream, so a large export never sits in memory.
 */

import { centsToDecimalString } from "@/lib/ap";

/** An amount we computed (never a person's text), written as an exact decimal without the formula guard. */
export type CsvDecimal = { readonly decimal: string };
export type CsvCell = string | number | boolean | null | undefined | CsvDecimal;

/** Cents as a plain decimal a spreadsheet sums: -1234 → -12.34 (no currency sign or separators). */
export function csvAmount(cents: number): CsvDecimal {
  return { decimal: centsToDecimalString(cents) };
}

/** Excel opens a UTF-8 file as UTF-8 only when it starts with a byte-order mark. */
export const CSV_BOM = "\uFEFF";

// A cell a spreadsheet would read as a formula (CSV injection); a leading ' makes it plain text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as CSV text: formula guard first, then quoted when it holds a comma, quote or line break. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  // Numbers and decimals are our own values; a negative amount stays a number.
  if (typeof value === "number") return String(value);
  if (typeof value === "object") return value.decimal;
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, ended by CRLF. */
export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export type CsvColumn<Row> = { header: string; value: (row: Row) => CsvCell };

/**
 * A pull-driven byte stream: BOM + header first, then one page of rows per pull, so the reader asks
 * for the next page only once the previous one has been taken by the consumer.
 */
export function csvStream<Row>(columns: readonly CsvColumn<Row>[], pages: AsyncIterable<readonly Row[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvRow(columns.map((column) => column.header))));
        return;
      }
      // A pull must enqueue or close: the stream does not pull again by itself after an empty one.
      for (;;) {
        const next = await iterator.next();
        if (next.done) {
          controller.close();
          return;
        }
        if (next.value.length === 0) continue;
        controller.enqueue(encoder.encode(next.value.map((row) => csvRow(columns.map((column) => column.value(row)))).join("")));
        return;
      }
    },
    async cancel() {
      await iterator.return?.();
    },
    // No read-ahead: a page is fetched only when the consumer asks for the next chunk.
  }, { highWaterMark: 0 });
}

/**
 * Keyset pages: `fetchPage(after)` returns up to `pageSize` rows after the cursor (null: from the
 * start), in a stable order; a short page is the last.
 */
export async function* keysetPages<Row, Cursor>(
  fetchPage: (after: Cursor | null, limit: number) => Promise<Row[]>,
  cursorOf: (row: Row) => Cursor,
  pageSize: number,
): AsyncGenerator<Row[]> {
  let after: Cursor | null = null;
  for (;;) {
    const rows = await fetchPage(after, pageSize);
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    after = cursorOf(rows[rows.length - 1]!);
  }
}

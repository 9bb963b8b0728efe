import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/lib/db/connection";

type ColumnKey<T extends PgTable> = keyof T["_"]["columns"] & string;

export interface BulkInsertOptions<T extends PgTable> {
  /** Upsert: on a clash on `target`, overwrite the `update` columns with the incoming values. */
  onConflict?: { target: ReadonlyArray<ColumnKey<T>>; update: ReadonlyArray<ColumnKey<T>> } | "do-nothing";
  /** Rows per statement (each statement carries one JSON value). */
  chunkSize?: number;
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

function sqlTypeOf(column: PgColumn): string {
  // Enum types are named objects; every other type name is a keyword phrase ("timestamp with time zone").
  return column.columnType === "PgEnumColumn" ? quote(column.getSQLType()) : column.getSQLType();
}

function jsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value ?? null;
}

/**
 * Inserts many rows as ONE JSON parameter expanded by `json_to_recordset`, instead of one bind
 * parameter per cell: the statement is built in O(columns) rather than O(cells), and the database
 * parses a single value. About 3× faster than `insert().values()` for thousands of rows on both
 * drivers, which is what a first sync of a large company does. (`json`, not `jsonb`: the value is
 * read once, so building jsonb's binary form first only costs time.)
 *
 * Every row must set the same columns (undefined = not set); unset columns get their SQL default.
 */
export async function bulkInsert<T extends PgTable>(
  db: Db | Tx,
  table: T,
  rows: ReadonlyArray<T["$inferInsert"]>,
  options: BulkInsertOptions<T> = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(columns).filter((key) => rows.some((row) => (row as Record<string, unknown>)[key] !== undefined));
  for (const key of keys) {
    const column = columns[key];
    if (column?.hasDefault && rows.some((row) => (row as Record<string, unknown>)[key] === undefined)) {
      throw new Error(`bulkInsert(${getTableName(table)}): some rows set "${key}" and some leave it to its default; set it on all or none`);
    }
  }
  const names = keys.map((key) => quote(columns[key]!.name)).join(", ");
  const conflict = conflictClause(columns, options.onConflict);
  const chunkSize = options.chunkSize ?? 5000;

  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize).map((row) => keys.map((key) => jsonValue((row as Record<string, unknown>)[key])));
    // A column with one and the same scalar in every row (the organisation, the run) travels once,
    // as a parameter, instead of once per row. At least one column stays in the rows (it carries the count).
    const constant = keys.map((_, i) => {
      const first = chunk[0]![i];
      return (first === null || typeof first !== "object") && chunk.every((values) => values[i] === first);
    });
    if (constant.every(Boolean)) constant[0] = false;
    // Short positional names keep the JSON small: c0, c1, … rather than the column names in every row.
    const records = chunk.map((values) => {
      const record: Record<string, unknown> = {};
      values.forEach((value, i) => {
        if (!constant[i]) record[`c${i}`] = value;
      });
      return record;
    });
    const recordType = keys.flatMap((key, i) => (constant[i] ? [] : [`c${i} ${sqlTypeOf(columns[key]!)}`])).join(", ");
    const selected = sql.join(
      keys.map((key, i) => {
        if (!constant[i]) return sql.raw(`r.c${i}`);
        const value = chunk[0]![i];
        // Sent as text and cast by the database: drivers serialise typed parameters their own way
        // (postgres.js turns the string "true" for a boolean parameter into false).
        return sql`${value === null ? null : String(value)}::text::${sql.raw(sqlTypeOf(columns[key]!))}`;
      }),
      sql`, `,
    );
    const statement: SQL = sql`insert into ${sql.raw(quote(getTableName(table)))} (${sql.raw(names)}) select ${selected} from json_to_recordset(${JSON.stringify(records)}::json) as r(${sql.raw(recordType)})${sql.raw(conflict)}`;
    await db.execute(statement);
  }
}

function conflictClause(columns: Record<string, PgColumn>, onConflict: BulkInsertOptions<PgTable>["onConflict"]): string {
  if (!onConflict) return "";
  if (onConflict === "do-nothing") return " on conflict do nothing";
  const name = (key: string) => {
    const column = columns[key];
    if (!column) throw new Error(`bulkInsert: unknown column "${key}"`);
    return quote(column.name);
  };
  const target = onConflict.target.map(name).join(", ");
  const updates = onConflict.update.map((key) => `${name(key)} = excluded.${name(key)}`).join(", ");
  return updates ? ` on conflict (${target}) do update set ${updates}` : ` on conflict (${target}) do nothing`;
}

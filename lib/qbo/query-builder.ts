import type { QboEntityName } from "@/lib/qbo/schemas";

/** Pieces of the QBO query language (QBO.md): one entity, AND-only WHERE, ORDERBY, paging. */

/** Quotes a value for a WHERE clause: `'O\'Brien'`. */
export function quoteQboString(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** `Id IN ('1', '2')` style list. */
export function qboInList(values: readonly string[]): string {
  if (values.length === 0) throw new Error("qboInList needs at least one value");
  return `(${values.map(quoteQboString).join(", ")})`;
}

export interface SelectParts {
  entity: QboEntityName;
  select?: "*" | "COUNT(*)";
  /** Condition without the WHERE keyword (a leading WHERE is tolerated). */
  where?: string;
  /** e.g. `MetaData.LastUpdatedTime DESC` (a leading ORDERBY is tolerated). */
  orderBy?: string;
  startPosition?: number;
  maxResults?: number;
}

export function buildQboQuery(parts: SelectParts): string {
  const where = parts.where?.trim().replace(/^where\s+/i, "");
  const orderBy = parts.orderBy?.trim().replace(/^order\s*by\s+/i, "");
  let text = `SELECT ${parts.select ?? "*"} FROM ${parts.entity}`;
  if (where) text += ` WHERE ${where}`;
  if (orderBy) text += ` ORDERBY ${orderBy}`;
  if (parts.startPosition !== undefined) text += ` STARTPOSITION ${parts.startPosition}`;
  if (parts.maxResults !== undefined) text += ` MAXRESULTS ${parts.maxResults}`;
  return text;
}

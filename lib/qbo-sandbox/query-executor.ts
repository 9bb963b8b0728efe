/**
 * Runs a parsed query against a company: filters (with QBO's implicit Active=true on name lists),
 * sorts (by Id when no ORDERBY, so paging is stable), pages, and builds the QueryResponse envelope.
 */
import { parseQboDateTime } from "./clock";
import { hasActiveFlag, specForName } from "./entity-specs";
import { faults } from "./faults";
import { getPathInsensitive, isObject } from "./json";
import type { ParsedQuery, QueryCondition, QueryLiteral } from "./query-parser";
import type { CompanyState } from "./store";
import type { Json, JsonObject } from "./types";

type Comparable = string | number | boolean;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;
const NUMERIC = /^-?\d+(\.\d+)?$/;

/** References compare by their value: `VendorRef = '12'`. */
function scalar(value: Json | undefined): Comparable | undefined {
  if (isObject(value)) return scalar(value["value"]);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return undefined;
}

/** Returns <0, 0, >0, or undefined when the two cannot be compared. */
export function compareValues(left: Comparable, right: QueryLiteral): number | undefined {
  if (typeof left === "boolean" || typeof right === "boolean") {
    const l = typeof left === "boolean" ? left : String(left).toLowerCase() === "true";
    const r = typeof right === "boolean" ? right : String(right).toLowerCase() === "true";
    return Number(l) - Number(r);
  }
  if (typeof left === "number" || typeof right === "number") {
    const l = Number(left);
    const r = Number(right);
    return Number.isNaN(l) || Number.isNaN(r) ? undefined : l - r;
  }
  if (DATE_TIME.test(left) || DATE_TIME.test(right)) {
    const l = parseQboDateTime(left);
    const r = parseQboDateTime(right);
    if (!Number.isNaN(l) && !Number.isNaN(r)) return l - r;
  }
  if (NUMERIC.test(left) && NUMERIC.test(right)) return Number(left) - Number(right);
  const l = left.toLowerCase();
  const r = right.toLowerCase();
  return l < r ? -1 : l > r ? 1 : 0;
}

function likeToRegExp(pattern: string): RegExp {
  const body = pattern
    .split("%")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}$`, "is");
}

function matches(record: JsonObject, condition: QueryCondition, like: RegExp | undefined): boolean {
  const value = scalar(getPathInsensitive(record, condition.field));
  if (value === undefined) return false;
  const first = condition.values[0];
  if (first === undefined) return false;
  switch (condition.operator) {
    case "LIKE":
      return like !== undefined && like.test(String(value));
    case "IN":
      return condition.values.some((candidate) => compareValues(value, candidate) === 0);
    case "=":
      return compareValues(value, first) === 0;
    case "<": {
      const result = compareValues(value, first);
      return result !== undefined && result < 0;
    }
    case ">": {
      const result = compareValues(value, first);
      return result !== undefined && result > 0;
    }
    case "<=": {
      const result = compareValues(value, first);
      return result !== undefined && result <= 0;
    }
    case ">=": {
      const result = compareValues(value, first);
      return result !== undefined && result >= 0;
    }
  }
}

function sortKey(record: JsonObject, field: string[]): Comparable | undefined {
  return scalar(getPathInsensitive(record, field));
}

/** Rows without the field sort last in either direction. */
function compareForSort(a: Comparable | undefined, b: Comparable | undefined, descending: boolean): number {
  if (a === undefined && b === undefined) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  const result = compareValues(a, b) ?? 0;
  return descending ? -result : result;
}

export function filterRecords(company: CompanyState, query: ParsedQuery): { entity: string; rows: JsonObject[] } {
  const spec = specForName(query.entity);
  if (!spec) throw faults.queryParse(`Invalid entity name ${query.entity}: it is not a queryable entity.`);
  const conditions = [...query.where];
  const filtersActive = conditions.some((condition) => condition.field.length === 1 && condition.field[0]?.toLowerCase() === "active");
  if (hasActiveFlag(spec.name) && !filtersActive) conditions.push({ field: ["Active"], operator: "=", values: [true] });
  const likes = conditions.map((condition) =>
    condition.operator === "LIKE" && typeof condition.values[0] === "string" ? likeToRegExp(condition.values[0]) : undefined,
  );
  const rows: JsonObject[] = [];
  for (const record of company.table(spec.name).values()) {
    if (conditions.every((condition, index) => matches(record, condition, likes[index]))) rows.push(record);
  }
  const orderings = query.orderBy.length > 0 ? query.orderBy : [{ field: ["Id"], descending: false }];
  rows.sort((a, b) => {
    for (const ordering of orderings) {
      const result = compareForSort(sortKey(a, ordering.field), sortKey(b, ordering.field), ordering.descending);
      if (result !== 0) return result;
    }
    return Number(a["Id"]) - Number(b["Id"]);
  });
  return { entity: spec.name, rows };
}

/** The value of the `QueryResponse` key. An empty page is `{}`, as in QBO. */
export function executeQuery(company: CompanyState, query: ParsedQuery): JsonObject {
  const { entity, rows } = filterRecords(company, query);
  if (query.count) return { totalCount: rows.length };
  const page = rows.slice(query.startPosition - 1, query.startPosition - 1 + query.maxResults);
  if (page.length === 0) return {};
  return { [entity]: page, startPosition: query.startPosition, maxResults: page.length };
}

/**
 * Runs a parsed query against a company: filters (with QBO's implicit Active=true on name lists),
 * sorts (by Id when no ORDERBY, so paging is stable), pages, and builds the QueryResponse envelope.
 */
import { parseQboDateTime } from "./clock";
import { hasActiveFlag, specForName } from "./entity-specs";
import { knownField } from "./field-catalog";
import { faults } from "./faults";
import { getPathInsensitive, isObject } from "./json";
import { checkFilterable, checkSortable } from "./query-fields";
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
  for (const condition of query.where) checkFilterable(spec.name, condition.field);
  for (const ordering of query.orderBy) checkSortable(spec.name, ordering.field);
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

/** The projected fields of a row, each under QBO's own spelling of its top-level name. */
function project(row: JsonObject, fields: readonly (readonly string[])[]): JsonObject {
  const out: JsonObject = {};
  for (const path of fields) {
    const top = path[0] ?? "";
    const key = Object.keys(row).find((candidate) => candidate.toLowerCase() === top.toLowerCase());
    if (key === undefined) continue;
    if (path.length === 1) {
      out[key] = row[key] as Json;
      continue;
    }
    const value = getPathInsensitive(row, path);
    if (value === undefined) continue;
    // Nested picks keep their parent object: `MetaData.CreateTime` → { MetaData: { CreateTime } }.
    const parent = isObject(out[key]) ? (out[key] as JsonObject) : {};
    parent[path.slice(1).join(".")] = value;
    out[key] = parent;
  }
  return out;
}

/**
 * The value of the `QueryResponse` key. An empty page is `{}`, as in QBO. A page carries
 * `totalCount` beside `startPosition`/`maxResults`: the XSD's QueryResponse attributes, equal to
 * the rows in this response (Intuit's CDC sample shows a group with totalCount 5 and maxResults 5);
 * the number of all matching rows is what `COUNT(*)` answers.
 */
export function executeQuery(company: CompanyState, query: ParsedQuery): JsonObject {
  const spec = specForName(query.entity);
  if (spec && query.fields) {
    for (const path of query.fields) {
      if (!knownField(spec.name, path[0] ?? "")) throw faults.queryValidation(`property '${path.join(".")}' is not a property of ${spec.name}`);
    }
  }
  const { entity, rows } = filterRecords(company, query);
  if (query.count) return { totalCount: rows.length };
  const page = rows.slice(query.startPosition - 1, query.startPosition - 1 + query.maxResults);
  if (page.length === 0) return {};
  const fields = query.fields;
  return {
    [entity]: fields ? page.map((row) => project(row, fields)) : page,
    startPosition: query.startPosition,
    maxResults: page.length,
    totalCount: page.length,
  };
}

/** Small, typed accessors over QBO-shaped JSON records. */
import type { Json, JsonObject } from "./types";

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function objectAt(record: JsonObject, key: string): JsonObject | undefined {
  const value = record[key];
  return isObject(value) ? value : undefined;
}

export function arrayAt(record: JsonObject, key: string): Json[] {
  const value = record[key];
  return Array.isArray(value) ? value : [];
}

export function objectsAt(record: JsonObject, key: string): JsonObject[] {
  return arrayAt(record, key).filter(isObject);
}

export function stringAt(record: JsonObject, key: string): string | undefined {
  const value = record[key];
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}

/** The `value` of a reference field such as VendorRef. */
export function refAt(record: JsonObject, key: string): string | undefined {
  const ref = objectAt(record, key);
  return ref ? stringAt(ref, "value") : undefined;
}

export function getPath(record: JsonObject, path: readonly string[]): Json | undefined {
  let current: Json | undefined = record;
  for (const segment of path) {
    if (!isObject(current)) return undefined;
    current = current[segment];
  }
  return current;
}

/** Case-insensitive dotted lookup (the query language ignores case of field names). */
export function getPathInsensitive(record: JsonObject, path: readonly string[]): Json | undefined {
  let current: Json | undefined = record;
  for (const segment of path) {
    if (!isObject(current)) return undefined;
    const direct: Json | undefined = current[segment];
    if (direct !== undefined) {
      current = direct;
      continue;
    }
    const lower = segment.toLowerCase();
    const key: string | undefined = Object.keys(current).find((candidate) => candidate.toLowerCase() === lower);
    current = key === undefined ? undefined : current[key];
  }
  return current;
}

export function deepClone<T extends Json>(value: T): T {
  return structuredClone(value);
}

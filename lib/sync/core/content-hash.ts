import { createHash } from "node:crypto";

/**
 * Stable fingerprint of synced content: sha256 over a canonical JSON (object keys sorted,
 * `undefined` members dropped, array order kept). Two field sets hash equal exactly when they
 * would be written to QBO the same way, so "did the app change this since the last sync?" is a
 * string comparison with the mapping's stored hash.
 */

export type CanonicalValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue };

export function canonicalJson(value: CanonicalValue): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new RangeError("cannot hash a non-finite number");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${(value as readonly CanonicalValue[]).map(canonicalJson).join(",")}]`;
  }
  const record = value as { readonly [key: string]: CanonicalValue };
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(",")}}`;
}

export function contentHash(fields: CanonicalValue): string {
  return createHash("sha256").update(canonicalJson(fields)).digest("hex");
}

import { hash } from "node:crypto";

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
  // Plain loops and string building: this runs for every record of a sync (tens of thousands).
  if (Array.isArray(value)) {
    const items = value as readonly CanonicalValue[];
    let out = "[";
    for (let i = 0; i < items.length; i++) out += (i === 0 ? "" : ",") + canonicalJson(items[i]);
    return `${out}]`;
  }
  const record = value as { readonly [key: string]: CanonicalValue };
  const keys = Object.keys(record).sort();
  let out = "{";
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    out += `${first ? "" : ","}${JSON.stringify(key)}:${canonicalJson(member)}`;
    first = false;
  }
  return `${out}}`;
}

export function contentHash(fields: CanonicalValue): string {
  return hash("sha256", canonicalJson(fields), "hex");
}

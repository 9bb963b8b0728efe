/**
 * What QBO never shows back in full. Vendor.TaxIdentifier: "The value is masked in responses,
 * exposing only last four characters. For example, the ID of 123-45-6789 is returned as
 * XXXXXXX6789." (Intuit Vendor reference,
 * https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/vendor; its
 * query example shows "TaxIdentifier": "XXXXXXXX2222"). The sandbox stores the value in full and
 * masks every answer: reads, queries, CDC, write and batch responses.
 */
import type { Json, JsonObject } from "./types";

const MASKED_KEYS = new Set(["TaxIdentifier"]);

export function maskTaxIdentifier(value: string): string {
  return value.length <= 4 ? value : "X".repeat(value.length - 4) + value.slice(-4);
}

function mask(value: Json): Json {
  if (Array.isArray(value)) {
    let copy: Json[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i] as Json;
      const masked = mask(item);
      if (masked !== item) (copy ??= value.slice())[i] = masked;
    }
    return copy ?? value;
  }
  if (value === null || typeof value !== "object") return value;
  let copy: JsonObject | undefined;
  for (const [key, member] of Object.entries(value)) {
    const masked = MASKED_KEYS.has(key) && typeof member === "string" ? maskTaxIdentifier(member) : mask(member);
    if (masked !== member) (copy ??= { ...value })[key] = masked;
  }
  return copy ?? value;
}

/** The response body as QBO would send it (the stored records are never changed). */
export function maskResponse(body: JsonObject): JsonObject {
  return mask(body) as JsonObject;
}

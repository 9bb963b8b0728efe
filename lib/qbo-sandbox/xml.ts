/**
 * QBO's XML representation of an answer, for requests that do not accept JSON (QBO answers XML
 * unless the Accept header asks for JSON). The JSON envelope maps onto `<IntuitResponse>` of the
 * Finance XSD: the entity's `domain`/`sparse`, a QueryResponse's paging counts, a Fault's `type`, an
 * Error's `code`/`element` and a batch item's `bId` are attributes; a reference `{value, name}` is
 * `<VendorRef name="…">value</VendorRef>`; arrays are repeated elements. Example shapes: the XML
 * bodies in Intuit's reference and the sandbox's own injected 500 (`xmlServerErrorBody`).
 */
import { isObject } from "./json";
import type { Json, JsonObject } from "./types";

export const XML_TYPE = "application/xml;charset=UTF-8";
const NAMESPACE = "http://schema.intuit.com/finance/v3";

/** Attribute names by the key they stand under; `*` applies to any element. */
const ATTRIBUTES: Record<string, readonly string[]> = {
  "*": ["domain", "sparse"],
  QueryResponse: ["startPosition", "maxResults", "totalCount"],
  Fault: ["type"],
  Error: ["code", "element"],
  BatchItemResponse: ["bId"],
};
const REF_KEYS = new Set(["value", "name", "type"]);
const LEADING = ["Id", "SyncToken", "MetaData"];

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function scalarText(value: Json): string {
  return typeof value === "string" ? escape(value) : String(value);
}

function isRef(value: JsonObject): boolean {
  const keys = Object.keys(value);
  return "value" in value && !isObject(value["value"]) && keys.every((key) => REF_KEYS.has(key));
}

function element(name: string, value: Json | undefined): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map((item) => element(name, item)).join("");
  if (!isObject(value)) return `<${name}>${scalarText(value)}</${name}>`;
  if (isRef(value)) {
    const attrs = ["name", "type"].filter((key) => typeof value[key] === "string").map((key) => ` ${key}="${escape(String(value[key]))}"`);
    return `<${name}${attrs.join("")}>${scalarText(value["value"] as Json)}</${name}>`;
  }
  const attributeKeys = [...(ATTRIBUTES["*"] ?? []), ...(ATTRIBUTES[name] ?? [])];
  let attrs = "";
  let children = "";
  for (const key of attributeKeys) {
    const attr = value[key];
    if (attr !== undefined && attr !== null && !isObject(attr) && !Array.isArray(attr)) attrs += ` ${key}="${scalarText(attr)}"`;
  }
  // The XSD puts an entity's Id, SyncToken and MetaData first.
  const keys = Object.keys(value).filter((key) => !attributeKeys.includes(key));
  const ordered = [...LEADING.filter((key) => keys.includes(key)), ...keys.filter((key) => !LEADING.includes(key))];
  for (const key of ordered) children += element(key, value[key]);
  return `<${name}${attrs}>${children}</${name}>`;
}

/** QBO's lower-case 401 envelope in the capitalised shape XML uses. */
function normaliseFault(body: JsonObject): JsonObject {
  const fault = body["fault"];
  if (!isObject(fault)) return body;
  const errors = Array.isArray(fault["error"]) ? fault["error"] : [];
  const rest: JsonObject = { ...body };
  delete rest["fault"];
  return {
    ...rest,
    Fault: {
      type: fault["type"] ?? "AUTHENTICATION",
      Error: errors.filter(isObject).map((error) => ({ code: error["code"] ?? null, Message: error["message"] ?? null, Detail: error["detail"] ?? null })),
    },
  };
}

/** `<?xml …?><IntuitResponse xmlns="…" time="…">…</IntuitResponse>` for a JSON envelope. */
export function toIntuitXml(envelope: JsonObject): string {
  const body = normaliseFault(envelope);
  const time = typeof body["time"] === "string" ? ` time="${escape(body["time"])}"` : "";
  let inner = "";
  for (const [key, value] of Object.entries(body)) {
    if (key !== "time") inner += element(key, value);
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><IntuitResponse xmlns="${NAMESPACE}"${time}>${inner}</IntuitResponse>`;
}

/** QBO answers JSON only to a request whose Accept header asks for it. */
export function acceptsJson(accept: string | null): boolean {
  return accept !== null && /json/i.test(accept);
}

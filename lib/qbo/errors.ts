import { z } from "zod";

/**
 * What a QBO failure means for the caller: drives retry decisions and what the UI says.
 * - auth: token rejected / consent lost → refresh once, then ask the admin to reconnect
 * - throttle: over the rate limit → back off and retry
 * - transient: 5xx, network error, timeout → retry with backoff
 * - stale: SyncToken out of date (5010) → re-read and re-plan
 * - validation: the request itself is wrong (business rules, bad field, query parse)
 * - not_found: the object or a referenced object is deleted or inactive (610, 2500)
 * - duplicate: duplicate name (6240) or document number (6140)
 * - closed_period: the books are closed for the transaction date (6210)
 * - fatal: nothing the sync can do (subscription ended, unreadable response, …)
 */
export type QboErrorKind =
  | "auth"
  | "throttle"
  | "transient"
  | "stale"
  | "validation"
  | "not_found"
  | "duplicate"
  | "closed_period"
  | "fatal";

export interface QboFaultEntry {
  code: string;
  message: string;
  detail: string;
  element?: string;
}

export interface QboErrorInit extends QboFaultEntry {
  httpStatus: number;
  intuitTid?: string;
  faultType?: string;
  kind?: QboErrorKind;
  /** Every error of the fault (QBO may send several); the first one is the headline. */
  errors?: QboFaultEntry[];
  cause?: unknown;
}

export class QboError extends Error {
  override readonly name = "QboError";
  readonly code: string;
  readonly detail: string;
  readonly element?: string;
  readonly httpStatus: number;
  readonly intuitTid?: string;
  readonly faultType?: string;
  readonly kind: QboErrorKind;
  readonly errors: QboFaultEntry[];

  constructor(init: QboErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.detail = init.detail;
    if (init.element !== undefined) this.element = init.element;
    this.httpStatus = init.httpStatus;
    if (init.intuitTid !== undefined) this.intuitTid = init.intuitTid;
    if (init.faultType !== undefined) this.faultType = init.faultType;
    this.kind = init.kind ?? classifyQboError(init.code, init.httpStatus, init.faultType);
    this.errors = init.errors ?? [
      { code: init.code, message: init.message, detail: init.detail, ...(init.element ? { element: init.element } : {}) },
    ];
  }

  /** Worth retrying the same request after a pause. */
  get retryable(): boolean {
    return this.kind === "throttle" || this.kind === "transient";
  }

  override toString(): string {
    const tid = this.intuitTid ? ` [intuit_tid ${this.intuitTid}]` : "";
    const detail = this.detail && this.detail !== this.message ? `: ${this.detail}` : "";
    return `QboError ${this.code} (${this.kind}, HTTP ${this.httpStatus}) ${this.message}${detail}${tid}`;
  }
}

export function isQboError(value: unknown): value is QboError {
  return value instanceof QboError;
}

const KIND_BY_CODE: Readonly<Record<string, QboErrorKind>> = {
  // authentication / authorization
  "3200": "auth",
  "3100": "auth",
  "120": "auth",
  invalid_grant: "auth",
  invalid_client: "auth",
  not_connected: "auth",
  access_denied: "auth",
  // throttling
  "3001": "throttle",
  // concurrency
  "5010": "stale",
  // missing objects
  "610": "not_found",
  "2500": "not_found",
  // uniqueness
  "6240": "duplicate",
  "6140": "duplicate",
  // books closed
  "6210": "closed_period",
  // subscription ended: nothing to retry
  "6190": "fatal",
};

/** Kind for a QBO error code, falling back on the HTTP status and fault type. */
export function classifyQboError(code: string, httpStatus: number, faultType?: string): QboErrorKind {
  const byCode = KIND_BY_CODE[code];
  if (byCode) return byCode;
  if (httpStatus === 429) return "throttle";
  if (httpStatus === 401 || httpStatus === 403) return "auth";
  if (faultType?.toUpperCase() === "AUTHENTICATION") return "auth";
  if (httpStatus >= 500 || httpStatus === 408) return "transient";
  if (httpStatus === 404) return "not_found";
  if (httpStatus >= 400 || (httpStatus >= 200 && httpStatus < 300)) return "validation";
  return "fatal";
}

export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export function headerValue(headers: HeaderSource | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value[0] : value;
}

// QBO sends `element: null`, numeric codes and missing fields; be lenient when reading faults.
const looseText = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined ? undefined : String(v)));

const upperErrorSchema = z.looseObject({
  Message: looseText,
  Detail: looseText,
  code: looseText,
  element: looseText,
});
const lowerErrorSchema = z.looseObject({
  message: looseText,
  detail: looseText,
  code: looseText,
  element: looseText,
});
const upperFaultSchema = z.looseObject({
  Error: z.array(upperErrorSchema).default([]),
  type: looseText,
});
const lowerFaultSchema = z.looseObject({
  error: z.array(lowerErrorSchema).default([]),
  type: looseText,
});
const oauthErrorSchema = z.looseObject({ error: z.string(), error_description: looseText });

interface ParsedFault {
  entries: QboFaultEntry[];
  type?: string;
}

/**
 * Reads a QBO fault object as it appears in a response body or a batch item
 * (`{Error:[…], type}` or `{error:[…], type}`). Returns null when it is not a fault.
 */
export function readFaultObject(fault: unknown): ParsedFault | null {
  const upper = upperFaultSchema.safeParse(fault);
  if (upper.success && upper.data.Error.length > 0) {
    return {
      entries: upper.data.Error.map((e) => entry(e.code, e.Message, e.Detail, e.element)),
      ...(upper.data.type ? { type: upper.data.type } : {}),
    };
  }
  const lower = lowerFaultSchema.safeParse(fault);
  if (lower.success && lower.data.error.length > 0) {
    return {
      entries: lower.data.error.map((e) => entry(e.code, e.message, e.detail, e.element)),
      ...(lower.data.type ? { type: lower.data.type } : {}),
    };
  }
  return null;
}

/** Builds a QboError from a fault object (e.g. a batch item's `Fault`). */
export function qboErrorFromFault(
  fault: unknown,
  httpStatus: number,
  intuitTid?: string,
): QboError | null {
  const parsed = readFaultObject(fault);
  return parsed ? errorFromParsed(parsed, httpStatus, intuitTid) : null;
}

/**
 * Turns an HTTP response into a QboError when it is a failure, else returns null.
 * Survives JSON `Fault.Error[]`, JSON `fault.error[]`, XML `<IntuitResponse><Fault>`, OAuth
 * `{error}` bodies, a Fault inside an HTTP 200, and unreadable bodies on error statuses.
 */
export function parseQboFault(
  status: number,
  headers: HeaderSource | undefined,
  bodyText: string,
  /** The body already parsed as JSON, when the caller has done so (saves parsing a large body twice). */
  bodyJson?: unknown,
): QboError | null {
  const intuitTid = headerValue(headers, "intuit_tid");
  const parsed = bodyJson === undefined ? parseFaultBody(bodyText) : faultFromJson(bodyJson);
  if (parsed) return errorFromParsed(parsed, status, intuitTid);
  if (status >= 200 && status < 300) return null;
  return new QboError({
    code: `HTTP_${status}`,
    message: httpStatusMessage(status),
    detail: bodyText.slice(0, 500),
    httpStatus: status,
    ...(intuitTid ? { intuitTid } : {}),
  });
}

function parseFaultBody(bodyText: string): ParsedFault | null {
  const text = bodyText.trim();
  if (text.startsWith("<")) return parseXmlFault(text);
  if (!text.startsWith("{")) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  return faultFromJson(json);
}

function faultFromJson(json: unknown): ParsedFault | null {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return null;
  const record = json as Record<string, unknown>;
  const fault = readFaultObject(record.Fault) ?? readFaultObject(record.fault);
  if (fault) return fault;
  const oauth = oauthErrorSchema.safeParse(json);
  if (oauth.success) {
    return { entries: [entry(oauth.data.error, oauth.data.error, oauth.data.error_description, undefined)] };
  }
  return null;
}

const XML_FAULT = /<(?:\w+:)?Fault\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?Fault>/i;
const XML_ERROR = /<(?:\w+:)?Error\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?Error>)/gi;

function parseXmlFault(xml: string): ParsedFault | null {
  const fault = XML_FAULT.exec(xml);
  if (!fault) return null;
  const faultAttrs = fault[1] ?? "";
  const entries: QboFaultEntry[] = [];
  for (const match of (fault[2] ?? "").matchAll(XML_ERROR)) {
    const attrs = match[1] ?? "";
    const inner = match[2] ?? "";
    entries.push(
      entry(xmlAttr(attrs, "code"), xmlChild(inner, "Message"), xmlChild(inner, "Detail"), xmlAttr(attrs, "element")),
    );
  }
  if (entries.length === 0) return null;
  const type = xmlAttr(faultAttrs, "type");
  return { entries, ...(type ? { type } : {}) };
}

function xmlAttr(attrs: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, "i").exec(attrs);
  const value = match?.[1] ?? match?.[2];
  return value === undefined ? undefined : decodeXmlEntities(value);
}

function xmlChild(inner: string, name: string): string | undefined {
  const match = new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>([\\s\\S]*?)<\\/(?:\\w+:)?${name}>`, "i").exec(inner);
  if (!match?.[1]) return undefined;
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(match[1]);
  return cdata?.[1] ?? decodeXmlEntities(match[1].trim());
}

function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
    return named[lower] ?? whole;
  });
}

function entry(
  code: string | undefined,
  message: string | undefined,
  detail: string | undefined,
  element: string | undefined,
): QboFaultEntry {
  // Some faults (notably throttling) put the code only inside the message:
  // "message=ThrottleExceeded; errorCode=003001; statusCode=429".
  const fromMessage = message ? /errorCode=0*(\d+)/.exec(message)?.[1] : undefined;
  const resolvedCode = normalizeCode(code?.trim() || fromMessage || "unknown");
  return {
    code: resolvedCode,
    message: message?.trim() || detail?.trim() || `QBO error ${resolvedCode}`,
    detail: detail?.trim() ?? "",
    ...(element ? { element } : {}),
  };
}

/** "003001" and "3001" are the same code; non-numeric codes (invalid_grant) stay as they are. */
function normalizeCode(code: string): string {
  return /^\d+$/.test(code) ? String(Number(code)) : code;
}

function errorFromParsed(parsed: ParsedFault, httpStatus: number, intuitTid: string | undefined): QboError {
  const [first] = parsed.entries;
  const headline = first ?? entry(undefined, undefined, undefined, undefined);
  return new QboError({
    ...headline,
    httpStatus,
    errors: parsed.entries,
    ...(intuitTid ? { intuitTid } : {}),
    ...(parsed.type ? { faultType: parsed.type } : {}),
  });
}

function httpStatusMessage(status: number): string {
  if (status === 401) return "Authentication failed";
  if (status === 403) return "Authorization failed";
  if (status === 404) return "Not found";
  if (status === 429) return "Too many requests";
  if (status >= 500) return "QuickBooks Online is unavailable";
  return `HTTP ${status}`;
}

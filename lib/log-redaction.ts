/**
 * What a log line must never carry: the parameters of a failed query (they hold whatever was being
 * written — e-mails, bcrypt hashes, tokens), password hashes, bearer tokens, OAuth tokens and
 * anything stored under a secret-looking key. The SQL text itself stays: it is what a developer
 * needs, and it holds placeholders ($1, $2), not values.
 */
export const REDACTED = "[redacted]";

/** Keys whose value is a secret wherever they appear (accessToken, refresh_token, passwordHash, clientSecret…). */
const SECRET_KEY = /(access_?token|refresh_?token|id_?token|password|passwd|secret|authorization|api_?key|cookie)/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

const TEXT_RULES: readonly [RegExp, string | ((...groups: string[]) => string)][] = [
  // Drizzle's DrizzleQueryError: "Failed query: <sql>\nparams: <values>". The values run to the end
  // of the message, or (inside a stack trace) up to the first "    at " frame.
  [/(^|\n)params: [\s\S]*?(?=\n\s+at |$)/g, (_match, start) => `${start}params: ${REDACTED}`],
  // bcrypt hashes ($2a$, $2b$, $2x$, $2y$ + cost + 53 characters).
  [/\$2[abxy]\$\d{2}\$[./A-Za-z0-9]{53}/g, REDACTED],
  // "Bearer <token>" (an Authorization header value).
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, (_match, scheme) => `${scheme} ${REDACTED}`],
  // JSON Web Tokens (QuickBooks access tokens and id tokens are JWTs).
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*)*/g, REDACTED],
  // key=value / "key":"value" / key: value with a secret-looking key, inside free text.
  [
    /\b([A-Za-z_]*(?:access_?token|refresh_?token|id_?token|password|passwd|secret|api_?key)[A-Za-z_]*)(\\?"?\s*[:=]\s*\\?"?)([^\s"'&,;\\}]+)/gi,
    (_match, key, separator) => `${key}${separator}${REDACTED}`,
  ],
];

/** Free text (a message, a stack trace) with every secret-looking part replaced by [redacted]. */
export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of TEXT_RULES) {
    out = typeof replacement === "string" ? out.replace(pattern, replacement) : out.replace(pattern, replacement as (...args: string[]) => string);
  }
  return out;
}

/**
 * A JSON.stringify step (key, value → what to write): secret keys lose their value, strings are
 * redacted. Errors are expanded by the logger before this runs, so their message, stack and cause
 * pass through here too.
 */
export function redactValue(key: string, value: unknown): unknown {
  if (key !== "" && isSecretKey(key) && value !== null && value !== undefined && value !== "") return REDACTED;
  if (typeof value === "string") return redactText(value);
  return value;
}

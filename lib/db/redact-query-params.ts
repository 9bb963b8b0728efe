/**
 * Drizzle's query errors read "Failed query: <sql>\nparams: <every bound value>", and their stack
 * repeats it. The values are user data and secrets (a sign-up's INSERT carries the bcrypt hash), so
 * whatever prints an error keeps the SQL and drops the values. Stops at the first stack frame.
 */
const PARAMS = /(^|\n)params: [\s\S]*?(?=\n {4}at |$)/;

export function redactQueryParams(text: string): string {
  return text.replace(PARAMS, "$1params: [redacted]");
}

/**
 * Is this error PostgreSQL's unique_violation (SQLSTATE 23505), optionally of one named index? Both
 * drivers (postgres.js, PGlite) report `code` and the constraint's name; drizzle wraps them in a
 * DrizzleQueryError whose `cause` is the driver's error, so the chain is walked.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth += 1) {
    const candidate = current as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
    if (candidate.code === "23505") {
      if (!constraint) return true;
      return candidate.constraint_name === constraint || candidate.constraint === constraint;
    }
  }
  return false;
}

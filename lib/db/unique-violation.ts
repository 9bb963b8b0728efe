/**
 * The name of the unique index an error violated (PostgreSQL's unique_violation, SQLSTATE 23505),
 * or null when it is no unique violation. Both drivers (postgres.js, PGlite) report `code` and the
 * constraint's name (`constraint_name`, `constraint`); drizzle wraps them in a DrizzleQueryError
 * whose `cause` is the driver's error, so the chain is walked.
 */
export function uniqueViolationConstraint(error: unknown): string | null {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth += 1) {
    const candidate = current as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
    if (candidate.code === "23505") {
      const name = candidate.constraint_name ?? candidate.constraint;
      return typeof name === "string" ? name : "";
    }
  }
  return null;
}

/** Is this error a unique violation, optionally of one named index? */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const violated = uniqueViolationConstraint(error);
  if (violated === null) return false;
  return !constraint || violated === constraint;
}

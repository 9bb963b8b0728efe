/**
 * Field-level validation errors in one shape for forms, server actions and the domain validators,
 * so the UI can show every message next to its field regardless of which layer found it.
 */
import type { z } from "zod";

export interface FieldError {
  /** Dotted path to the form field, e.g. "lines.0.amount"; "" for the form as a whole. */
  path: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((segment) => String(segment)).join("."),
    message: issue.message,
  }));
}

/** Groups messages by path: { "lines.0.amount": ["…"] }, the shape forms usually render. */
export function fieldErrorMap(errors: readonly FieldError[]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const error of errors) (map[error.path] ??= []).push(error.message);
  return map;
}

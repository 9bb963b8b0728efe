import type { z } from "zod";
import type { ActionResult } from "./action-result";
import { formDataToObject, FormShapeError } from "./form-data";

export type FormFailure = Extract<ActionResult<never>, { ok: false }>;

const CORRECT_FIELDS = "Please correct the highlighted fields.";

/** zod issues → `{ "lines.0.amount": ["…"] }`, the shape forms show next to each field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * The one way a server action reads its form: FormData → object → zod. A malformed field name or
 * invalid value is a field error; `omit` drops routing fields (e.g. `orgSlug`) before validation.
 */
export function parseForm<S extends z.ZodType>(
  form: FormData,
  schema: S,
  options: { omit?: string[] } = {},
): { ok: true; data: z.output<S> } | { ok: false; failure: FormFailure } {
  let raw: Record<string, unknown>;
  try {
    raw = formDataToObject(form);
  } catch (error) {
    if (error instanceof FormShapeError) return { ok: false, failure: { ok: false, message: CORRECT_FIELDS, fieldErrors: error.fieldErrors } };
    throw error;
  }
  for (const key of options.omit ?? []) delete raw[key];
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, failure: { ok: false, message: CORRECT_FIELDS, fieldErrors: fieldErrorsOf(parsed.error) } };
  return { ok: true, data: parsed.data };
}

import { UserFacingError } from "@/lib/forms/action-result";
import { uniqueViolationConstraint } from "./unique-violation";

/**
 * One place for "this is already taken": each unique index that guards a form field, with the field
 * and the message. The sequential checks (a read before the write) and the index itself (two writes
 * at the same moment, where both reads saw nothing) answer with the same field error.
 */
type DuplicateRule = {
  /** The form field the error is shown next to; its value goes into the message. */
  field: string;
  message: (value: string) => string;
  /** The form-level message; "Please correct the highlighted fields." when absent. */
  summary?: string;
};

export const EMAIL_TAKEN_MESSAGE = "An account with this email already exists. Sign in instead.";
const NAME_TAKEN_SUMMARY = "That name is already used.";

const RULES = {
  invoices_org_number_key: { field: "invoiceNumber", message: (n: string) => `Another invoice already uses number ${n}.` },
  bills_vendor_number_key: { field: "billNumber", message: (n: string) => `This vendor already has a bill numbered ${n}.` },
  vendor_credits_vendor_number_key: { field: "creditNumber", message: (n: string) => `This vendor already has a credit numbered ${n}.` },
  vendors_org_name_key: { field: "displayName", message: (n: string) => `Another vendor is already named "${n}"`, summary: NAME_TAKEN_SUMMARY },
  customers_org_name_key: { field: "displayName", message: (n: string) => `Another customer is already named "${n}"`, summary: NAME_TAKEN_SUMMARY },
  users_email_key: { field: "email", message: () => EMAIL_TAKEN_MESSAGE, summary: EMAIL_TAKEN_MESSAGE },
} satisfies Record<string, DuplicateRule>;

export type GuardedIndex = keyof typeof RULES;

const isGuardedIndex = (name: string): name is GuardedIndex => Object.hasOwn(RULES, name);

/** The message shown next to the field when `value` is already held by the index `constraint`. */
export function duplicateMessage(constraint: GuardedIndex, value: string): string {
  return RULES[constraint].message(value);
}

/** The field error for a value the index `constraint` already holds. */
export function duplicateError(constraint: GuardedIndex, value: string): UserFacingError {
  const rule: DuplicateRule = RULES[constraint];
  return new UserFacingError(rule.summary ?? "Please correct the highlighted fields.", { [rule.field]: [rule.message(value)] });
}

/** The field error a unique violation of a guarded index stands for; null for any other error. */
export function duplicateErrorFor(error: unknown, values: Readonly<Record<string, unknown>>): UserFacingError | null {
  const constraint = uniqueViolationConstraint(error);
  if (constraint === null || !isGuardedIndex(constraint)) return null;
  const value = values[RULES[constraint].field];
  return duplicateError(constraint, typeof value === "string" ? value : "");
}

/** Runs `work`; a guarded index's unique violation becomes its field error, anything else is rethrown. */
export async function refusingDuplicates<T>(values: Readonly<Record<string, unknown>>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw duplicateErrorFor(error, values) ?? error;
  }
}

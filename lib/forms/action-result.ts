/** What every server action returns: the form shows `message` and each field's first error. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; notFound?: boolean; forbidden?: boolean };

export const initialActionState: ActionResult<never> | null = null;

/** An error whose message is written for the person using the app; anything else is logged, not shown. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}

/** The one message for an unexpected failure: no detail, just the reference of its log line. */
export function somethingWentWrong(ref: string): string {
  return `Something went wrong (ref ${ref}) and nothing was saved. Please try again.`;
}

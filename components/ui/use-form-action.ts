"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/forms/action-result";

/**
 * Submits a form to a server action without React's automatic form reset, so a person who made a
 * mistake keeps what they typed and sees the field errors next to it.
 */
export function useFormAction<T>(
  action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>,
  options: { onSubmit?: (form: FormData) => void } = {},
) {
  const [state, dispatch, pending] = useActionState(action, null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    options.onSubmit?.(form);
    startTransition(() => dispatch(form));
  };
  const errors: Record<string, string[]> = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return { state, onSubmit, pending, errors };
}

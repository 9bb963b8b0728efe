"use client";

import { useRouter } from "next/navigation";
import { useEffect, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/forms/action-result";

/**
 * A one-click server action (void, process, …) with hidden fields, an optional confirmation and the
 * action's message shown next to the button.
 */
export function ActionButton<T>({
  action,
  orgSlug,
  fields = {},
  children,
  variant = "secondary",
  confirm,
  pendingLabel,
  successMessage,
}: {
  action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  orgSlug: string;
  fields?: Record<string, string>;
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  confirm?: string;
  pendingLabel?: string;
  successMessage?: (data: T) => string;
}) {
  const router = useRouter();
  const { state, onSubmit, pending } = useFormAction(action);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) {
          event.preventDefault();
          return;
        }
        onSubmit(event);
      }}
      className="inline-flex flex-wrap items-center gap-3"
    >
      <input type="hidden" name="orgSlug" value={orgSlug} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending && pendingLabel ? pendingLabel : children}
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="text-sm text-red-600">
          {state.message}
        </span>
      ) : null}
      {state?.ok && successMessage ? (
        <span role="status" className="text-sm text-emerald-700">
          {successMessage(state.data)}
        </span>
      ) : null}
    </form>
  );
}

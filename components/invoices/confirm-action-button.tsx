"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/forms/action-result";

/**
 * A destructive action (void) that asks once inline before it runs — no browser dialog — and shows
 * the server's refusal (e.g. "void the payments first") right next to the button.
 */
export function ConfirmActionButton<T>({
  action,
  orgSlug,
  id,
  label,
  confirmLabel,
  question,
  size = "normal",
}: {
  action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  orgSlug: string;
  id: string;
  label: string;
  confirmLabel: string;
  question: string;
  size?: "normal" | "small";
}) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const { state, onSubmit, pending } = useFormAction(action, { onSubmit: () => setAsking(false) });
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const compact = size === "small" ? "px-2.5 py-1 text-xs" : undefined;
  return (
    <div className="flex flex-col items-end gap-1.5">
      {asking ? (
        <form onSubmit={onSubmit} className="flex flex-wrap items-center justify-end gap-2">
          <input type="hidden" name="orgSlug" value={orgSlug} />
          <input type="hidden" name="id" value={id} />
          <span className="text-sm text-slate-700">{question}</span>
          <Button type="submit" variant="danger" className={compact}>{confirmLabel}</Button>
          <Button type="button" variant="ghost" onClick={() => setAsking(false)} className={compact}>Cancel</Button>
        </form>
      ) : (
        <Button type="button" variant="danger" onClick={() => setAsking(true)} disabled={pending} className={compact}>{pending ? "Working…" : label}</Button>
      )}
      {state && !state.ok ? <p role="alert" className="max-w-md text-right text-sm text-red-700">{state.message}</p> : null}
    </div>
  );
}

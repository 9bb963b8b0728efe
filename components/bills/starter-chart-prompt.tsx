"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { setUpStarterChartAction } from "@/lib/bills/actions";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useFormAction } from "@/components/ui/use-form-action";

/** Shown when bills can't be coded yet because the organisation has no chart of accounts. */
export function StarterChartPrompt({ orgSlug, isAdmin }: { orgSlug: string; isAdmin: boolean }) {
  const router = useRouter();
  const { state, onSubmit, pending } = useFormAction(setUpStarterChartAction);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <Card className="max-w-2xl p-6">
      <h2 className="text-base font-semibold text-slate-900">Your chart of accounts is empty</h2>
      <p className="mt-2 text-sm text-slate-600">
        Bills are coded to expense accounts and paid from bank accounts. Connect QuickBooks Online to bring in your chart of
        accounts, or start now with a standard small-business chart; the first sync matches it to QuickBooks by name.
      </p>
      <form onSubmit={onSubmit} className="mt-5 flex flex-wrap items-center gap-3">
        <input type="hidden" name="orgSlug" value={orgSlug} />
        {isAdmin ? (
          <Button type="submit" disabled={pending}>
            {pending ? "Setting up…" : "Use the standard chart of accounts"}
          </Button>
        ) : (
          <p className="text-sm text-slate-600">Ask an admin of this organisation to set it up.</p>
        )}
        <ButtonLink href={`/o/${orgSlug}/settings`} variant="secondary">
          Connect QuickBooks
        </ButtonLink>
        {state && !state.ok ? <span className="text-sm text-red-600">{state.message}</span> : null}
      </form>
    </Card>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useFormAction } from "@/components/ui/use-form-action";
import { pullListsAction } from "@/lib/sync/actions";
import type { ListPullView } from "@/lib/sync/core/first-run";

/** Above the preference pickers: the accounts and lists coming in after Connect, or why they did not. */
export function ListPullNotice({ orgSlug, view, canEdit }: { orgSlug: string; view: ListPullView; canEdit: boolean }) {
  const router = useRouter();
  const { state, onSubmit, pending } = useFormAction(pullListsAction);
  const running = view.kind === "running";

  // While the pull runs (seconds), look again until the pickers can be filled.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 1500);
    return () => clearInterval(timer);
  }, [running, router]);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);

  if (view.kind === "ready") return null;
  if (view.kind === "not_connected") {
    return <Alert tone="info">Connect to QuickBooks above: your chart of accounts comes in at once, and then you choose these accounts.</Alert>;
  }
  if (view.kind === "running") return <Alert tone="info">Bringing in your chart of accounts, items, classes, locations and terms from QuickBooks…</Alert>;
  const retry = canEdit ? (
    <form onSubmit={onSubmit} className="mt-2">
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Bringing them in…" : view.kind === "failed" ? "Retry" : "Bring in accounts and lists"}
      </Button>
    </form>
  ) : null;
  const failedAgain = state && !state.ok ? state.message : null;
  return (
    <Alert tone={view.kind === "failed" || failedAgain ? "error" : "warning"}>
      <p>
        {view.kind === "failed"
          ? `Your chart of accounts could not be brought in from QuickBooks: ${failedAgain ?? view.message}`
          : failedAgain ?? "Your chart of accounts has not been brought in from QuickBooks yet."}
      </p>
      {retry}
    </Alert>
  );
}

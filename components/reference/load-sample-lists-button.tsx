"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import { loadSampleListsAction } from "@/lib/reference/actions";

export function LoadSampleListsButton({ orgSlug }: { orgSlug: string }) {
  const router = useRouter();
  const { state, onSubmit, pending } = useFormAction(loadSampleListsAction);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form onSubmit={onSubmit} className="flex flex-col items-center gap-2">
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Loading…" : "Load sample lists"}
      </Button>
      {state && !state.ok ? <p role="alert" className="text-sm text-red-600">{state.message}</p> : null}
    </form>
  );
}

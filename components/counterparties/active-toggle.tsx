"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { setCounterpartyActiveAction } from "@/lib/counterparties/actions";

export function ActiveToggle({ orgSlug, kind, id, active }: { orgSlug: string; kind: "vendor" | "customer"; id: string; active: boolean }) {
  const [state, action, pending] = useActionState(setCounterpartyActiveAction, null);
  return (
    <form action={action} className="flex items-center gap-3">
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <Button type="submit" variant={active ? "danger" : "secondary"} disabled={pending}>
        {active ? "Deactivate" : "Reactivate"}
      </Button>
      {state && !state.ok ? <span className="text-sm text-red-600">{state.message}</span> : null}
    </form>
  );
}

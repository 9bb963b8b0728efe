"use client";

import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useFormAction } from "@/components/ui/use-form-action";
import { acceptInvitationAction } from "@/lib/orgs/actions";

/** Joining is a POST (this button), never a side effect of opening the link. */
export function AcceptInvitationForm({ token, organizationName }: { token: string; organizationName: string }) {
  const { state, onSubmit, pending } = useFormAction(acceptInvitationAction);
  return (
    <form onSubmit={onSubmit} className="space-y-5">
      <input type="hidden" name="invitation" value={token} />
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Joining…" : `Join ${organizationName}`}
      </Button>
    </form>
  );
}

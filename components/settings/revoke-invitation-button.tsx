"use client";

import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import { revokeInvitationAction } from "@/lib/orgs/actions";

export function RevokeInvitationButton({ orgSlug, invitationId, email }: { orgSlug: string; invitationId: string; email: string }) {
  const { state, onSubmit, pending } = useFormAction(revokeInvitationAction);
  return (
    <form onSubmit={onSubmit} className="flex items-center gap-3">
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="invitationId" value={invitationId} />
      {state && !state.ok ? <span role="alert" className="text-sm text-red-600">{state.message}</span> : null}
      <Button type="submit" variant="danger" disabled={pending} aria-label={`Revoke the invitation for ${email}`}>
        {pending ? "Revoking…" : "Revoke"}
      </Button>
    </form>
  );
}

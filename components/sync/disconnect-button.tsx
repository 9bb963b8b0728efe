"use client";

import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import { disconnectQboAction } from "@/lib/qbo-connection/actions";

export function DisconnectButton({ orgSlug }: { orgSlug: string }) {
  const { state, onSubmit, pending } = useFormAction(disconnectQboAction);
  return (
    <form
      onSubmit={(e) => {
        if (!window.confirm("Disconnect QuickBooks? Syncing stops until you connect again.")) {
          e.preventDefault();
          return;
        }
        onSubmit(e);
      }}
      className="flex items-center gap-3"
    >
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <Button type="submit" variant="danger" disabled={pending}>{pending ? "Disconnecting…" : "Disconnect"}</Button>
      {state && !state.ok ? <span role="alert" className="text-sm text-red-600">{state.message}</span> : null}
    </form>
  );
}

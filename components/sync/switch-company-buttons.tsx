"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import { cancelCompanySwitchAction, confirmCompanySwitchAction } from "@/lib/qbo-connection/switch-actions";

/** "Switch and sync" and "Cancel (disconnect)" on the confirm page; each lands where its outcome shows. */
export function SwitchCompanyButtons({ orgSlug }: { orgSlug: string }) {
  const router = useRouter();
  const confirm = useFormAction(confirmCompanySwitchAction);
  const cancel = useFormAction(cancelCompanySwitchAction);
  const busy = confirm.pending || cancel.pending;
  useEffect(() => {
    if (confirm.state?.ok) router.push(`/o/${orgSlug}/sync`);
  }, [confirm.state, orgSlug, router]);
  useEffect(() => {
    if (cancel.state?.ok) router.push(`/o/${orgSlug}/settings/sync`);
  }, [cancel.state, orgSlug, router]);
  const failure = confirm.state && !confirm.state.ok ? confirm.state.message : cancel.state && !cancel.state.ok ? cancel.state.message : null;
  return (
    <div className="space-y-3">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <form onSubmit={confirm.onSubmit}>
          <input type="hidden" name="orgSlug" value={orgSlug} />
          <Button type="submit" disabled={busy} className="w-full sm:w-auto">
            {confirm.pending ? "Switching…" : "Switch and sync"}
          </Button>
        </form>
        <form onSubmit={cancel.onSubmit}>
          <input type="hidden" name="orgSlug" value={orgSlug} />
          <Button type="submit" variant="secondary" disabled={busy} className="w-full sm:w-auto">
            {cancel.pending ? "Disconnecting…" : "Cancel (disconnect)"}
          </Button>
        </form>
      </div>
      {failure ? (
        <p role="alert" className="text-sm text-red-600">
          {failure}
        </p>
      ) : null}
    </div>
  );
}

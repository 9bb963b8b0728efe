"use client";

import { useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { startSyncAction } from "@/lib/sync/actions";
import { useSyncStatus } from "./use-sync-status";

/** Sync Now on the Sync page; the same action as the header icon. */
export function SyncNowButton({ orgSlug }: { orgSlug: string }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const { data: status } = useSyncStatus(orgSlug);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const running = Boolean(status?.activeRun);
  return (
    <div className="flex items-center gap-3">
      {error ? <span role="alert" className="text-sm text-red-600">{error}</span> : null}
      <Button
        type="button"
        disabled={pending || running || status?.connection === "not_connected"}
        onClick={() =>
          startTransition(async () => {
            const form = new FormData();
            form.set("orgSlug", orgSlug);
            const result = await startSyncAction(null, form);
            setError(result.ok ? null : result.message);
            await queryClient.invalidateQueries({ queryKey: ["sync-status", orgSlug] });
            router.refresh();
          })
        }
      >
        <RefreshCw className={running ? "h-4 w-4 animate-spin" : "h-4 w-4"} aria-hidden />
        {running ? `Syncing… ${status?.activeRun?.percent ?? 0}%` : "Sync Now"}
      </Button>
    </div>
  );
}

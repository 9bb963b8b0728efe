"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { pollIntervalFor } from "@/lib/sync/poll-interval";
import type { SyncStatusView } from "@/lib/sync/status-view";

function usePageVisible(): boolean {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === "visible");
    update();
    document.addEventListener("visibilitychange", update);
    return () => document.removeEventListener("visibilitychange", update);
  }, []);
  return visible;
}

/** The organisation's sync state from the server; survives navigation and reloads. */
export function useSyncStatus(orgSlug: string) {
  const visible = usePageVisible();
  return useQuery({
    queryKey: ["sync-status", orgSlug],
    queryFn: async ({ signal }): Promise<SyncStatusView> => {
      const response = await fetch(`/api/orgs/${orgSlug}/sync/status`, { signal, cache: "no-store" });
      if (!response.ok) throw new Error(`Sync status unavailable (${response.status})`);
      return (await response.json()) as SyncStatusView;
    },
    refetchInterval: (query) =>
      pollIntervalFor({
        running: Boolean(query.state.data?.activeRun),
        visible,
        failedAttempts: query.state.fetchFailureCount,
      }),
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}

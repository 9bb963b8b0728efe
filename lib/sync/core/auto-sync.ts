/** Automatic sync runs about 24 hours after the most recent sync (manual or automatic). */
export const AUTO_SYNC_INTERVAL_MS = 24 * 60 * 60 * 1000;

export type AutoSyncCandidate = {
  organizationId: string;
  syncAutomatically: boolean;
  connected: boolean;
  lastSyncAt: Date | null;
  nextAutoSyncAt: Date | null;
  hasActiveRun: boolean;
};

/** When the next automatic sync of an organisation is due, or null when none is (off, or not connected: none will run). */
export function nextAutoSyncAt(c: Pick<AutoSyncCandidate, "syncAutomatically" | "connected" | "lastSyncAt" | "nextAutoSyncAt">): Date | null {
  if (!c.syncAutomatically || !c.connected) return null;
  if (c.nextAutoSyncAt) return c.nextAutoSyncAt;
  return c.lastSyncAt ? new Date(c.lastSyncAt.getTime() + AUTO_SYNC_INTERVAL_MS) : null;
}

/** The organisations whose automatic sync is due now. */
export function dueForAutoSync(candidates: AutoSyncCandidate[], now: Date): string[] {
  return candidates
    .filter((c) => c.connected && !c.hasActiveRun)
    .filter((c) => {
      const due = nextAutoSyncAt(c);
      return due !== null && due.getTime() <= now.getTime();
    })
    .map((c) => c.organizationId);
}

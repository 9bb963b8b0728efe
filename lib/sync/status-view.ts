import type { SyncStatus } from "@/lib/sync/engine/status";
import { runErrorText } from "@/lib/sync/run-error-text";

export type RunCounts = Record<string, { created: number; updated: number; skipped: number; failed: number }>;

/** What the sync icon needs, as JSON: small, no internal columns. */
export type SyncStatusView = {
  connection: "not_connected" | "connected" | "needs_reconnect" | "awaiting_confirmation";
  pendingSwitch: { kind: "switch" | "first_sync"; companyName: string } | null;
  preferencesMissing: string[];
  activeRun: { id: string; phase: string | null; percent: number; done: number; total: number; startedAt: string | null } | null;
  lastRun: {
    id: string;
    status: string;
    finishedAt: string | null;
    startedAt: string | null;
    error: string | null;
    counts: RunCounts;
  } | null;
  /** Open issues that need action; skipped-by-design ones are counted apart. */
  openIssues: number;
  skippedByDesign: number;
  nextAutoSyncAt: string | null;
};

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function toSyncStatusView(status: SyncStatus): SyncStatusView {
  const { activeRun, lastRun } = status;
  return {
    connection: status.connection,
    pendingSwitch: status.pendingSwitch,
    preferencesMissing: status.preferencesMissing,
    activeRun: activeRun
      ? {
          id: activeRun.id,
          phase: activeRun.phase,
          percent: activeRun.percent,
          done: activeRun.done,
          total: activeRun.total,
          startedAt: iso(activeRun.startedAt),
        }
      : null,
    lastRun: lastRun
      ? {
          id: lastRun.id,
          status: lastRun.status,
          finishedAt: iso(lastRun.finishedAt),
          startedAt: iso(lastRun.startedAt),
          error: runErrorText(lastRun.error),
          counts: lastRun.counts,
        }
      : null,
    openIssues: status.openIssues,
    skippedByDesign: status.skippedByDesign,
    nextAutoSyncAt: iso(status.nextAutoSyncAt),
  };
}

/** Totals over all object types of a run's counts. */
export function sumCounts(counts: RunCounts) {
  const total = { created: 0, updated: 0, skipped: 0, failed: 0 };
  for (const c of Object.values(counts)) {
    total.created += c.created;
    total.updated += c.updated;
    total.skipped += c.skipped;
    total.failed += c.failed;
  }
  return total;
}

"use client";

import { useQueryClient } from "@tanstack/react-query";
import { AlertTriangle, RefreshCw } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, useState, useTransition } from "react";
import { cn } from "@/components/ui/cn";
import { formatDateTime } from "@/components/ui/format";
import { phaseLabel } from "@/lib/sync/core/phases";
import type { SyncPhase } from "@/lib/sync/core/phases";
import { startSyncAction } from "@/lib/sync/actions";
import { sumCounts, type SyncStatusView } from "@/lib/sync/status-view";
import { useSyncStatus } from "./use-sync-status";

/**
 * The sync icon at the top of every page. Hover (or focus) shows Sync Now; selecting it opens a
 * panel with Sync Now, the last sync and its issues. While a run is going it shows phase and percent.
 */
/** `canSync`: the person's role may run Sync Now (lib/auth/permissions.ts "sync.run"); else it is not offered. */
export function SyncIcon({ orgSlug, canSync }: { orgSlug: string; canSync: boolean }) {
  const { data: status } = useSyncStatus(orgSlug);
  const queryClient = useQueryClient();
  const [hover, setHover] = useState(false);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [starting, startTransition] = useTransition();
  const root = useRef<HTMLDivElement>(null);
  const running = Boolean(status?.activeRun);
  const attention = status && (status.connection !== "connected" || status.preferencesMissing.length > 0);
  // Only issues that need action are counted; skipped-by-design ones would drown them.
  const needsAction = status?.openIssues ?? 0;
  const notConnected = status?.connection === "not_connected";
  // A switch of company waiting for confirmation: Sync Now would only be refused.
  const awaiting = status?.connection === "awaiting_confirmation";

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  function syncNow() {
    setHover(false);
    setMessage(null);
    const form = new FormData();
    form.set("orgSlug", orgSlug);
    startTransition(async () => {
      const result = await startSyncAction(null, form);
      if (!result.ok) setMessage(result.message);
      else if (result.data.joined) setMessage("A sync is already running — following it.");
      await queryClient.invalidateQueries({ queryKey: ["sync-status", orgSlug] });
    });
  }

  const base = `/o/${orgSlug}`;
  return (
    <div
      ref={root}
      className="relative"
      onMouseEnter={() => setHover(true)}
      onMouseLeave={() => setHover(false)}
      onFocus={() => setHover(true)}
      onBlur={(e) => {
        if (!root.current?.contains(e.relatedTarget as Node)) setHover(false);
      }}
    >
      <button
        type="button"
        aria-label="Sync"
        aria-description={needsAction > 0 ? `${needsAction} issue${needsAction === 1 ? "" : "s"} need${needsAction === 1 ? "s" : ""} your action` : undefined}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          setOpen((v) => !v);
          setHover(false);
        }}
        className={cn(
          "relative flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100",
          running && "text-brand-700",
        )}
      >
        <RefreshCw className={cn("h-5 w-5", running && "animate-spin")} aria-hidden />
        {running && status?.activeRun ? <RunProgress run={status.activeRun} /> : null}
        {!running && needsAction > 0 ? (
          <span data-testid="sync-issue-count" className="tabular absolute -right-1 -top-1 min-w-[1.25rem] rounded-full bg-red-600 px-1 text-center text-[11px] font-semibold leading-5 text-white" aria-hidden>
            {needsAction > 99 ? "99+" : needsAction}
          </span>
        ) : !running && attention ? (
          <span className="absolute right-1 top-1 h-2 w-2 rounded-full bg-amber-500" aria-hidden />
        ) : null}
      </button>

      {hover && !open && canSync ? (
        <div role="menu" aria-label="Sync menu" className="absolute right-0 z-30 mt-1 w-48 rounded-lg bg-white p-1 shadow-lg ring-1 ring-slate-200">
          <button type="button" role="menuitem" onClick={syncNow} disabled={starting || notConnected || awaiting} className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none disabled:cursor-not-allowed disabled:text-slate-400 disabled:hover:bg-transparent">
            <RefreshCw className="h-4 w-4" aria-hidden /> Sync Now
          </button>
          {notConnected ? <p className="px-3 pb-2 text-xs text-slate-500">Connect to QuickBooks first.</p> : null}
          {awaiting && status?.pendingSwitch ? (
            <p className="px-3 pb-2 text-xs text-slate-500">
              Switch to {status.pendingSwitch.companyName} waiting for your confirmation.{" "}
              <Link href={`${base}/sync/switch`} className="font-semibold text-brand-700 underline">
                Review
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}

      {open ? (
        <div
          role="dialog"
          aria-label="QuickBooks sync"
          className="absolute right-0 z-30 mt-1 w-80 rounded-xl bg-white p-4 shadow-xl ring-1 ring-slate-200"
          // Following a link (Preview sync, Sync history, issues) leaves the panel behind.
          onClick={(e) => {
            if ((e.target as HTMLElement).closest("a")) setOpen(false);
          }}
        >
          <SyncPanel status={status} orgBase={base} message={message} starting={starting} onSyncNow={canSync ? syncNow : undefined} />
        </div>
      ) : null}
    </div>
  );
}

function RunProgress({ run }: { run: NonNullable<SyncStatusView["activeRun"]> }) {
  return (
    <span className="flex items-center gap-2">
      <span className="hidden text-xs font-medium md:inline">{run.phase ? phaseLabel(run.phase as SyncPhase) : "Starting"}</span>
      <span
        role="progressbar"
        aria-label="Sync progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={run.percent}
        className="relative h-1.5 w-16 overflow-hidden rounded-full bg-brand-100"
      >
        <span className="absolute inset-y-0 left-0 rounded-full bg-brand-600 transition-all" style={{ width: `${run.percent}%` }} />
      </span>
      <span className="tabular text-xs font-semibold">{run.percent}%</span>
    </span>
  );
}

function SyncPanel({
  status,
  orgBase,
  message,
  starting,
  onSyncNow,
}: {
  status: SyncStatusView | undefined;
  orgBase: string;
  message: string | null;
  starting: boolean;
  onSyncNow: (() => void) | undefined;
}) {
  const last = status?.lastRun;
  const totals = last ? sumCounts(last.counts) : null;
  return (
    <div className="space-y-3 text-sm">
      <div className="flex items-center justify-between">
        <p className="font-semibold text-slate-900">QuickBooks Online sync</p>
        {onSyncNow ? (
          <button
            type="button"
            onClick={onSyncNow}
            disabled={starting || status?.connection === "not_connected" || status?.connection === "awaiting_confirmation"}
            className="rounded-md bg-brand-600 px-3 py-1.5 text-xs font-semibold text-white hover:bg-brand-700 disabled:bg-brand-600/50"
          >
            Sync Now
          </button>
        ) : null}
      </div>
      {message ? <p className="rounded-md bg-slate-50 px-3 py-2 text-slate-700">{message}</p> : null}
      {status?.connection === "not_connected" ? (
        <Notice href={`${orgBase}/settings/sync`} link="Connect to QuickBooks">Not connected to QuickBooks yet.</Notice>
      ) : status?.connection === "awaiting_confirmation" && status.pendingSwitch ? (
        <Notice href={`${orgBase}/sync/switch`} link="Review and confirm">
          {status.pendingSwitch.kind === "switch"
            ? `Switch to ${status.pendingSwitch.companyName} waiting for your confirmation.`
            : `First sync with ${status.pendingSwitch.companyName} waiting for your confirmation.`}
        </Notice>
      ) : status?.connection === "needs_reconnect" ? (
        <Notice href={`${orgBase}/settings/sync`} link="Reconnect">QuickBooks needs you to reconnect.</Notice>
      ) : status && status.preferencesMissing.length > 0 ? (
        <Notice href={`${orgBase}/settings/sync#preferences`} link="Set sync preferences">
          Nothing syncs from QuickBooks until these are set: {status.preferencesMissing.join(", ")}.
        </Notice>
      ) : null}
      {status?.activeRun ? (
        <p className="text-slate-700">
          Syncing — {status.activeRun.phase ? phaseLabel(status.activeRun.phase as SyncPhase) : "starting"}, {status.activeRun.percent}%.
          You can keep working.
        </p>
      ) : null}
      <div className="rounded-lg bg-slate-50 p-3">
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Last sync</p>
        {last ? (
          <>
            <p className="mt-1 text-slate-900">
              {last.finishedAt ? formatDateTime(last.finishedAt) : "—"} · {statusWord(last.status)}
            </p>
            {totals ? (
              <p className="mt-1 text-slate-600">
                {totals.created} created, {totals.updated} updated, {totals.skipped} skipped, {totals.failed} failed
              </p>
            ) : null}
            {last.error ? <p className="mt-1 text-red-700">{last.error}</p> : null}
          </>
        ) : (
          <p className="mt-1 text-slate-600">Never synced.</p>
        )}
      </div>
      <p className="text-slate-700">
        <Link href={`${orgBase}/sync/issues`} className="font-medium text-brand-700 hover:underline">
          {status?.openIssues ?? 0} issue{status?.openIssues === 1 ? " needs" : "s need"} your action
        </Link>
        {status?.skippedByDesign ? (
          <>
            {" "}· <Link href={`${orgBase}/sync/issues?group=by-design`} className="text-slate-600 hover:underline">{status.skippedByDesign} skipped by design</Link>
          </>
        ) : null}{" "}
        · <Link href={`${orgBase}/sync`} className="font-medium text-brand-700 hover:underline">Sync history</Link>
      </p>
      {status?.connection !== "not_connected" && onSyncNow ? (
        <p className="text-slate-700">
          <Link href={`${orgBase}/sync/preview`} prefetch={false} className="font-medium text-brand-700 hover:underline">Preview sync</Link>
          <span className="text-slate-500"> — see what the next sync would do, before it writes anything.</span>
        </p>
      ) : null}
      {status?.nextAutoSyncAt && status.connection === "connected" ? (
        <p className="text-xs text-slate-500">Next automatic sync around {formatDateTime(status.nextAutoSyncAt)}.</p>
      ) : null}
    </div>
  );
}

function Notice({ children, href, link }: { children: React.ReactNode; href: string; link: string }) {
  return (
    <div className="flex gap-2 rounded-md bg-amber-50 px-3 py-2 text-amber-900">
      <AlertTriangle className="mt-0.5 h-4 w-4 flex-none" aria-hidden />
      <p>
        {children}{" "}
        <Link href={href} className="font-semibold underline">
          {link}
        </Link>
      </p>
    </div>
  );
}

function statusWord(status: string): string {
  return status === "succeeded" ? "Completed" : status === "partial" ? "Completed with issues" : status === "failed" ? "Failed" : status === "interrupted" ? "Interrupted" : status;
}

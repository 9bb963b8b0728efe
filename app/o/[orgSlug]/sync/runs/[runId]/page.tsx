import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { IssueList, OBJECT_LABELS } from "@/components/sync/issue-list";
import { formatDuration, RunStatusBadge, TRIGGER_LABELS } from "@/components/sync/run-status-badge";
import { requireOrg } from "@/lib/auth/guard";
import { phaseLabel, SYNC_PHASES, type SyncPhase } from "@/lib/sync/core/phases";
import { getSyncRun, listSyncIssues } from "@/lib/sync/history";
import { qboLinkTarget } from "@/lib/sync/qbo-link-target";
import { runErrorText } from "@/lib/sync/run-error-text";
import { isRecordId } from "@/lib/forms/record-id";

export const metadata = { title: "Sync run" };

export default async function SyncRunPage({ params }: { params: Promise<{ orgSlug: string; runId: string }> }) {
  const { orgSlug, runId } = await params;
  const { org, db } = await requireOrg(orgSlug, "data.read");
  if (!isRecordId(runId)) notFound();
  const row = await getSyncRun(db, org.organizationId, runId);
  if (!row) notFound();
  const { run, userName } = row;
  const [issues, qbo] = await Promise.all([
    listSyncIssues(db, org.organizationId, { runId: run.id, page: 1 }),
    qboLinkTarget(db, org.organizationId),
  ]);
  const reached = SYNC_PHASES.findIndex((p) => p.id === run.phase);
  const finished = run.status === "succeeded" || run.status === "partial";
  return (
    <>
      <PageHeader
        title={`Sync of ${formatDateTime(run.startedAt ?? run.createdAt)}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <RunStatusBadge status={run.status} /> {TRIGGER_LABELS[run.trigger] ?? run.trigger}
            {userName ? ` by ${userName}` : ""} · {run.mode === "full" ? "Full" : run.mode === "incremental" ? "Incremental" : "—"} ·{" "}
            {formatDuration(run.startedAt, run.finishedAt)} · {run.apiCalls} QuickBooks calls ·{" "}
            <Link href={`/o/${org.slug}/sync`} className="font-medium text-brand-700 hover:underline">All syncs</Link>
          </span>
        }
      />
      {run.error ? <div className="mb-4"><Alert tone={run.status === "interrupted" ? "warning" : "error"}>{runErrorText(run.error)}</Alert></div> : null}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <Card className="p-5">
          <h2 className="text-base font-semibold text-slate-900">Timeline</h2>
          <ol className="mt-4 space-y-3">
            {SYNC_PHASES.map((p, i) => {
              const done = finished || i < reached;
              const current = !finished && i === reached;
              return (
                <li key={p.id} className="flex items-center gap-3 text-sm">
                  <span className={done ? "h-2.5 w-2.5 rounded-full bg-emerald-500" : current ? "h-2.5 w-2.5 rounded-full bg-brand-500" : "h-2.5 w-2.5 rounded-full bg-slate-200"} aria-hidden />
                  <span className={done || current ? "text-slate-900" : "text-slate-400"}>{phaseLabel(p.id as SyncPhase)}</span>
                  {current ? <span className="text-xs text-slate-500">{run.status === "failed" || run.status === "interrupted" ? "stopped here" : `${run.percent}%`}</span> : null}
                </li>
              );
            })}
          </ol>
          <h2 className="mt-6 text-base font-semibold text-slate-900">Records</h2>
          <div className="overflow-x-auto">
          <table className="mt-3 w-full text-sm">
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr><th className="py-1">Type</th><th className="py-1 pl-3 text-right">Created</th><th className="py-1 pl-3 text-right">Updated</th><th className="py-1 pl-3 text-right">Skipped</th><th className="py-1 pl-3 text-right">Failed</th></tr>
            </thead>
            <tbody>
              {Object.entries(run.counts).map(([type, c]) => (
                <tr key={type} className="border-t border-slate-100">
                  <td className="py-1.5">{OBJECT_LABELS[type] ?? type}</td>
                  <td className="tabular py-1.5 pl-3 text-right">{c.created}</td>
                  <td className="tabular py-1.5 pl-3 text-right">{c.updated}</td>
                  <td className="tabular py-1.5 pl-3 text-right">{c.skipped}</td>
                  <td className="tabular py-1.5 pl-3 text-right">{c.failed}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </Card>
        <Card>
          <div className="border-b border-slate-200 px-6 py-4">
            <h2 className="text-base font-semibold text-slate-900">Issues seen in this sync ({issues.total})</h2>
          </div>
          {issues.rows.length === 0 ? <EmptyState title="No issues in this sync" /> : <IssueList issues={issues.rows} orgSlug={org.slug} qbo={qbo} />}
        </Card>
      </div>
    </>
  );
}

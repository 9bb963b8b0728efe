import Link from "next/link";
import { z } from "zod";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { Pagination } from "@/components/ui/pagination";
import { formatDuration, RunStatusBadge, TRIGGER_LABELS } from "@/components/sync/run-status-badge";
import { SyncNowButton } from "@/components/sync/sync-now-button";
import { requireOrg } from "@/lib/auth/guard";
import { canDo } from "@/lib/auth/permissions";
import { listSyncRuns } from "@/lib/sync/history";
import { sumCounts } from "@/lib/sync/status-view";

export const metadata = { title: "Sync" };

export default async function SyncPage(props: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug }, search] = await Promise.all([props.params, props.searchParams]);
  const { org, db } = await requireOrg(orgSlug, "data.read");
  const page = z.coerce.number().int().min(1).max(10_000).catch(1).parse(search.page ?? 1);
  const { rows, total, pageSize } = await listSyncRuns(db, org.organizationId, page);
  const base = `/o/${org.slug}/sync`;
  return (
    <>
      <PageHeader
        title="Sync history"
        description={
          <>
            Every sync with QuickBooks Online.{" "}
            {canDo({ org }, "sync.run") ? (
              <>
                <Link href={`${base}/preview`} prefetch={false} className="font-medium text-brand-700 hover:underline">Preview sync</Link> ·{" "}
              </>
            ) : null}
            <Link href={`${base}/issues`} className="font-medium text-brand-700 hover:underline">Why didn&apos;t these sync?</Link>{" "}
            · <Link href={`/o/${org.slug}/settings/sync`} className="font-medium text-brand-700 hover:underline">Sync settings</Link>
          </>
        }
        actions={canDo({ org }, "sync.run") ? <SyncNowButton orgSlug={org.slug} /> : null}
      />
      <Card>
        {rows.length === 0 ? (
          <EmptyState title="No syncs yet">Connect QuickBooks in Settings → Sync, then select Sync Now.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-3">Started</th>
                  <th scope="col" className="px-4 py-3">Trigger</th>
                  <th scope="col" className="px-4 py-3">By</th>
                  <th scope="col" className="px-4 py-3">Duration</th>
                  <th scope="col" className="px-4 py-3 text-right">Created</th>
                  <th scope="col" className="px-4 py-3 text-right">Updated</th>
                  <th scope="col" className="px-4 py-3 text-right">Skipped</th>
                  <th scope="col" className="px-4 py-3 text-right">Failed</th>
                  <th scope="col" className="px-4 py-3">Result</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {rows.map(({ run, userName }) => {
                  const c = sumCounts(run.counts);
                  return (
                    <tr key={run.id} className="hover:bg-slate-50">
                      <td className="px-4 py-3">
                        <Link href={`${base}/runs/${run.id}`} className="font-medium text-brand-700 hover:underline">
                          {formatDateTime(run.startedAt ?? run.createdAt)}
                        </Link>
                      </td>
                      <td className="px-4 py-3 text-slate-600">{TRIGGER_LABELS[run.trigger] ?? run.trigger}</td>
                      <td className="px-4 py-3 text-slate-600">{userName ?? "—"}</td>
                      <td className="tabular px-4 py-3 text-slate-600">{run.status === "running" ? `${run.percent}%` : formatDuration(run.startedAt, run.finishedAt)}</td>
                      <td className="tabular px-4 py-3 text-right">{c.created}</td>
                      <td className="tabular px-4 py-3 text-right">{c.updated}</td>
                      <td className="tabular px-4 py-3 text-right">{c.skipped}</td>
                      <td className="tabular px-4 py-3 text-right">{c.failed}</td>
                      <td className="px-4 py-3"><RunStatusBadge status={run.status} /></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageSize={pageSize} total={total} hrefFor={(p) => `${base}?page=${p}`} />
      </Card>
    </>
  );
}

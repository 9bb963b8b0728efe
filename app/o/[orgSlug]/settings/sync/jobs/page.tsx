import Link from "next/link";
import { z } from "zod";
import { Alert, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { TRIGGER_LABELS } from "@/components/sync/run-status-badge";
import { requireOrg } from "@/lib/auth/guard";
import { getDatabase } from "@/lib/db";
import { listOrgSyncJobs } from "@/lib/ops/org-jobs";
import { JobStatusBadge } from "./job-status-badge";

export const metadata = { title: "Sync jobs" };

// Jobs of one minute are told apart by their seconds.
const timeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium" });
const formatTime = (d: Date) => timeFormat.format(d);
// Started and finished are usually the day the job was queued: then the clock says enough.
const clockFormat = new Intl.DateTimeFormat("en-US", { timeStyle: "medium" });
const formatAfter = (d: Date, queued: Date) => (d.toDateString() === queued.toDateString() ? clockFormat.format(d) : formatTime(d));

/** Admins: the job queue's view of this organisation's syncs, to see what waits, retries or failed. */
export default async function SyncJobsPage(props: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug }, search] = await Promise.all([props.params, props.searchParams]);
  const { org } = await requireOrg(orgSlug, "settings.manage");
  const page = z.coerce.number().int().min(1).max(10_000).catch(1).parse(search.page ?? 1);
  const { queueReady, rows, total, pageSize } = await listOrgSyncJobs(await getDatabase(), org.organizationId, { page });
  const base = `/o/${org.slug}/settings/sync/jobs`;
  return (
    <>
      <PageHeader
        title="Sync jobs"
        description={
          <>
            Every sync waits in the job queue, runs, and is retried if it fails. Recent jobs of the last 7 days.{" "}
            <Link href={`/o/${org.slug}/settings/sync`} className="font-medium text-brand-700 hover:underline">Sync settings</Link>{" "}
            · <Link href={`/o/${org.slug}/sync`} className="font-medium text-brand-700 hover:underline">Sync history</Link>
          </>
        }
      />
      {queueReady ? null : (
        <div className="mb-4">
          <Alert tone="warning">The job queue has not started yet: syncs cannot run until the app&apos;s job worker is up.</Alert>
        </div>
      )}
      <Card>
        {rows.length === 0 ? (
          <EmptyState title="No sync jobs yet">Sync Now, automatic syncs and QuickBooks changes each queue a job here.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-3">Queued</th>
                  <th scope="col" className="px-4 py-3">Trigger</th>
                  <th scope="col" className="px-4 py-3">Status</th>
                  <th scope="col" className="px-4 py-3 text-right">Attempts</th>
                  <th scope="col" className="px-4 py-3">Started</th>
                  <th scope="col" className="px-4 py-3">Finished</th>
                  <th scope="col" className="px-4 py-3">Run</th>
                  <th scope="col" className="px-4 py-3">Details</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {rows.map((job) => (
                  <tr key={job.id} className="align-top hover:bg-slate-50" data-job-status={job.status}>
                    <td className="whitespace-nowrap px-4 py-3 text-slate-900">{formatTime(job.createdOn)}</td>
                    <td className="whitespace-nowrap px-4 py-3 text-slate-600">{job.trigger ? (TRIGGER_LABELS[job.trigger] ?? job.trigger) : "—"}</td>
                    <td className="px-4 py-3"><JobStatusBadge status={job.status} /></td>
                    <td className="tabular px-4 py-3 text-right text-slate-600">
                      {/* The retry budget matters while a job may still fail. */}
                      {job.status === "completed" || job.status === "skipped" ? job.attempts : `${job.attempts} of ${job.maxAttempts}`}
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 text-slate-600">{job.startedOn ? formatAfter(job.startedOn, job.createdOn) : "—"}</td>
                    <td className="whitespace-nowrap px-4 py-3 text-slate-600">{job.completedOn ? formatAfter(job.completedOn, job.createdOn) : "—"}</td>
                    <td className="whitespace-nowrap px-4 py-3">
                      {job.runId ? (
                        <Link href={`/o/${org.slug}/sync/runs/${job.runId}`} className="font-medium text-brand-700 hover:underline">View run</Link>
                      ) : (
                        <span className="text-slate-400">—</span>
                      )}
                    </td>
                    <td className="min-w-40 max-w-md px-4 py-3 text-slate-600">
                      {job.detail ? <p className={job.status === "failed" || job.status === "retrying" ? "break-words text-red-700" : "break-words"}>{job.detail}</p> : null}
                      {job.nextStartAt ? <p className="text-xs text-slate-500">{job.status === "retrying" ? "Next try" : "Starts"} {formatTime(job.nextStartAt)}</p> : null}
                      {!job.detail && !job.nextStartAt ? <span className="text-slate-400">—</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageSize={pageSize} total={total} hrefFor={(p) => `${base}?page=${p}`} />
      </Card>
    </>
  );
}

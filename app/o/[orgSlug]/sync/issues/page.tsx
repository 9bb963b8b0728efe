import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { IssueList, OBJECT_LABELS } from "@/components/sync/issue-list";
import { cn } from "@/components/ui/cn";
import { requireOrg } from "@/lib/auth/guard";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { parseIssueListQuery } from "@/lib/sync/issue-list-query";
import { ExportCsvLink } from "@/components/exports/export-csv-link";
import { describeReason, isReasonCode, type IssueGroup } from "@/lib/sync/core/reasons";
import { getSyncStatus } from "@/lib/sync/engine/status";
import { listSyncIssues } from "@/lib/sync/history";
import { qboLinkTarget } from "@/lib/sync/qbo-link-target";

export const metadata = { title: "Sync issues" };

export default async function SyncIssuesPage(props: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug }, search] = await Promise.all([props.params, props.searchParams]);
  const { org, db } = await requireOrg(orgSlug, "data.read");
  const filter = parseIssueListQuery(search);
  const group = filter.group;
  const [result, qbo, status] = await Promise.all([
    listSyncIssues(db, org.organizationId, { reason: filter.reason, objectType: filter.type, group, q: filter.q || undefined, page: filter.page }),
    qboLinkTarget(db, org.organizationId),
    getSyncStatus(db, org.organizationId),
  ]);
  const neverSynced = status.lastRun === null && status.activeRun === null;
  const base = `/o/${org.slug}/sync/issues`;
  const href = (p: { reason?: string; type?: string; group?: IssueGroup; q?: string; page?: number }) => {
    const q = new URLSearchParams();
    if (p.group && p.group !== "action") q.set("group", p.group);
    if (p.q) q.set("q", p.q);
    if (p.reason) q.set("reason", p.reason);
    if (p.type) q.set("type", p.type);
    if (p.page && p.page > 1) q.set("page", String(p.page));
    const s = q.toString();
    return s ? `${base}?${s}` : base;
  };
  const allCount = result.byReason.reduce((n, r) => n + r.n, 0);
  const keep = { group, q: filter.q };
  const tabs: { group: IssueGroup; label: string }[] = [
    { group: "action", label: "Needs your action" },
    { group: "by-design", label: "Skipped by design" },
  ];
  const chip = (active: boolean) =>
    cn("rounded-full px-3 py-1 text-sm ring-1 ring-inset", active ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50");
  return (
    <>
      <PageHeader
        title="Why didn't these sync?"
        actions={<ExportCsvLink orgSlug={org.slug} kind="sync-issues" searchParams={search} />}
        description={
          <>
            Every record that was skipped or failed, why, and how to fix it. Entries clear themselves when the record syncs.{" "}
            <Link href={`/o/${org.slug}/sync`} className="font-medium text-brand-700 hover:underline">Sync history</Link>
          </>
        }
      />
      <nav className="mb-4 flex gap-1 overflow-x-auto border-b border-slate-200" aria-label="Issue groups">
        {tabs.map((tab) => (
          <Link
            key={tab.group}
            href={href({ group: tab.group, q: filter.q })}
            aria-current={group === tab.group ? "page" : undefined}
            className={cn(
              "whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium",
              group === tab.group ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
            )}
          >
            {tab.label} ({result.byGroup[tab.group]})
          </Link>
        ))}
      </nav>
      <p className="mb-4 text-sm text-slate-600">
        {group === "action"
          ? "Failures and skips you can fix: each says what to do. The sync icon counts only these."
          : "Records a sync rule leaves out on purpose (paid history, QuickBooks Commerce, $0, voided or deleted). Nothing to do; they are listed so you can find them."}
      </p>
      <form className="mb-4 flex max-w-lg items-center gap-2" role="search">
        {group !== "action" ? <input type="hidden" name="group" value={group} /> : null}
        {filter.reason ? <input type="hidden" name="reason" value={filter.reason} /> : null}
        {filter.type ? <input type="hidden" name="type" value={filter.type} /> : null}
        <label htmlFor="q" className="sr-only">Search issues</label>
        <Input id="q" name="q" type="search" placeholder="Search by number, name or QuickBooks id" defaultValue={filter.q} />
        <Button type="submit" variant="secondary">Search</Button>
      </form>
      <div className="mb-4 flex flex-wrap gap-2" aria-label="Filter by reason">
        <Link href={href({ ...keep, type: filter.type })} className={chip(!filter.reason)}>All reasons ({allCount})</Link>
        {result.byReason.map((r) => (
          <Link key={r.reason} href={href({ ...keep, reason: r.reason, type: filter.type })} className={chip(filter.reason === r.reason)}>
            {isReasonCode(r.reason) ? describeReason(r.reason).title : r.reason} ({r.n})
          </Link>
        ))}
      </div>
      <div className="mb-4 flex flex-wrap gap-2" aria-label="Filter by record type">
        <Link href={href({ ...keep, reason: filter.reason })} className={chip(!filter.type)}>All records</Link>
        {result.byType.map((t) => (
          <Link key={t.objectType} href={href({ ...keep, reason: filter.reason, type: t.objectType })} className={chip(filter.type === t.objectType)}>
            {OBJECT_LABELS[t.objectType] ?? t.objectType} ({t.n})
          </Link>
        ))}
      </div>
      <Card>
        {result.rows.length === 0 ? (
          <EmptyState title={emptyTitle(allCount, group, neverSynced, filter.q)}>
            {allCount > 0 || filter.q
              ? "Try another filter or search."
              : neverSynced
                ? "Issues appear here after the first sync. Connect to QuickBooks and sync in Settings → Sync."
                : group === "action"
                  ? "No record is waiting on you. Issues appear here when a record is skipped or fails."
                  : "No record was skipped by design."}
          </EmptyState>
        ) : (
          <IssueList issues={result.rows} orgSlug={org.slug} qbo={qbo} />
        )}
        <Pagination page={result.page} pageSize={result.pageSize} total={result.total} hrefFor={(p) => href({ ...filter, page: p })} />
      </Card>
    </>
  );
}

function emptyTitle(allCount: number, group: IssueGroup, neverSynced: boolean, q: string): string {
  if (allCount > 0 || q) return "No issues match these filters";
  // "Everything synced" would be untrue for an organisation that has never synced.
  if (neverSynced) return "Nothing has synced yet";
  return group === "action" ? "Everything synced" : "Nothing skipped by design";
}

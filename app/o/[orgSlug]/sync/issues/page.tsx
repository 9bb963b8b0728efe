import Link from "next/link";
import { z } from "zod";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { IssueList, OBJECT_LABELS } from "@/components/sync/issue-list";
import { cn } from "@/components/ui/cn";
import { requireOrg } from "@/lib/auth/guard";
import { describeReason, isReasonCode } from "@/lib/sync/core/reasons";
import { listSyncIssues } from "@/lib/sync/history";
import { qboLinkTarget } from "@/lib/sync/qbo-link-target";

export const metadata = { title: "Sync issues" };

const searchSchema = z.object({
  reason: z.string().regex(/^[A-Z_0-9]{1,60}$/).optional().catch(undefined),
  type: z.string().regex(/^[a-z_]{1,40}$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export default async function SyncIssuesPage(props: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug }, search] = await Promise.all([props.params, props.searchParams]);
  const { org, db } = await requireOrg(orgSlug);
  const filter = searchSchema.parse(search);
  const [result, qbo] = await Promise.all([
    listSyncIssues(db, org.organizationId, { reason: filter.reason, objectType: filter.type, page: filter.page }),
    qboLinkTarget(db, org.organizationId),
  ]);
  const base = `/o/${org.slug}/sync/issues`;
  const href = (p: { reason?: string; type?: string; page?: number }) => {
    const q = new URLSearchParams();
    if (p.reason) q.set("reason", p.reason);
    if (p.type) q.set("type", p.type);
    if (p.page && p.page > 1) q.set("page", String(p.page));
    const s = q.toString();
    return s ? `${base}?${s}` : base;
  };
  const allCount = result.byReason.reduce((n, r) => n + r.n, 0);
  const chip = (active: boolean) =>
    cn("rounded-full px-3 py-1 text-sm ring-1 ring-inset", active ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50");
  return (
    <>
      <PageHeader
        title="Why didn't these sync?"
        description={
          <>
            Every record that was skipped or failed, why, and how to fix it. Entries clear themselves when the record syncs.{" "}
            <Link href={`/o/${org.slug}/sync`} className="font-medium text-brand-700 hover:underline">Sync history</Link>
          </>
        }
      />
      <div className="mb-4 flex flex-wrap gap-2" aria-label="Filter by reason">
        <Link href={href({ type: filter.type })} className={chip(!filter.reason)}>All reasons ({allCount})</Link>
        {result.byReason.map((r) => (
          <Link key={r.reason} href={href({ reason: r.reason, type: filter.type })} className={chip(filter.reason === r.reason)}>
            {isReasonCode(r.reason) ? describeReason(r.reason).title : r.reason} ({r.n})
          </Link>
        ))}
      </div>
      <div className="mb-4 flex flex-wrap gap-2" aria-label="Filter by record type">
        <Link href={href({ reason: filter.reason })} className={chip(!filter.type)}>All records</Link>
        {result.byType.map((t) => (
          <Link key={t.objectType} href={href({ reason: filter.reason, type: t.objectType })} className={chip(filter.type === t.objectType)}>
            {OBJECT_LABELS[t.objectType] ?? t.objectType} ({t.n})
          </Link>
        ))}
      </div>
      <Card>
        {result.rows.length === 0 ? (
          <EmptyState title={allCount === 0 ? "Everything synced" : "No issues match these filters"}>
            {allCount === 0 ? "No record is waiting on you. Issues appear here when a record is skipped or fails." : "Try another filter."}
          </EmptyState>
        ) : (
          <IssueList issues={result.rows} orgSlug={org.slug} qbo={qbo} />
        )}
        <Pagination page={result.page} pageSize={result.pageSize} total={result.total} hrefFor={(p) => href({ ...filter, page: p })} />
      </Card>
    </>
  );
}

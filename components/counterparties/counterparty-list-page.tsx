import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { requireOrg } from "@/lib/auth/guard";
import { canDo } from "@/lib/auth/permissions";
import { listCounterparties } from "@/lib/counterparties/repository";
import { listQuerySchema, type CounterpartyKind } from "@/lib/counterparties/schemas";

export async function CounterpartyListPage({
  kind,
  orgSlug,
  searchParams,
}: {
  kind: CounterpartyKind;
  orgSlug: string;
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const { org, db } = await requireOrg(orgSlug, "data.read");
  const query = listQuerySchema.catch({ q: "", page: 1, status: "active" }).parse(searchParams);
  const { rows, total, page, pageSize } = await listCounterparties(db, org.organizationId, kind, query);
  const base = `/o/${org.slug}/${kind}s`;
  const title = kind === "vendor" ? "Vendors" : "Customers";
  const hrefFor = (p: number) => `${base}?${new URLSearchParams({ q: query.q, status: query.status, page: String(p) })}`;
  return (
    <>
      <PageHeader
        title={title}
        description={kind === "vendor" ? "The people and businesses you pay." : "The people and businesses who pay you."}
        actions={canDo({ org }, "party.edit") ? <ButtonLink href={`${base}/new`}>New {kind}</ButtonLink> : null}
      />
      <Card>
        <form className="flex flex-wrap items-center gap-3 border-b border-slate-200 p-4" role="search">
          <div className="min-w-[16rem] flex-1">
            <label htmlFor="q" className="sr-only">Search {title.toLowerCase()}</label>
            <Input name="q" type="search" placeholder={`Search ${title.toLowerCase()} by name or email`} defaultValue={query.q} />
          </div>
          <label htmlFor="status" className="sr-only">Status</label>
          <Select name="status" defaultValue={query.status} className="w-40">
            <option value="active">Active</option>
            <option value="inactive">Inactive</option>
            <option value="all">All</option>
          </Select>
          <button type="submit" className="rounded-md bg-slate-800 px-3.5 py-2 text-sm font-medium text-white hover:bg-slate-900">
            Search
          </button>
        </form>
        {rows.length === 0 ? (
          <EmptyState title={query.q ? `No ${title.toLowerCase()} match “${query.q}”` : `No ${title.toLowerCase()} yet`}>
            {query.q ? "Try another name." : `Add one, or connect QuickBooks Online to bring yours in.`}
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-3">Name</th>
                  <th scope="col" className="px-4 py-3">Company</th>
                  <th scope="col" className="px-4 py-3">Email</th>
                  <th scope="col" className="px-4 py-3">Status</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {rows.map((r) => (
                  <tr key={r.id} className="hover:bg-slate-50">
                    <td className="px-4 py-3 font-medium">
                      <Link href={`${base}/${r.id}`} className="text-brand-700 hover:underline">{r.displayName}</Link>
                    </td>
                    <td className="px-4 py-3 text-slate-600">{r.companyName ?? "—"}</td>
                    <td className="px-4 py-3 text-slate-600">{r.email ?? "—"}</td>
                    <td className="px-4 py-3">{r.active ? <Badge tone="green">Active</Badge> : <Badge>Inactive</Badge>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageSize={pageSize} total={total} hrefFor={hrefFor} />
      </Card>
    </>
  );
}

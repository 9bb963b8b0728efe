import { ReferenceEmpty, ReferencePage, tableClass, tdClass, theadClass, thClass } from "@/components/reference/reference-page";
import { StatusCell } from "@/components/reference/status-cell";
import { requireOrg } from "@/lib/auth/guard";
import { describeTerms, listAccounts, listTerms } from "@/lib/reference/queries";

export const metadata = { title: "Terms" };

export default async function TermsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org, db } = await requireOrg(orgSlug);
  const rows = await listTerms(db, org.organizationId);
  const canLoadSamples = rows.length === 0 && org.role === "admin" && (await listAccounts(db, org.organizationId)).length === 0;
  return (
    <ReferencePage title="Terms" description="Payment terms set the due date of bills and invoices." count={rows.length}>
      {rows.length === 0 ? (
        <ReferenceEmpty orgSlug={org.slug} what="terms" canLoadSamples={canLoadSamples} />
      ) : (
        <table className={tableClass}>
          <thead className={theadClass}>
            <tr>
              <th scope="col" className={thClass}>Name</th>
              <th scope="col" className={thClass}>Due</th>
              <th scope="col" className={`${thClass} text-right`}>Due days</th>
              <th scope="col" className={`${thClass} w-64`}>Status</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 bg-white">
            {rows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50">
                <td className={`${tdClass} font-medium text-slate-900`}>{row.name}</td>
                <td className={`${tdClass} text-slate-600`}>{describeTerms(row)}</td>
                <td className={`${tdClass} tabular text-right text-slate-700`}>{row.type === "standard" ? (row.dueDays ?? 0) : "—"}</td>
                <td className={tdClass}><StatusCell active={row.active} qboId={row.qboId} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ReferencePage>
  );
}

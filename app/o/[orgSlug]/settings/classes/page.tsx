import { ReferenceEmpty, ReferencePage, tableClass, tdClass, theadClass, thClass } from "@/components/reference/reference-page";
import { StatusCell } from "@/components/reference/status-cell";
import { requireOrg } from "@/lib/auth/guard";
import { listAccounts, listClasses } from "@/lib/reference/queries";

export const metadata = { title: "Classes" };

export default async function ClassesPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org, db } = await requireOrg(orgSlug);
  const rows = await listClasses(db, org.organizationId);
  const canLoadSamples = rows.length === 0 && org.role === "admin" && (await listAccounts(db, org.organizationId)).length === 0;
  return (
    <ReferencePage title="Classes" description="Track income and expenses by department, product line or any other segment." count={rows.length}>
      {rows.length === 0 ? (
        <ReferenceEmpty orgSlug={org.slug} what="classes" canLoadSamples={canLoadSamples} />
      ) : (
        <table className={tableClass}>
          <thead className={theadClass}>
            <tr>
              <th scope="col" className={thClass}>Name</th>
              <th scope="col" className={`${thClass} w-64`}>Status</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 bg-white">
            {rows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50">
                <td className={`${tdClass} font-medium text-slate-900`}>{row.name}</td>
                <td className={tdClass}><StatusCell active={row.active} qboId={row.qboId} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ReferencePage>
  );
}

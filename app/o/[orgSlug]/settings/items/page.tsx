import { ReferenceEmpty, ReferencePage, tableClass, tdClass, theadClass, thClass } from "@/components/reference/reference-page";
import { StatusCell } from "@/components/reference/status-cell";
import { formatMoney } from "@/lib/ap";
import { requireOrg } from "@/lib/auth/guard";
import { humanizeCode } from "@/lib/reference/format";
import { listAccounts, listItems } from "@/lib/reference/queries";

export const metadata = { title: "Items" };

export default async function ItemsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org, db } = await requireOrg(orgSlug);
  const rows = await listItems(db, org.organizationId);
  const canLoadSamples = rows.length === 0 && org.role === "admin" && (await listAccounts(db, org.organizationId)).length === 0;
  return (
    <ReferencePage
      title="Items"
      description="Products and services you sell and buy, with the accounts each one posts to."
      count={rows.length}
    >
      {rows.length === 0 ? (
        <ReferenceEmpty orgSlug={org.slug} what="products or services" canLoadSamples={canLoadSamples} />
      ) : (
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <thead className={theadClass}>
              <tr>
                <th scope="col" className={thClass}>Name</th>
                <th scope="col" className={thClass}>Type</th>
                <th scope="col" className={`${thClass} text-right`}>Price</th>
                <th scope="col" className={thClass}>Income account</th>
                <th scope="col" className={thClass}>Expense account</th>
                <th scope="col" className={thClass}>Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 bg-white">
              {rows.map((item) => (
                <tr key={item.id} className="hover:bg-slate-50">
                  <td className={tdClass}>
                    <p className="font-medium text-slate-900">{item.name}</p>
                    {item.description ? <p className="text-xs text-slate-500">{item.description}</p> : null}
                  </td>
                  <td className={`${tdClass} text-slate-700`}>{humanizeCode(item.type)}</td>
                  <td className={`${tdClass} tabular text-right text-slate-900`}>{item.unitPriceCents === null ? "—" : formatMoney(item.unitPriceCents)}</td>
                  <td className={`${tdClass} text-slate-600`}>{item.incomeAccountName ?? "—"}</td>
                  <td className={`${tdClass} text-slate-600`}>{item.expenseAccountName ?? "—"}</td>
                  <td className={tdClass}><StatusCell active={item.active} qboId={item.qboId} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ReferencePage>
  );
}

import { ReferenceEmpty, ReferencePage, tableClass, tdClass, theadClass, thClass } from "@/components/reference/reference-page";
import { StatusCell } from "@/components/reference/status-cell";
import { Select } from "@/components/ui/field";
import { requireOrg } from "@/lib/auth/guard";
import { humanizeCode } from "@/lib/reference/format";
import { compareAccountTypes, listAccounts } from "@/lib/reference/queries";

export const metadata = { title: "Chart of accounts" };

export default async function ChartOfAccountsPage(props: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug }, searchParams] = await Promise.all([props.params, props.searchParams]);
  const { org, db } = await requireOrg(orgSlug);
  const all = await listAccounts(db, org.organizationId);
  const types = [...new Set(all.map((account) => account.accountType))].sort(compareAccountTypes);
  const requested = typeof searchParams.type === "string" ? searchParams.type : "";
  const type = types.includes(requested) ? requested : "";
  const rows = type ? all.filter((account) => account.accountType === type) : all;
  return (
    <ReferencePage
      title="Chart of accounts"
      description="The accounts your bills, invoices and payments are coded to."
      count={rows.length}
      toolbar={
        types.length > 0 ? (
          <form className="flex items-center gap-2" role="search">
            <label htmlFor="type" className="text-sm text-slate-600">Type</label>
            <Select name="type" defaultValue={type} className="w-56">
              <option value="">All types</option>
              {types.map((value) => (
                <option key={value} value={value}>{value}</option>
              ))}
            </Select>
            <button type="submit" className="rounded-md bg-slate-800 px-3 py-2 text-sm font-medium text-white hover:bg-slate-900">Filter</button>
          </form>
        ) : null
      }
    >
      {rows.length === 0 ? (
        <ReferenceEmpty orgSlug={org.slug} what="accounts" canLoadSamples={all.length === 0 && org.role === "admin"} />
      ) : (
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <thead className={theadClass}>
              <tr>
                <th scope="col" className={thClass}>Name</th>
                <th scope="col" className={thClass}>Type</th>
                <th scope="col" className={thClass}>Detail type</th>
                <th scope="col" className={thClass}>Currency</th>
                <th scope="col" className={thClass}>Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 bg-white">
              {rows.map((account) => (
                <tr key={account.id} className="hover:bg-slate-50">
                  <td className={`${tdClass} font-medium text-slate-900`}>{account.fullyQualifiedName}</td>
                  <td className={`${tdClass} text-slate-700`}>{account.accountType}</td>
                  <td className={`${tdClass} text-slate-600`}>{humanizeCode(account.accountSubType)}</td>
                  <td className={`${tdClass} text-slate-600`}>{account.currency}</td>
                  <td className={tdClass}><StatusCell active={account.active} qboId={account.qboId} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ReferencePage>
  );
}

import { ReferencePage } from "@/components/reference/reference-page";
import { ReferenceTable } from "@/components/reference/reference-table";
import { Select } from "@/components/ui/field";
import { requireOrg } from "@/lib/auth/guard";
import { canDo } from "@/lib/auth/permissions";
import { humanizeCode } from "@/lib/reference/format";
import { compareAccountTypes, listAccounts } from "@/lib/reference/queries";

export const metadata = { title: "Chart of accounts" };

export default async function ChartOfAccountsPage(props: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug }, searchParams] = await Promise.all([props.params, props.searchParams]);
  const { org, db } = await requireOrg(orgSlug, "data.read");
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
      <ReferenceTable
        rows={rows}
        columns={[
          { header: "Name", cell: (account) => <span className="font-medium text-slate-900">{account.fullyQualifiedName}</span> },
          { header: "Type", className: "text-slate-700", cell: (account) => account.accountType },
          { header: "Detail type", className: "text-slate-600", cell: (account) => humanizeCode(account.accountSubType) },
          { header: "Currency", className: "text-slate-600", cell: (account) => account.currency },
        ]}
        empty={{ orgSlug: org.slug, what: "accounts", canLoadSamples: all.length === 0 && canDo({ org }, "settings.manage") }}
      />
    </ReferencePage>
  );
}

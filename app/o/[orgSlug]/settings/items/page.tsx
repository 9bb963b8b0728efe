import { ReferencePage } from "@/components/reference/reference-page";
import { ReferenceTable } from "@/components/reference/reference-table";
import { formatMoney } from "@/lib/ap";
import { requireOrg } from "@/lib/auth/guard";
import { humanizeCode } from "@/lib/reference/format";
import { canLoadSampleLists, listItems } from "@/lib/reference/queries";

export const metadata = { title: "Items" };

export default async function ItemsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org, db } = await requireOrg(orgSlug, "data.read");
  const rows = await listItems(db, org.organizationId);
  return (
    <ReferencePage title="Items" description="Products and services you sell and buy, with the accounts each one posts to." count={rows.length}>
      <ReferenceTable
        rows={rows}
        columns={[
          {
            header: "Name",
            cell: (item) => (
              <>
                <p className="font-medium text-slate-900">{item.name}</p>
                {item.description ? <p className="text-xs text-slate-500">{item.description}</p> : null}
              </>
            ),
          },
          { header: "Type", className: "text-slate-700", cell: (item) => humanizeCode(item.type) },
          { header: "Price", className: "tabular text-right text-slate-900", cell: (item) => (item.unitPriceCents === null ? "—" : formatMoney(item.unitPriceCents)) },
          { header: "Income account", className: "text-slate-600", cell: (item) => item.incomeAccountName ?? "—" },
          { header: "Expense account", className: "text-slate-600", cell: (item) => item.expenseAccountName ?? "—" },
        ]}
        empty={{ orgSlug: org.slug, what: "products or services", canLoadSamples: rows.length === 0 && (await canLoadSampleLists(db, org)) }}
      />
    </ReferencePage>
  );
}

import { ReferencePage } from "@/components/reference/reference-page";
import { ReferenceTable } from "@/components/reference/reference-table";
import { requireOrg } from "@/lib/auth/guard";
import { canLoadSampleLists, describeTerms, listTerms } from "@/lib/reference/queries";

export const metadata = { title: "Terms" };

export default async function TermsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org, db } = await requireOrg(orgSlug, "data.read");
  const rows = await listTerms(db, org.organizationId);
  return (
    <ReferencePage title="Terms" description="Payment terms set the due date of bills and invoices." count={rows.length}>
      <ReferenceTable
        rows={rows}
        columns={[
          { header: "Name", cell: (row) => <span className="font-medium text-slate-900">{row.name}</span> },
          { header: "Due", className: "text-slate-600", cell: (row) => describeTerms(row) },
          { header: "Due days", className: "tabular text-right text-slate-700", cell: (row) => (row.type === "standard" ? (row.dueDays ?? 0) : "—") },
        ]}
        empty={{ orgSlug: org.slug, what: "terms", canLoadSamples: rows.length === 0 && (await canLoadSampleLists(db, org)) }}
      />
    </ReferencePage>
  );
}

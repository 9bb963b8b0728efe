import { ReferencePage } from "@/components/reference/reference-page";
import { ReferenceTable } from "@/components/reference/reference-table";
import { requireOrg } from "@/lib/auth/guard";
import { canLoadSampleLists, listClasses } from "@/lib/reference/queries";

export const metadata = { title: "Classes" };

export default async function ClassesPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org, db } = await requireOrg(orgSlug, "data.read");
  const rows = await listClasses(db, org.organizationId);
  return (
    <ReferencePage title="Classes" description="Track income and expenses by department, product line or any other segment." count={rows.length}>
      <ReferenceTable
        rows={rows}
        columns={[{ header: "Name", cell: (row) => <span className="font-medium text-slate-900">{row.name}</span> }]}
        empty={{ orgSlug: org.slug, what: "classes", canLoadSamples: rows.length === 0 && (await canLoadSampleLists(db, org)) }}
      />
    </ReferencePage>
  );
}

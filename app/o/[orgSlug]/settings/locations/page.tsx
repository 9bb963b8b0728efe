import { ReferencePage } from "@/components/reference/reference-page";
import { ReferenceTable } from "@/components/reference/reference-table";
import { requireOrg } from "@/lib/auth/guard";
import { canLoadSampleLists, listLocations } from "@/lib/reference/queries";

export const metadata = { title: "Locations" };

export default async function LocationsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org, db } = await requireOrg(orgSlug, "data.read");
  const rows = await listLocations(db, org.organizationId);
  return (
    <ReferencePage title="Locations" description="Where your business operates (QuickBooks calls them departments)." count={rows.length}>
      <ReferenceTable
        rows={rows}
        columns={[{ header: "Name", cell: (row) => <span className="font-medium text-slate-900">{row.name}</span> }]}
        empty={{ orgSlug: org.slug, what: "locations", canLoadSamples: rows.length === 0 && (await canLoadSampleLists(db, org)) }}
      />
    </ReferencePage>
  );
}

import { CounterpartyForm } from "@/components/counterparties/counterparty-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireOrg } from "@/lib/auth/guard";

export const metadata = { title: "New vendor" };

export default async function NewVendorPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org } = await requireOrg(orgSlug, "party.edit");
  return (
    <>
      <PageHeader title="New vendor" />
      <Card className="max-w-3xl p-6">
        <CounterpartyForm orgSlug={org.slug} kind="vendor" />
      </Card>
    </>
  );
}

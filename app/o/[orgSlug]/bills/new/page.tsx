import { BillEditorPage } from "@/components/bills/bill-editor-page";

export const metadata = { title: "New bill" };

export default async function NewBillPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  return <BillEditorPage orgSlug={orgSlug} />;
}

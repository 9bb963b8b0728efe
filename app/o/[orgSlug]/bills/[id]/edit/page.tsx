import { BillEditorPage } from "@/components/bills/bill-editor-page";

export const metadata = { title: "Edit bill" };

export default async function EditBillPage({ params }: { params: Promise<{ orgSlug: string; id: string }> }) {
  const { orgSlug, id } = await params;
  return <BillEditorPage orgSlug={orgSlug} billId={id} />;
}

import { InvoiceEditorPage } from "@/components/invoices/invoice-editor-page";

export const metadata = { title: "Edit invoice" };

export default async function EditInvoicePage({ params }: { params: Promise<{ orgSlug: string; id: string }> }) {
  const { orgSlug, id } = await params;
  return <InvoiceEditorPage orgSlug={orgSlug} id={id} />;
}

import { InvoiceEditorPage } from "@/components/invoices/invoice-editor-page";

export const metadata = { title: "New invoice" };

export default async function NewInvoicePage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  return <InvoiceEditorPage orgSlug={orgSlug} />;
}

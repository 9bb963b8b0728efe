import { InvoicePrintPage } from "@/components/invoices/invoice-print-page";

export const metadata = { title: "Print invoice" };

export default async function PrintInvoicePage(props: { params: Promise<{ orgSlug: string; id: string }> }) {
  const { orgSlug, id } = await props.params;
  return <InvoicePrintPage orgSlug={orgSlug} id={id} />;
}

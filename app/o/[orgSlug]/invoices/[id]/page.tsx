import { InvoiceDetailPage } from "@/components/invoices/invoice-detail-page";

export const metadata = { title: "Invoice" };

export default async function InvoicePage(props: {
  params: Promise<{ orgSlug: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug, id }, searchParams] = await Promise.all([props.params, props.searchParams]);
  const notice = searchParams.created === "1" ? "created" : searchParams.saved === "1" ? "saved" : null;
  return <InvoiceDetailPage orgSlug={orgSlug} id={id} notice={notice} />;
}

import { InvoiceListPage } from "@/components/invoices/invoice-list-page";

export const metadata = { title: "Invoices" };

export default async function InvoicesPage(props: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug }, searchParams] = await Promise.all([props.params, props.searchParams]);
  return <InvoiceListPage orgSlug={orgSlug} searchParams={searchParams} />;
}

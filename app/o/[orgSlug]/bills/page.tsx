import { BillListPage } from "@/components/bills/bill-list-page";

export const metadata = { title: "Bills" };

export default async function BillsPage(props: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug }, searchParams] = await Promise.all([props.params, props.searchParams]);
  return <BillListPage orgSlug={orgSlug} searchParams={searchParams} />;
}

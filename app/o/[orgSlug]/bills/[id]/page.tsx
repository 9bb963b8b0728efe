import { BillDetailPage } from "@/components/bills/bill-detail-page";

export const metadata = { title: "Bill" };

export default async function BillPage(props: {
  params: Promise<{ orgSlug: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug, id }, searchParams] = await Promise.all([props.params, props.searchParams]);
  const saved = typeof searchParams.saved === "string" ? searchParams.saved : undefined;
  return <BillDetailPage orgSlug={orgSlug} billId={id} saved={saved} />;
}

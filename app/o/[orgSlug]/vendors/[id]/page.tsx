import { CounterpartyDetailPage } from "@/components/counterparties/counterparty-detail-page";

export const metadata = { title: "Vendor" };

export default async function VendorPage(props: {
  params: Promise<{ orgSlug: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug, id }, searchParams] = await Promise.all([props.params, props.searchParams]);
  return <CounterpartyDetailPage kind="vendor" orgSlug={orgSlug} id={id} created={searchParams.created === "1"} />;
}

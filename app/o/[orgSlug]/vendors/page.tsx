import { CounterpartyListPage } from "@/components/counterparties/counterparty-list-page";

export const metadata = { title: "Vendors" };

export default async function VendorsPage(props: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug }, searchParams] = await Promise.all([props.params, props.searchParams]);
  return <CounterpartyListPage kind="vendor" orgSlug={orgSlug} searchParams={searchParams} />;
}

import { CounterpartyListPage } from "@/components/counterparties/counterparty-list-page";

export const metadata = { title: "Customers" };

export default async function CustomersPage(props: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug }, searchParams] = await Promise.all([props.params, props.searchParams]);
  return <CounterpartyListPage kind="customer" orgSlug={orgSlug} searchParams={searchParams} />;
}

import { ReceivedPaymentsPage } from "@/components/received-payments/received-payments-page";

export const metadata = { title: "Received payments" };

export default async function Page(props: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug }, searchParams] = await Promise.all([props.params, props.searchParams]);
  return <ReceivedPaymentsPage orgSlug={orgSlug} searchParams={searchParams} />;
}

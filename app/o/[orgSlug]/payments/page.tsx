import { PaymentsPage } from "@/components/payments/payments-page";

export const metadata = { title: "Payments" };

export default async function Page(props: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug }, searchParams] = await Promise.all([props.params, props.searchParams]);
  return <PaymentsPage orgSlug={orgSlug} searchParams={searchParams} />;
}

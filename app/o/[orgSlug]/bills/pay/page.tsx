import { PayBillsPage } from "@/components/bills/pay-bills-page";

export const metadata = { title: "Pay bills" };

export default async function PayPage(props: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug }, searchParams] = await Promise.all([props.params, props.searchParams]);
  const raw = searchParams.bill;
  const billIds = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return <PayBillsPage orgSlug={orgSlug} billIds={billIds} />;
}

import { ReceivedPaymentDetailPage } from "@/components/received-payments/received-payment-detail-page";

export const metadata = { title: "Received payment" };

export default async function Page(props: { params: Promise<{ orgSlug: string; id: string }> }) {
  const { orgSlug, id } = await props.params;
  return <ReceivedPaymentDetailPage orgSlug={orgSlug} paymentId={id} />;
}

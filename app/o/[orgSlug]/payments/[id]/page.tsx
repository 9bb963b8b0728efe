import { PaymentDetailPage } from "@/components/payments/payment-detail-page";

export const metadata = { title: "Payment" };

export default async function Page(props: { params: Promise<{ orgSlug: string; id: string }> }) {
  const { orgSlug, id } = await props.params;
  return <PaymentDetailPage orgSlug={orgSlug} paymentId={id} />;
}

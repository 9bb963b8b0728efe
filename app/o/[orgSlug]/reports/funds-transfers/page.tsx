import { FundsTransferReportPage } from "@/components/reports/funds-transfer-report-page";

export const metadata = { title: "Funds Transfer Detail" };

export default async function FundsTransfersPage(props: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug }, searchParams] = await Promise.all([props.params, props.searchParams]);
  return <FundsTransferReportPage orgSlug={orgSlug} searchParams={searchParams} />;
}

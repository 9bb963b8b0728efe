import { AgingReportPage } from "@/components/reports/aging-report-page";

export const metadata = { title: "AP aging" };

export default async function APAgingPage(props: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug }, searchParams] = await Promise.all([props.params, props.searchParams]);
  return <AgingReportPage kind="ap" orgSlug={orgSlug} searchParams={searchParams} />;
}

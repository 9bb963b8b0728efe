import { AgingReportPage } from "@/components/reports/aging-report-page";

export const metadata = { title: "AR aging" };

export default async function ARAgingPage(props: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug }, searchParams] = await Promise.all([props.params, props.searchParams]);
  return <AgingReportPage kind="ar" orgSlug={orgSlug} searchParams={searchParams} />;
}

import { VendorCreditDetailPage } from "@/components/vendor-credits/vendor-credit-pages";

export const metadata = { title: "Vendor credit" };

export default async function Page(props: {
  params: Promise<{ orgSlug: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug, id }, searchParams] = await Promise.all([props.params, props.searchParams]);
  return <VendorCreditDetailPage orgSlug={orgSlug} creditId={id} created={searchParams.created === "1"} updated={searchParams.updated === "1"} />;
}

import { VendorCreditListPage } from "@/components/vendor-credits/vendor-credit-pages";

export const metadata = { title: "Vendor credits" };

export default async function Page(props: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug }, searchParams] = await Promise.all([props.params, props.searchParams]);
  return <VendorCreditListPage orgSlug={orgSlug} searchParams={searchParams} />;
}

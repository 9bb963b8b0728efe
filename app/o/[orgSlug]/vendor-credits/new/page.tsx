import { NewVendorCreditPage } from "@/components/vendor-credits/vendor-credit-pages";

export const metadata = { title: "New vendor credit" };

export default async function Page(props: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug }, searchParams] = await Promise.all([props.params, props.searchParams]);
  const vendor = Array.isArray(searchParams.vendor) ? searchParams.vendor[0] : searchParams.vendor;
  return <NewVendorCreditPage orgSlug={orgSlug} vendorId={vendor} />;
}

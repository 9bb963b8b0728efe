import { EditVendorCreditPage } from "@/components/vendor-credits/vendor-credit-pages";

export const metadata = { title: "Edit vendor credit" };

export default async function Page(props: { params: Promise<{ orgSlug: string; id: string }> }) {
  const { orgSlug, id } = await props.params;
  return <EditVendorCreditPage orgSlug={orgSlug} creditId={id} />;
}

import { notFound } from "next/navigation";
import { requireOrg } from "@/lib/auth/guard";
import { canDo } from "@/lib/auth/permissions";
import { getBillDetail, loadBillFormOptions } from "@/lib/bills/bill-queries";
import { businessToday } from "@/lib/bills/today";
import { ButtonLink } from "@/components/ui/button";
import { Alert, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { BillForm, type BillFormValues } from "./bill-form";
import { StarterChartPrompt } from "./starter-chart-prompt";
import { isRecordId } from "@/lib/forms/record-id";

/** The new-bill and edit-bill pages: the form, or what to set up first when it can't be filled in yet. */
export async function BillEditorPage({ orgSlug, billId }: { orgSlug: string; billId?: string }) {
  const { org, db } = await requireOrg(orgSlug, "bill.edit");
  let values: BillFormValues | undefined;
  let title = "New bill";
  if (billId) {
    if (!isRecordId(billId)) notFound();
    const detail = await getBillDetail(db, org.organizationId, billId);
    if (!detail) notFound();
    const { bill, lines } = detail;
    title = `Edit bill ${bill.billNumber}`;
    if (bill.voidedAt) {
      return (
        <>
          <PageHeader title={title} />
          <Alert tone="warning">This bill is voided and can&apos;t be edited.</Alert>
        </>
      );
    }
    values = { ...bill, lines };
  }
  const options = await loadBillFormOptions(db, org.organizationId);
  const base = `/o/${org.slug}`;
  return (
    <>
      <PageHeader title={title} description={billId ? undefined : "Enter a bill from a vendor. It syncs to QuickBooks as an unpaid bill."} />
      {options.expenseAccounts.length === 0 ? (
        <StarterChartPrompt orgSlug={org.slug} isAdmin={canDo({ org }, "settings.manage")} />
      ) : options.vendors.length === 0 ? (
        <Card className="max-w-2xl">
          <EmptyState title="Add a vendor first" action={<ButtonLink href={`${base}/vendors/new`}>New vendor</ButtonLink>}>
            Every bill belongs to a vendor — the business that sent it.
          </EmptyState>
        </Card>
      ) : (
        <Card className="p-6">
          <BillForm
            orgSlug={org.slug}
            vendors={options.vendors}
            terms={options.terms}
            lineOptions={options}
            values={values}
            today={businessToday(org.timeZone)}
          />
        </Card>
      )}
    </>
  );
}

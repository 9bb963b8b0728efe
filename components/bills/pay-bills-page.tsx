import { requireOrg } from "@/lib/auth/guard";
import { businessToday } from "@/lib/bills/today";
import { loadPickerAccounts } from "@/lib/reference/picker-accounts";
import { loadBillsToPay } from "@/lib/payments/payment-queries";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { PayBillsForm } from "./pay-bills-form";

/** "Pay" (one bill) and "Pay selected" (several): the chosen bills that can still be paid. */
export async function PayBillsPage({ orgSlug, billIds }: { orgSlug: string; billIds: string[] }) {
  const { org, db } = await requireOrg(orgSlug, "payment.edit");
  const [chosen, bankAccounts] = await Promise.all([loadBillsToPay(db, org.organizationId, billIds), loadPickerAccounts(db, org.organizationId, "payment_source")]);
  const payable = chosen.filter((bill) => bill.payableCents > 0);
  const skipped = chosen.length - payable.length;
  const base = `/o/${org.slug}/bills`;
  return (
    <>
      <PageHeader
        title={payable.length > 1 ? `Pay ${payable.length} bills` : "Pay bill"}
        description="Electronic payment from your bank account. Partial payments are fine: change the amount."
      />
      {payable.length === 0 ? (
        <Card>
          <EmptyState title="Nothing to pay" action={<ButtonLink href={base} variant="secondary">Back to bills</ButtonLink>}>
            {chosen.length === 0 ? "Select one or more unpaid bills on the Bills page, then choose Pay selected." : "The selected bills are already paid or fully scheduled."}
          </EmptyState>
        </Card>
      ) : bankAccounts.accounts.length === 0 ? (
        <Card>
          <EmptyState title="No bank account to pay from">Add a Bank account to your chart of accounts (or connect QuickBooks) first.</EmptyState>
        </Card>
      ) : (
        <Card className="p-6">
          {skipped > 0 ? <p className="mb-4 text-sm text-slate-600">{skipped} selected bill{skipped === 1 ? " is" : "s are"} already paid or fully scheduled and left out.</p> : null}
          <PayBillsForm orgSlug={org.slug} bills={payable} bankAccounts={bankAccounts.accounts} defaultBankAccountId={bankAccounts.defaultId} today={businessToday(org.timeZone)} />
        </Card>
      )}
    </>
  );
}

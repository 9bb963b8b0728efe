"use client";

import { markAsPaidAction } from "@/lib/payments/actions";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";

/** "Mark as paid": record a payment made outside Ledgerbridge (a check, a wire, a card). */
export function MarkPaidForm({
  orgSlug,
  billId,
  bankAccounts,
  defaultBankAccountId,
  defaultAmount,
  today,
  open,
}: {
  orgSlug: string;
  billId: string;
  bankAccounts: { id: string; name: string }[];
  /** Preselected (lib/ap/account-pickers.ts): the Bank Account GL preference. */
  defaultBankAccountId: string | null;
  defaultAmount: string;
  today: string;
  /** Whether anything is left to pay; when not, only a fresh confirmation is shown. */
  open: boolean;
}) {
  const { state, onSubmit, pending, errors } = useFormAction(markAsPaidAction);
  // Stays mounted when the bill becomes fully paid, so its confirmation survives the refresh.
  if (!open && !state?.ok) return null;
  return (
    <Card className="p-6">
      <h2 className="text-base font-semibold text-slate-900">Mark as paid</h2>
      <p className="mb-4 mt-1 text-sm text-slate-600">Paid this bill outside Ledgerbridge? Record the payment here.</p>
      {state?.ok ? <div className="mb-4"><Alert tone="success">Payment recorded.</Alert></div> : null}
      {open ? (
        <form key={defaultAmount} onSubmit={onSubmit} className="space-y-4" noValidate>
          <input type="hidden" name="orgSlug" value={orgSlug} />
          <input type="hidden" name="billId" value={billId} />
          {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Paid from" name="bankAccountId" error={errors.bankAccountId}>
              <Select name="bankAccountId" defaultValue={defaultBankAccountId ?? bankAccounts[0]?.id ?? ""} invalid={Boolean(errors.bankAccountId)}>
                <option value="">Choose a bank account…</option>
                {bankAccounts.map((account) => (
                  <option key={account.id} value={account.id}>{account.name}</option>
                ))}
              </Select>
            </Field>
            <Field label="Check or reference number" name="reference" error={errors.reference}>
              <Input name="reference" invalid={Boolean(errors.reference)} />
            </Field>
            <Field label="Payment date" name="paidDate" error={errors.paidDate}>
              <Input name="paidDate" type="date" defaultValue={today} invalid={Boolean(errors.paidDate)} />
            </Field>
            <Field label="Amount paid" name="amount" error={errors.amount}>
              <Input name="amount" inputMode="decimal" defaultValue={defaultAmount} className="tabular" invalid={Boolean(errors.amount)} />
            </Field>
          </div>
          <div className="flex items-start gap-3 rounded-md bg-slate-50 p-3 text-sm ring-1 ring-inset ring-slate-200">
            <input
              id="syncToQbo"
              type="checkbox"
              name="syncToQbo"
              defaultChecked
              aria-describedby="syncToQbo-hint"
              className="mt-0.5 size-4 rounded border-slate-300 text-brand-600"
            />
            <div>
              <label htmlFor="syncToQbo" className="font-medium text-slate-900">Sync to QuickBooks</label>
              <p id="syncToQbo-hint" className="text-slate-600">
                Records a bill payment in QuickBooks from this bank account. Untick it if you already entered the payment there.
              </p>
            </div>
          </div>
          <Button type="submit" disabled={pending}>{pending ? "Recording…" : "Record payment"}</Button>
        </form>
      ) : null}
    </Card>
  );
}

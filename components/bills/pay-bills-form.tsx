"use client";

import { useState } from "react";
import { centsToDecimalString, formatMoney, safeParseMoney } from "@/lib/ap/money";
import { payBillsAction } from "@/lib/payments/actions";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { formatIsoDate } from "@/components/ui/format";

type BillToPay = { id: string; billNumber: string; vendorName: string; dueDate: string; currency: string; openBalanceCents: number; payableCents: number };

/** Electronic payment of one or several bills: one payment per bill, scheduled for the process date. */
export function PayBillsForm({
  orgSlug,
  bills,
  bankAccounts,
  defaultBankAccountId,
  today,
}: {
  orgSlug: string;
  bills: BillToPay[];
  bankAccounts: { id: string; name: string }[];
  /** Preselected (lib/ap/account-pickers.ts): the Bank Account GL preference. */
  defaultBankAccountId: string | null;
  today: string;
}) {
  const { state, onSubmit, pending, errors } = useFormAction(payBillsAction);
  const [amounts, setAmounts] = useState(() => bills.map((bill) => centsToDecimalString(bill.payableCents)));
  const total = amounts.reduce((sum, text) => {
    const parsed = safeParseMoney(text);
    return parsed.ok ? sum + parsed.cents : sum;
  }, 0);
  const currency = bills[0]?.currency ?? "USD";

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      <input type="hidden" name="orgSlug" value={orgSlug} />
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <div className="grid gap-5 sm:grid-cols-2 lg:max-w-2xl">
        <Field label="Pay from" name="bankAccountId" error={errors.bankAccountId} hint="Bank accounts from your chart of accounts.">
          <Select name="bankAccountId" defaultValue={defaultBankAccountId ?? bankAccounts[0]?.id ?? ""} invalid={Boolean(errors.bankAccountId)}>
            <option value="">Choose a bank account…</option>
            {bankAccounts.map((account) => (
              <option key={account.id} value={account.id}>{account.name}</option>
            ))}
          </Select>
        </Field>
        <Field label="Process date" name="processDate" error={errors.processDate} hint="The day the money leaves your bank.">
          <Input name="processDate" type="date" min={today} defaultValue={today} invalid={Boolean(errors.processDate)} />
        </Field>
      </div>

      <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2.5">Bill</th>
              <th scope="col" className="px-4 py-2.5">Vendor</th>
              <th scope="col" className="px-4 py-2.5">Due</th>
              <th scope="col" className="px-4 py-2.5 text-right">Open balance</th>
              <th scope="col" className="w-44 px-4 py-2.5 text-right">Payment amount</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {bills.map((bill, index) => {
              const error = errors[`payments.${index}.amount`]?.[0] ?? errors[`payments.${index}.billId`]?.[0];
              return (
                <tr key={bill.id}>
                  <td className="px-4 py-2.5 font-medium text-slate-900">
                    <input type="hidden" name={`payments.${index}.billId`} value={bill.id} />
                    {bill.billNumber}
                  </td>
                  <td className="px-4 py-2.5 text-slate-700">{bill.vendorName}</td>
                  <td className="tabular px-4 py-2.5 text-slate-600">{formatIsoDate(bill.dueDate)}</td>
                  <td className="tabular px-4 py-2.5 text-right text-slate-700">
                    {formatMoney(bill.openBalanceCents, bill.currency)}
                    {bill.payableCents < bill.openBalanceCents ? (
                      <span className="block text-xs text-slate-500">{formatMoney(bill.payableCents, bill.currency)} not yet scheduled</span>
                    ) : null}
                  </td>
                  <td className="px-4 py-2.5">
                    <Input
                      name={`payments.${index}.amount`}
                      aria-label={`Amount for bill ${bill.billNumber}`}
                      inputMode="decimal"
                      className="tabular text-right"
                      value={amounts[index] ?? ""}
                      onChange={(event) => setAmounts((current) => current.map((value, n) => (n === index ? event.target.value : value)))}
                      invalid={Boolean(error)}
                    />
                    {error ? <p className="mt-1 text-right text-xs text-red-600">{error}</p> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot className="border-t border-slate-200 bg-slate-50/60">
            <tr>
              <td colSpan={4} className="px-4 py-3 text-right text-xs font-medium uppercase tracking-wide text-slate-500">Total payment</td>
              <td className="tabular px-4 py-3 text-right text-base font-semibold text-slate-900" aria-live="polite">{formatMoney(total, currency)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {errors.payments?.[0] ? <p role="alert" className="text-sm text-red-600">{errors.payments[0]}</p> : null}

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-6">
        <Button type="submit" disabled={pending}>
          {pending ? "Scheduling…" : bills.length === 1 ? "Schedule payment" : `Schedule ${bills.length} payments`}
        </Button>
        <ButtonLink href={`/o/${orgSlug}/bills`} variant="secondary">Cancel</ButtonLink>
        <p className="text-sm text-slate-500">
          On the process date, <span className="font-medium text-slate-700">Process payments</span> sends the day&apos;s payments from each bank account as one funds transfer.
        </p>
      </div>
    </form>
  );
}

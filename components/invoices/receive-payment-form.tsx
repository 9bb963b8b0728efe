"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { centsToDecimalString, formatMoney } from "@/lib/ap/money";
import { receivePaymentAction } from "@/lib/received-payments/actions";

type DepositAccount = { id: string; name: string; type: string };

/**
 * Full payment by default; type a smaller amount for a partial one. The parent keys it by the open
 * balance, so after a payment it starts again from the new balance.
 */
export function ReceivePaymentForm({
  orgSlug,
  invoiceId,
  openBalanceCents,
  currency,
  today,
  depositAccounts,
  defaultDepositAccountId,
  bankAccounts,
  defaultBankAccountId,
}: {
  orgSlug: string;
  invoiceId: string;
  openBalanceCents: number;
  currency: string;
  today: string;
  depositAccounts: DepositAccount[];
  /** Preselected (lib/ap/account-pickers.ts): Undeposited Funds, else the Bank Account GL. */
  defaultDepositAccountId: string | null;
  /** Where an electronic payment lands after Money In Clearing: bank accounts only, from the Bank Account GL. */
  bankAccounts: DepositAccount[];
  defaultBankAccountId: string | null;
}) {
  const router = useRouter();
  const { state, onSubmit, pending, errors } = useFormAction(receivePaymentAction);
  const [amount, setAmount] = useState(centsToDecimalString(openBalanceCents));
  const [method, setMethod] = useState<"offline" | "electronic">("offline");
  const electronic = method === "electronic";
  const accounts = electronic ? bankAccounts : depositAccounts;
  const defaultAccountId = electronic ? defaultBankAccountId : defaultDepositAccountId;
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);

  if (depositAccounts.length === 0) {
    return <Alert tone="warning">There is no bank or Undeposited Funds account to deposit to yet. They arrive with the chart of accounts from QuickBooks.</Alert>;
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="invoiceId" value={invoiceId} />
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      {state?.ok ? <Alert tone="success">Payment recorded.</Alert> : null}
      <Field label="Amount received" name="amount" error={errors.amount} hint={`Open balance ${formatMoney(openBalanceCents, currency)}. Enter less for a partial payment.`}>
        <Input name="amount" inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} invalid={Boolean(errors.amount)} />
      </Field>
      <Field label="Payment date" name="paymentDate" error={errors.paymentDate}>
        <Input name="paymentDate" type="date" defaultValue={today} invalid={Boolean(errors.paymentDate)} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">How it was received</legend>
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input type="radio" name="method" value="offline" checked={!electronic} onChange={() => setMethod("offline")} className="mt-0.5" />
          <span>Outside the app (check, cash, a deposit you made)<span className="block text-xs text-slate-500">Goes straight to the account you choose.</span></span>
        </label>
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input type="radio" name="method" value="electronic" checked={electronic} onChange={() => setMethod("electronic")} className="mt-0.5" />
          <span>Electronically (ACH, card)<span className="block text-xs text-slate-500">Booked to Money In Clearing in QuickBooks; the day&apos;s electronic payments reach the bank as one funds transfer.</span></span>
        </label>
        {errors.method ? <p className="text-sm text-red-600">{errors.method[0]}</p> : null}
      </fieldset>
      {accounts.length === 0 ? (
        <Alert tone="warning">There is no bank account for an electronic payment to reach yet. It arrives with the chart of accounts from QuickBooks.</Alert>
      ) : (
        <Field
          label={electronic ? "Reaches bank account" : "Deposit to"}
          name="depositAccountId"
          error={errors.depositAccountId}
          hint={electronic ? "The funds transfer moves the money from Money In Clearing to this account." : undefined}
        >
          <Select key={method} name="depositAccountId" defaultValue={defaultAccountId ?? accounts[0]?.id} invalid={Boolean(errors.depositAccountId)}>
            {[...new Set(accounts.map((account) => account.type))].map((type) => (
              <optgroup key={type} label={type}>
                {accounts
                  .filter((account) => account.type === type)
                  .map((account) => (
                    <option key={account.id} value={account.id}>{account.name}</option>
                  ))}
              </optgroup>
            ))}
          </Select>
        </Field>
      )}
      <Field label="Reference" name="reference" error={errors.reference} hint="Check or transaction number (optional).">
        <Input name="reference" maxLength={21} invalid={Boolean(errors.reference)} />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">{pending ? "Recording…" : "Record payment"}</Button>
    </form>
  );
}

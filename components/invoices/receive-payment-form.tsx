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
}: {
  orgSlug: string;
  invoiceId: string;
  openBalanceCents: number;
  currency: string;
  today: string;
  depositAccounts: DepositAccount[];
  /** Preselected (lib/ap/account-pickers.ts): Undeposited Funds, else the Bank Account GL. */
  defaultDepositAccountId: string | null;
}) {
  const router = useRouter();
  const { state, onSubmit, pending, errors } = useFormAction(receivePaymentAction);
  const [amount, setAmount] = useState(centsToDecimalString(openBalanceCents));
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
      <Field label="Deposit to" name="depositAccountId" error={errors.depositAccountId}>
        <Select name="depositAccountId" defaultValue={defaultDepositAccountId ?? depositAccounts[0]?.id} invalid={Boolean(errors.depositAccountId)}>
          {[...new Set(depositAccounts.map((account) => account.type))].map((type) => (
            <optgroup key={type} label={type}>
              {depositAccounts
                .filter((account) => account.type === type)
                .map((account) => (
                  <option key={account.id} value={account.id}>{account.name}</option>
                ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      <Field label="Reference" name="reference" error={errors.reference} hint="Check or transaction number (optional).">
        <Input name="reference" maxLength={21} invalid={Boolean(errors.reference)} />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">{pending ? "Recording…" : "Record payment"}</Button>
    </form>
  );
}

"use client";

import { useState } from "react";
import { centsToDecimalString, formatMoney, safeParseMoney } from "@/lib/ap/money";
import { applyVendorCreditAction } from "@/lib/vendor-credits/actions";
import { formatIsoDate } from "@/components/ui/format";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";

type OpenBill = { id: string; billNumber: string; dueDate: string; currency: string; openBalanceCents: number; payableCents: number };

/**
 * "Apply to bills": tick open bills of the credit's vendor and say how much of the credit goes to each.
 * Only ticked rows are posted, numbered in order, so server errors (`applications.N.amount`) map back.
 */
export function ApplyCreditForm({ orgSlug, creditId, balanceCents, currency, bills }: { orgSlug: string; creditId: string; balanceCents: number; currency: string; bills: OpenBill[] }) {
  const { state, onSubmit, pending, errors } = useFormAction(applyVendorCreditAction);
  type Row = { checked: boolean; amount: string };
  const fresh = (bill: OpenBill): Row => ({ checked: false, amount: centsToDecimalString(Math.min(balanceCents, bill.payableCents)) });
  // Kept per bill, not per position: the open bills change under the form (one settled, one reopened by Unapply).
  const [byBill, setByBill] = useState<Record<string, Row>>({});
  const rows = bills.map((bill) => byBill[bill.id] ?? fresh(bill));
  const setRow = (bill: OpenBill, row: Row) => setByBill((current) => ({ ...current, [bill.id]: row }));
  // Ticking a bill proposes what is left of the credit, up to what the bill still owes.
  const tick = (index: number, checked: boolean) => {
    const bill = bills[index];
    if (!bill) return;
    const usedElsewhere = rows.reduce((sum, row, n) => {
      const parsed = safeParseMoney(row.amount);
      return n !== index && row.checked && parsed.ok ? sum + parsed.cents : sum;
    }, 0);
    const proposal = Math.max(0, Math.min(balanceCents - usedElsewhere, bill.payableCents));
    setRow(bill, { checked, amount: checked ? centsToDecimalString(proposal) : rows[index]!.amount });
  };
  const selected = rows.reduce((sum, row) => {
    if (!row.checked) return sum;
    const parsed = safeParseMoney(row.amount);
    return parsed.ok ? sum + parsed.cents : sum;
  }, 0);
  // Ticked rows are numbered 0, 1, 2… in display order: the names the server's errors come back under.
  const positions = rows.map((row, index) => (row.checked ? rows.slice(0, index).filter((earlier) => earlier.checked).length : -1));

  const settled = state?.ok ? state.data.settledBillIds.length : 0;
  const confirmation = state?.ok ? (
    <Alert tone="success">Credit applied.{settled > 0 ? ` ${settled} bill${settled === 1 ? " is" : "s are"} now paid.` : ""}</Alert>
  ) : null;
  // Stays mounted when the credit is used up, so the confirmation survives the refresh.
  if (balanceCents === 0) return confirmation;
  if (bills.length === 0) return confirmation ?? <p className="text-sm text-slate-500">This vendor has no open bills to apply the credit to.</p>;
  return (
    <form key={balanceCents} onSubmit={onSubmit} className="space-y-4" noValidate>
      {confirmation}
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="vendorCreditId" value={creditId} />
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="w-10 px-4 py-2.5"><span className="sr-only">Apply</span></th>
              <th scope="col" className="px-4 py-2.5">Bill</th>
              <th scope="col" className="px-4 py-2.5">Due</th>
              <th scope="col" className="px-4 py-2.5 text-right">Open balance</th>
              <th scope="col" className="w-44 px-4 py-2.5 text-right">Amount to apply</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {bills.map((bill, index) => {
              const row = rows[index]!;
              const prefix = row.checked ? `applications.${positions[index]}` : null;
              const error = prefix ? (errors[`${prefix}.amount`]?.[0] ?? errors[`${prefix}.billId`]?.[0]) : undefined;
              const set = (patch: Partial<typeof row>) => setRow(bill, { ...row, ...patch });
              return (
                <tr key={bill.id} className={row.checked ? "bg-brand-50/40" : undefined}>
                  <td className="px-4 py-2.5">
                    <input
                      type="checkbox"
                      checked={row.checked}
                      onChange={(event) => tick(index, event.target.checked)}
                      aria-label={`Apply to bill ${bill.billNumber}`}
                      className="size-4 rounded border-slate-300 text-brand-600"
                    />
                    {prefix ? <input type="hidden" name={`${prefix}.billId`} value={bill.id} /> : null}
                  </td>
                  <td className="px-4 py-2.5 font-medium text-slate-900">{bill.billNumber}</td>
                  <td className="tabular px-4 py-2.5 text-slate-600">{formatIsoDate(bill.dueDate)}</td>
                  <td className="tabular px-4 py-2.5 text-right text-slate-700">{formatMoney(bill.openBalanceCents, bill.currency)}</td>
                  <td className="px-4 py-2.5">
                    <Input
                      name={prefix ? `${prefix}.amount` : undefined}
                      aria-label={`Amount to apply to bill ${bill.billNumber}`}
                      inputMode="decimal"
                      className="tabular text-right"
                      value={row.amount}
                      disabled={!row.checked}
                      onChange={(event) => set({ amount: event.target.value })}
                      invalid={Boolean(error)}
                    />
                    {error ? <p className="mt-1 text-right text-xs text-red-600">{error}</p> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {errors.applications?.[0] ? <p role="alert" className="text-sm text-red-600">{errors.applications[0]}</p> : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="tabular text-sm text-slate-600">
          Applying <span className="font-semibold text-slate-900">{formatMoney(selected, currency)}</span> of {formatMoney(balanceCents, currency)} available
        </p>
        <Button type="submit" disabled={pending || selected === 0}>{pending ? "Applying…" : "Apply credit"}</Button>
      </div>
    </form>
  );
}

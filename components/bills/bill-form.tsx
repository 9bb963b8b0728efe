"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { isIsoDate } from "@/lib/ap/dates";
import { dueDateFromTerms, type PaymentTerms } from "@/lib/ap/terms";
import { saveBillAction } from "@/lib/bills/actions";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { currencySyncHint } from "@/components/ui/currency-sync-hint";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { ExpenseLinesEditor, type LineOptions, type LineValues } from "./expense-lines-editor";

export type TermOption = {
  id: string;
  name: string;
  type: "standard" | "date_driven";
  dueDays: number | null;
  dayOfMonthDue: number | null;
  dueNextMonthDays: number | null;
};

export type BillFormValues = {
  id?: string;
  vendorId?: string;
  billNumber?: string;
  billDate?: string;
  dueDate?: string;
  termsId?: string | null;
  locationId?: string | null;
  currency?: string;
  memo?: string | null;
  lines?: LineValues[];
};

export const CURRENCIES = ["USD", "CAD", "EUR", "GBP", "AUD", "MXN"];

function termsOf(option: TermOption | undefined): PaymentTerms | null {
  if (!option) return null;
  if (option.type === "date_driven" && option.dayOfMonthDue) {
    return { type: "DATE_DRIVEN", dayOfMonthDue: option.dayOfMonthDue, dueNextMonthDays: option.dueNextMonthDays };
  }
  return { type: "STANDARD", dueDays: option.dueDays ?? 0 };
}

/** Create or edit a bill. The server validates everything again and computes the total itself. */
export function BillForm({
  orgSlug,
  vendors,
  terms,
  lineOptions,
  values = {},
  today,
}: {
  orgSlug: string;
  vendors: { id: string; name: string }[];
  terms: TermOption[];
  lineOptions: LineOptions;
  values?: BillFormValues;
  today: string;
}) {
  const router = useRouter();
  const { state, onSubmit, pending, errors } = useFormAction(saveBillAction);
  const [billDate, setBillDate] = useState(values.billDate ?? today);
  const [termsId, setTermsId] = useState(values.termsId ?? "");
  // Without terms a bill is due on its own date (as in QuickBooks), not on today's.
  const [dueDate, setDueDate] = useState(values.dueDate ?? values.billDate ?? today);
  const [currency, setCurrency] = useState(values.currency ?? "USD");
  const base = `/o/${orgSlug}/bills`;

  useEffect(() => {
    if (state?.ok) router.push(`${base}/${state.data.id}?saved=${values.id ? "updated" : "created"}`);
  }, [state, values.id, router, base]);

  // Terms pick the due date (as in QuickBooks); the person can still change it afterwards.
  const applyTerms = (nextBillDate: string, nextTermsId: string) => {
    const option = terms.find((term) => term.id === nextTermsId);
    if (isIsoDate(nextBillDate)) setDueDate(dueDateFromTerms(nextBillDate, option ? termsOf(option) : null));
  };

  return (
    <form onSubmit={onSubmit} className="space-y-8" noValidate>
      <input type="hidden" name="orgSlug" value={orgSlug} />
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}

      <section className="grid gap-5 md:grid-cols-2 xl:grid-cols-3">
        <Field label="Vendor" name="vendorId" error={errors.vendorId}>
          <Select name="vendorId" defaultValue={values.vendorId ?? ""} invalid={Boolean(errors.vendorId)}>
            <option value="">Choose a vendor…</option>
            {vendors.map((vendor) => (
              <option key={vendor.id} value={vendor.id}>
                {vendor.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Bill number" name="billNumber" error={errors.billNumber} hint="The number on the vendor's invoice.">
          <Input name="billNumber" defaultValue={values.billNumber ?? ""} maxLength={21} invalid={Boolean(errors.billNumber)} />
        </Field>
        <Field label="Currency" name="currency" error={errors.currency} hint={currencySyncHint(currency, "bill")}>
          <Select name="currency" value={currency} onChange={(event) => setCurrency(event.target.value)} invalid={Boolean(errors.currency)}>
            {CURRENCIES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Bill date" name="billDate" error={errors.billDate}>
          <Input
            name="billDate"
            type="date"
            value={billDate}
            onChange={(event) => {
              setBillDate(event.target.value);
              applyTerms(event.target.value, termsId);
            }}
            invalid={Boolean(errors.billDate)}
          />
        </Field>
        <Field label="Terms" name="termsId" error={errors.termsId}>
          <Select
            name="termsId"
            value={termsId}
            onChange={(event) => {
              setTermsId(event.target.value);
              applyTerms(billDate, event.target.value);
            }}
            invalid={Boolean(errors.termsId)}
          >
            <option value="">No terms</option>
            {terms.map((term) => (
              <option key={term.id} value={term.id}>
                {term.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Due date" name="dueDate" error={errors.dueDate} hint="Set from the terms; you can change it.">
          <Input name="dueDate" type="date" value={dueDate} onChange={(event) => setDueDate(event.target.value)} invalid={Boolean(errors.dueDate)} />
        </Field>
        {lineOptions.locations.length > 0 || values.locationId ? (
          <Field label="Location" name="locationId" error={errors.locationId} hint="Optional; syncs to QuickBooks as the bill's location.">
            <Select name="locationId" defaultValue={values.locationId ?? ""} invalid={Boolean(errors.locationId)}>
              <option value="">No location</option>
              {lineOptions.locations.map((location) => (
                <option key={location.id} value={location.id}>
                  {location.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </section>

      <section>
        <h2 className="mb-3 text-sm font-semibold text-slate-900">Lines</h2>
        <ExpenseLinesEditor options={lineOptions} initial={values.lines} errors={errors} currency={currency} />
      </section>

      <Field label="Memo" name="memo" error={errors.memo} hint="For your team, not the vendor; syncs to QuickBooks as the bill's private note.">
        <Textarea name="memo" rows={2} defaultValue={values.memo ?? ""} invalid={Boolean(errors.memo)} />
      </Field>

      <div className="flex items-center gap-2 border-t border-slate-200 pt-6">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : values.id ? "Save changes" : "Create bill"}
        </Button>
        <ButtonLink href={values.id ? `${base}/${values.id}` : base} variant="secondary">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}

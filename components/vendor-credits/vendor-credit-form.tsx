"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { createVendorCreditAction, updateVendorCreditAction } from "@/lib/vendor-credits/actions";
import { CURRENCIES } from "@/components/bills/bill-form";
import { ExpenseLinesEditor, type LineOptions, type LineValues } from "@/components/bills/expense-lines-editor";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";

export interface VendorCreditFormValues {
  id: string;
  vendorId: string;
  creditNumber: string;
  creditDate: string;
  currency: string;
  memo: string | null;
  lines: LineValues[];
}

/** A credit a vendor gave you (a refund, a return, a rebate), coded like a bill; with `values`, its edit. */
export function VendorCreditForm({
  orgSlug,
  vendors,
  lineOptions,
  today,
  defaultVendorId,
  values,
}: {
  orgSlug: string;
  vendors: { id: string; name: string }[];
  lineOptions: LineOptions;
  today: string;
  defaultVendorId?: string;
  values?: VendorCreditFormValues;
}) {
  const router = useRouter();
  const { state, onSubmit, pending, errors } = useFormAction(values ? updateVendorCreditAction : createVendorCreditAction);
  const [currency, setCurrency] = useState(values?.currency ?? "USD");
  const base = `/o/${orgSlug}/vendor-credits`;
  const editing = values !== undefined;
  useEffect(() => {
    if (state?.ok) router.push(`${base}/${state.data.id}?${editing ? "updated" : "created"}=1`);
  }, [state, router, base, editing]);
  return (
    <form onSubmit={onSubmit} className="space-y-8" noValidate>
      <input type="hidden" name="orgSlug" value={orgSlug} />
      {values ? <input type="hidden" name="id" value={values.id} /> : null}
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <section className="grid gap-5 md:grid-cols-2 xl:grid-cols-4">
        <Field label="Vendor" name="vendorId" error={errors.vendorId}>
          <Select name="vendorId" defaultValue={values?.vendorId ?? defaultVendorId ?? ""} invalid={Boolean(errors.vendorId)}>
            <option value="">Choose a vendor…</option>
            {vendors.map((vendor) => (
              <option key={vendor.id} value={vendor.id}>{vendor.name}</option>
            ))}
          </Select>
        </Field>
        <Field label="Credit number" name="creditNumber" error={errors.creditNumber} hint="The number on the vendor's credit memo.">
          <Input name="creditNumber" maxLength={21} defaultValue={values?.creditNumber} invalid={Boolean(errors.creditNumber)} />
        </Field>
        <Field label="Credit date" name="creditDate" error={errors.creditDate}>
          <Input name="creditDate" type="date" defaultValue={values?.creditDate ?? today} invalid={Boolean(errors.creditDate)} />
        </Field>
        <Field label="Currency" name="currency" error={errors.currency}>
          <Select name="currency" value={currency} onChange={(event) => setCurrency(event.target.value)} invalid={Boolean(errors.currency)}>
            {CURRENCIES.map((code) => (
              <option key={code} value={code}>{code}</option>
            ))}
          </Select>
        </Field>
      </section>
      <section>
        <h2 className="mb-3 text-sm font-semibold text-slate-900">Lines</h2>
        <ExpenseLinesEditor options={lineOptions} initial={values?.lines} errors={errors} currency={currency} />
      </section>
      <Field label="Memo" name="memo" error={errors.memo}>
        <Textarea name="memo" rows={2} defaultValue={values?.memo ?? ""} invalid={Boolean(errors.memo)} />
      </Field>
      <div className="flex items-center gap-2 border-t border-slate-200 pt-6">
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : editing ? "Save changes" : "Create vendor credit"}</Button>
        <ButtonLink href={editing ? `${base}/${values.id}` : base} variant="secondary">Cancel</ButtonLink>
      </div>
    </form>
  );
}

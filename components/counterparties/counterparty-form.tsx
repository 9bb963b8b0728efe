"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveCounterpartyAction } from "@/lib/counterparties/actions";

type Values = {
  id?: string;
  displayName?: string;
  companyName?: string | null;
  email?: string | null;
  phone?: string | null;
  addressLine1?: string | null;
  addressLine2?: string | null;
  addressCity?: string | null;
  addressRegion?: string | null;
  addressPostalCode?: string | null;
  addressCountry?: string | null;
  vendor1099?: boolean;
  taxId?: string | null;
};

type AddressField = "addressLine1" | "addressLine2" | "addressCity" | "addressRegion" | "addressPostalCode" | "addressCountry";
const ADDRESS_FIELDS: ReadonlyArray<{ name: AddressField; label: string; wide?: boolean; autoComplete: string }> = [
  { name: "addressLine1", label: "Address line 1", wide: true, autoComplete: "address-line1" },
  { name: "addressLine2", label: "Address line 2", wide: true, autoComplete: "address-line2" },
  { name: "addressCity", label: "City", autoComplete: "address-level2" },
  { name: "addressRegion", label: "State / region", autoComplete: "address-level1" },
  { name: "addressPostalCode", label: "Postal code", autoComplete: "postal-code" },
  { name: "addressCountry", label: "Country", autoComplete: "country-name" },
];

/** `readOnly`: the person's role may read but not change it (the fields show, disabled, with no save). */
export function CounterpartyForm({ orgSlug, kind, values = {}, readOnly = false }: { orgSlug: string; kind: "vendor" | "customer"; values?: Values; readOnly?: boolean }) {
  const router = useRouter();
  const { state, onSubmit, pending, errors } = useFormAction(saveCounterpartyAction);
  const listPath = `/o/${orgSlug}/${kind}s`;

  useEffect(() => {
    if (state?.ok && !values.id) router.push(`${listPath}/${state.data.id}?created=1`);
  }, [state, values.id, router, listPath]);

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <fieldset disabled={readOnly} className="min-w-0 space-y-5">
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="kind" value={kind} />
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      {state?.ok && values.id ? <Alert tone="success">Saved.</Alert> : null}
      {/* After creating, the record's page (where the form goes next) shows the clash itself. */}
      {state?.ok && values.id && state.data.warning ? <Alert tone="warning">{state.data.warning}</Alert> : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Display name" name="displayName" error={errors.displayName} hint="How it appears on bills and in QuickBooks.">
          <Input name="displayName" defaultValue={values.displayName} required invalid={Boolean(errors.displayName)} />
        </Field>
        <Field label="Company name" name="companyName" error={errors.companyName}>
          <Input name="companyName" defaultValue={values.companyName ?? ""} invalid={Boolean(errors.companyName)} />
        </Field>
        <Field label="Email" name="email" error={errors.email}>
          <Input name="email" type="email" defaultValue={values.email ?? ""} invalid={Boolean(errors.email)} />
        </Field>
        <Field label="Phone" name="phone" error={errors.phone}>
          <Input name="phone" type="tel" defaultValue={values.phone ?? ""} invalid={Boolean(errors.phone)} />
        </Field>
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">Billing address</legend>
        <div className="grid gap-5 sm:grid-cols-2">
          {ADDRESS_FIELDS.map((f) => (
            <div key={f.name} className={f.wide ? "sm:col-span-2" : undefined}>
              <Field label={f.label} name={f.name} error={errors[f.name]}>
                <Input id={f.name} name={f.name} autoComplete={f.autoComplete} defaultValue={values[f.name] ?? ""} invalid={Boolean(errors[f.name])} />
              </Field>
            </div>
          ))}
        </div>
      </fieldset>
      {kind === "vendor" ? (
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-slate-900">Tax reporting</legend>
          <label className="flex items-start gap-3">
            <input
              type="checkbox"
              name="vendor1099"
              defaultChecked={values.vendor1099 ?? false}
              className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
            />
            <span>
              <span className="block text-sm font-medium text-slate-900">Track payments for a 1099</span>
              <span className="block text-sm text-slate-500">An independent contractor who gets a 1099 at year end.</span>
            </span>
          </label>
          <div className="sm:max-w-xs">
            <Field
              label="Tax ID"
              name="taxId"
              error={errors.taxId}
              hint="Sent to QuickBooks, which shows only its last four characters back, so a change made there does not come back here."
            >
              <Input id="taxId" name="taxId" autoComplete="off" defaultValue={values.taxId ?? ""} invalid={Boolean(errors.taxId)} />
            </Field>
          </div>
        </fieldset>
      ) : null}
      </fieldset>
      <div className="flex gap-2">
        {readOnly ? null : (
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : values.id ? "Save changes" : `Create ${kind}`}
          </Button>
        )}
        <ButtonLink href={listPath} variant="secondary">
          {values.id ? "Back to list" : "Cancel"}
        </ButtonLink>
      </div>
    </form>
  );
}

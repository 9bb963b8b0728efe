"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, Textarea } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveCounterpartyAction } from "@/lib/counterparties/actions";

type Values = { id?: string; displayName?: string; companyName?: string | null; email?: string | null; phone?: string | null; address?: string | null };

export function CounterpartyForm({ orgSlug, kind, values = {} }: { orgSlug: string; kind: "vendor" | "customer"; values?: Values }) {
  const router = useRouter();
  const { state, onSubmit, pending, errors } = useFormAction(saveCounterpartyAction);
  const listPath = `/o/${orgSlug}/${kind}s`;

  useEffect(() => {
    if (state?.ok && !values.id) router.push(`${listPath}/${state.data.id}?created=1`);
  }, [state, values.id, router, listPath]);

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
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
      <Field label="Address" name="address" error={errors.address}>
        <Textarea name="address" rows={3} defaultValue={values.address ?? ""} invalid={Boolean(errors.address)} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : values.id ? "Save changes" : `Create ${kind}`}
        </Button>
        <ButtonLink href={listPath} variant="secondary">
          {values.id ? "Back to list" : "Cancel"}
        </ButtonLink>
      </div>
    </form>
  );
}

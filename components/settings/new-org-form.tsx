"use client";

import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { BrowserTimeZoneInput } from "@/components/ui/browser-time-zone-input";
import { Field, Input } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { createOrganizationAction } from "@/lib/orgs/actions";

export function NewOrgForm() {
  const { state, onSubmit, pending, errors } = useFormAction(createOrganizationAction);
  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <BrowserTimeZoneInput />
      <Field label="Business name" name="organizationName" error={errors.organizationName}>
        <Input name="organizationName" required autoFocus invalid={Boolean(errors.organizationName)} />
      </Field>
      <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create organisation"}</Button>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { createOrganizationAction } from "@/lib/orgs/actions";

export function NewOrgForm() {
  const [state, action, pending] = useActionState(createOrganizationAction, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  return (
    <form action={action} className="space-y-5" noValidate>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <Field label="Business name" name="organizationName" error={errors.organizationName}>
        <Input name="organizationName" required autoFocus invalid={Boolean(errors.organizationName)} />
      </Field>
      <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create organisation"}</Button>
    </form>
  );
}

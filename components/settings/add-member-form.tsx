"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { addMemberAction } from "@/lib/orgs/actions";

export function AddMemberForm({ orgSlug }: { orgSlug: string }) {
  const { state, onSubmit, pending, errors } = useFormAction(addMemberAction);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="orgSlug" value={orgSlug} />
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      {state?.ok ? (
        <Alert tone="success">
          {state.data.email} {state.data.created ? "can now sign in with the password you set." : "was added."}
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" error={errors.name}>
          <Input name="name" required invalid={Boolean(errors.name)} />
        </Field>
        <Field label="Email" name="email" error={errors.email}>
          <Input name="email" type="email" required invalid={Boolean(errors.email)} />
        </Field>
        <Field label="First password" name="password" error={errors.password} hint="Only for people without an account yet.">
          <Input name="password" type="password" autoComplete="new-password" invalid={Boolean(errors.password)} />
        </Field>
        <Field label="Role" name="role" error={errors.role}>
          <Select name="role" defaultValue="member">
            <option value="member">Member — works with bills, invoices and payments</option>
            <option value="admin">Admin — also manages members and the QuickBooks connection</option>
          </Select>
        </Field>
      </div>
      <Button type="submit" disabled={pending}>{pending ? "Adding…" : "Add member"}</Button>
    </form>
  );
}

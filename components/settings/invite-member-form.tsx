"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/auth/permissions";
import { inviteMemberAction } from "@/lib/orgs/actions";

/** The link is shown once, here: only its hash is stored, so it cannot be shown again. */
export function InviteMemberForm({ orgSlug }: { orgSlug: string }) {
  const { state, onSubmit, pending, errors } = useFormAction(inviteMemberAction);
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
          <p>Invitation created for {state.data.email} — share this link with them (it is shown only now and works once, for 7 days):</p>
          <Input
            aria-label="Invitation link"
            readOnly
            value={state.data.link}
            className="mt-2 font-mono text-xs"
            onFocus={(event) => event.currentTarget.select()}
          />
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Email" name="email" error={errors.email}>
          <Input name="email" type="email" required invalid={Boolean(errors.email)} />
        </Field>
        <Field label="Role" name="role" error={errors.role}>
          <Select name="role" defaultValue="clerk">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]} — {ROLE_DESCRIPTIONS[role]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create invitation"}</Button>
    </form>
  );
}

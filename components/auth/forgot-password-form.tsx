"use client";

import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { requestPasswordResetAction } from "@/lib/auth/password-reset-actions";

export function ForgotPasswordForm() {
  const { state, onSubmit, pending, errors } = useFormAction(requestPasswordResetAction);
  if (state?.ok) return <Alert tone="success">{state.data.message}</Alert>;
  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      {state && !state.ok && !state.fieldErrors ? <Alert tone="error">{state.message}</Alert> : null}
      <Field label="Email" name="email" error={errors.email}>
        <Input name="email" type="email" autoComplete="email" required invalid={Boolean(errors.email)} />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Send me a reset link"}
      </Button>
    </form>
  );
}

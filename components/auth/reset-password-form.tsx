"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { resetPasswordAction } from "@/lib/auth/password-reset-actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const { state, onSubmit, pending, errors } = useFormAction(resetPasswordAction);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <Alert tone="success">Your password is changed, and every other session of your account is signed out.</Alert>
        <Link
          href={`/sign-in?email=${encodeURIComponent(state.data.email)}`}
          className="block w-full rounded-md bg-brand-600 px-4 py-2 text-center text-sm font-semibold text-white hover:bg-brand-700"
        >
          Sign in with the new password
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <input type="hidden" name="token" value={token} />
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <Field
        label="New password"
        name="password"
        error={errors.password}
        hint="At least 10 characters; a few unrelated words are easy to remember and hard to guess."
      >
        <Input name="password" type="password" autoComplete="new-password" required invalid={Boolean(errors.password)} />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set the new password"}
      </Button>
    </form>
  );
}

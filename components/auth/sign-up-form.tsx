"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { signUpAction } from "@/app/sign-up/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";

export function SignUpForm() {
  const router = useRouter();
  const [state, action, pending] = useActionState(signUpAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};

  useEffect(() => {
    if (!state?.ok || !formRef.current) return;
    const form = new FormData(formRef.current);
    void signIn("credentials", {
      email: String(form.get("email")),
      password: String(form.get("password")),
      redirect: false,
    }).then(() => {
      router.replace(`/o/${state.data.slug}`);
      router.refresh();
    });
  }, [state, router]);

  return (
    <form ref={formRef} action={action} className="space-y-5" noValidate>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <Field label="Your name" name="name" error={errors.name}>
        <Input name="name" autoComplete="name" required invalid={Boolean(errors.name)} />
      </Field>
      <Field label="Business name" name="organizationName" error={errors.organizationName} hint="You can add more businesses later.">
        <Input name="organizationName" autoComplete="organization" required invalid={Boolean(errors.organizationName)} />
      </Field>
      <Field label="Work email" name="email" error={errors.email}>
        <Input name="email" type="email" autoComplete="email" required invalid={Boolean(errors.email)} />
      </Field>
      <Field label="Password" name="password" error={errors.password} hint="At least 10 characters.">
        <Input name="password" type="password" autoComplete="new-password" required invalid={Boolean(errors.password)} />
      </Field>
      <Button type="submit" className="w-full" disabled={pending || Boolean(state?.ok)}>
        {pending || state?.ok ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}

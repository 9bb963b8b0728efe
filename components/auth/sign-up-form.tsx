"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { signUpAction, signUpByInvitationAction } from "@/app/sign-up/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { BrowserTimeZoneInput } from "@/components/ui/browser-time-zone-input";
import { Field, Input } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";

/** An invitation's sign-up: the e-mail is the invited one, and no business of one's own is created. */
export type SignUpInvitation = { token: string; email: string; organizationName: string };

export function SignUpForm({ invitation }: { invitation?: SignUpInvitation }) {
  const router = useRouter();
  // Kept for the sign-in that follows a successful sign-up.
  const credentials = useRef<{ email: string; password: string } | null>(null);
  const { state, onSubmit, pending, errors } = useFormAction(invitation ? signUpByInvitationAction : signUpAction, {
    onSubmit: (form) => {
      credentials.current = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    },
  });

  useEffect(() => {
    if (!state?.ok || !credentials.current) return;
    void signIn("credentials", { ...credentials.current, redirect: false }).then(() => {
      router.replace(`/o/${state.data.slug}`);
      router.refresh();
    });
  }, [state, router]);

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      {invitation ? <input type="hidden" name="invitation" value={invitation.token} /> : <BrowserTimeZoneInput />}
      <Field label="Your name" name="name" error={errors.name}>
        <Input name="name" autoComplete="name" required invalid={Boolean(errors.name)} />
      </Field>
      {invitation ? null : (
        <Field label="Business name" name="organizationName" error={errors.organizationName} hint="You can add more businesses later.">
          <Input name="organizationName" autoComplete="organization" required invalid={Boolean(errors.organizationName)} />
        </Field>
      )}
      <Field
        label="Work email"
        name="email"
        error={errors.email}
        hint={invitation ? `The address ${invitation.organizationName} invited.` : undefined}
      >
        <Input
          name="email"
          type="email"
          autoComplete="email"
          required
          invalid={Boolean(errors.email)}
          {...(invitation ? { value: invitation.email, readOnly: true } : {})}
        />
      </Field>
      <Field label="Password" name="password" error={errors.password} hint="At least 10 characters, at most 72 bytes, and hard to guess: a few unrelated words work well.">
        <Input name="password" type="password" autoComplete="new-password" required invalid={Boolean(errors.password)} />
      </Field>
      <Button type="submit" className="w-full" disabled={pending || Boolean(state?.ok)}>
        {pending || state?.ok ? "Creating your account…" : invitation ? `Create account and join ${invitation.organizationName}` : "Create account"}
      </Button>
    </form>
  );
}

import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";
import { getSessionUser } from "@/lib/auth/session";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { env } from "@/lib/config/env";

export const metadata = { title: "Sign in" };

const searchSchema = z.object({
  callbackUrl: z.string().optional().catch(undefined),
  // A code, never text to show: next-auth's own codes or ours (lib/auth/sign-in-errors.ts).
  error: z.string().max(200).optional().catch(undefined),
  // Prefilled from an invitation link.
  email: z.email().max(254).optional().catch(undefined),
});

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const search = searchSchema.parse(await searchParams);
  // Never bounce a person to another host: only a path on this site survives.
  const callbackUrl = safeCallbackPath(search.callbackUrl, env().APP_URL);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <AuthFrame
      title="Sign in to Ledgerbridge"
      subtitle="Welcome back. Pick up where you left off."
      footer={
        <>
          New to Ledgerbridge?{" "}
          <Link href="/sign-up" className="font-medium text-brand-600 hover:text-brand-700">
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm callbackUrl={callbackUrl} email={search.email} initialError={signInErrorMessage(search.error)} />
    </AuthFrame>
  );
}

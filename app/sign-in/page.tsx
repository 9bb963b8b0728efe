import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSessionUser } from "@/lib/auth/session";

export const metadata = { title: "Sign in" };

const searchSchema = z.object({
  // Only same-site paths: never bounce a signed-in user to another host.
  callbackUrl: z.string().regex(/^\/(?!\/)[^\s]*$/).catch("/").default("/"),
  error: z.string().max(200).optional().catch(undefined),
});

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const { callbackUrl, error } = searchSchema.parse(await searchParams);
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
      <SignInForm callbackUrl={callbackUrl} initialError={error && error !== "CredentialsSignin" ? error : undefined} />
    </AuthFrame>
  );
}

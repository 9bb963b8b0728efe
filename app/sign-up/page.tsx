import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SignUpForm, type SignUpInvitation } from "@/components/auth/sign-up-form";
import { Alert } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { invitationProblem, invitationProblemMessage } from "@/lib/orgs/invitation-rules";
import { invitationTokenSchema } from "@/lib/orgs/invitation-token";
import { findInvitationByToken } from "@/lib/orgs/invitations";

export const metadata = { title: "Create your account" };

const searchSchema = z.object({ invite: invitationTokenSchema.optional().catch(undefined) });

const signInLink = (href: string) => (
  <>
    Already have an account?{" "}
    <Link href={href} className="font-medium text-brand-600 hover:text-brand-700">
      Sign in
    </Link>
  </>
);

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const { invite } = searchSchema.parse(await searchParams);
  if (await getSessionUser()) redirect(invite ? `/invite/${invite}` : "/");
  if (invite) return <InvitedSignUp token={invite} />;
  return (
    <AuthFrame
      title="Create your account"
      subtitle="Set up your business in a minute. Connect QuickBooks Online when you're ready."
      footer={signInLink("/sign-in")}
    >
      <SignUpForm />
    </AuthFrame>
  );
}

async function InvitedSignUp({ token }: { token: string }) {
  const found = await findInvitationByToken(await getDb(), token);
  const problem = found ? invitationProblem(found, new Date()) : "not-found";
  if (!found || problem) {
    return (
      <AuthFrame title="Invitation" subtitle="This link cannot be used." footer={signInLink("/sign-in")}>
        <Alert tone="warning">{invitationProblemMessage(problem ?? "not-found")}</Alert>
      </AuthFrame>
    );
  }
  const invitation: SignUpInvitation = { token, email: found.email, organizationName: found.organization.name };
  const signIn = `/sign-in?${new URLSearchParams({ callbackUrl: `/invite/${token}`, email: found.email })}`;
  return (
    <AuthFrame
      title={`Join ${found.organization.name}`}
      subtitle="Create your Ledgerbridge account to accept the invitation."
      footer={signInLink(signIn)}
    >
      <SignUpForm invitation={invitation} />
    </AuthFrame>
  );
}

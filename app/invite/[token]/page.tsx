import Link from "next/link";
import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { AuthFrame } from "@/components/auth/auth-frame";
import { AcceptInvitationForm } from "@/components/invitations/accept-invitation-form";
import { ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { invitationProblem, invitationProblemMessage } from "@/lib/orgs/invitation-rules";
import { invitationTokenSchema } from "@/lib/orgs/invitation-token";
import { findInvitationByToken } from "@/lib/orgs/invitations";

export const metadata = { title: "Invitation" };

const roleLabel = { admin: "an admin", approver: "an approver", clerk: "a clerk", accountant: "an accountant" } as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token: raw } = await params;
  const user = await getSessionUser();
  const parsed = invitationTokenSchema.safeParse(raw);
  const invitation = parsed.success ? await findInvitationByToken(await getDb(), parsed.data) : null;
  const footer = (
    <Link href="/" className="font-medium text-brand-600 hover:text-brand-700">
      Go to Ledgerbridge
    </Link>
  );
  if (!parsed.success || !invitation) {
    return <Problem message={invitationProblemMessage("not-found")} footer={footer} />;
  }
  // The person who accepted it coming back (a second click, the browser's back button).
  if (invitation.acceptedAt && user && invitation.acceptedBy === user.id) redirect(`/o/${invitation.organization.slug}`);
  const problem = invitationProblem(invitation, new Date(), user?.email);
  if (problem) return <Problem message={invitationProblemMessage(problem)} footer={footer} />;

  const token = parsed.data;
  const organizationName = invitation.organization.name;
  const subtitle = `You are invited to join ${organizationName} as ${roleLabel[invitation.role]}.`;
  if (user) {
    return (
      <AuthFrame title={`Join ${organizationName}`} subtitle={subtitle} footer={footer}>
        <AcceptInvitationForm token={token} organizationName={organizationName} />
      </AuthFrame>
    );
  }
  const signIn = `/sign-in?${new URLSearchParams({ callbackUrl: `/invite/${token}`, email: invitation.email })}`;
  return (
    <AuthFrame title={`Join ${organizationName}`} subtitle={subtitle} footer={footer}>
      <div className="space-y-3">
        <p className="text-sm text-slate-600">
          The invitation is for <span className="font-medium text-slate-900">{invitation.email}</span>.
        </p>
        <ButtonLink href={`/sign-up?invite=${token}`} className="w-full">
          Create an account
        </ButtonLink>
        <ButtonLink href={signIn} variant="secondary" className="w-full">
          I already have an account — sign in
        </ButtonLink>
      </div>
    </AuthFrame>
  );
}

function Problem({ message, footer }: { message: string; footer: ReactNode }) {
  return (
    <AuthFrame title="Invitation" subtitle="This link cannot be used." footer={footer}>
      <Alert tone="warning">{message}</Alert>
    </AuthFrame>
  );
}

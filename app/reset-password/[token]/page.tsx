import Link from "next/link";
import { connection } from "next/server";
import { AuthFrame } from "@/components/auth/auth-frame";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/card";
import { passwordResetAccount } from "@/lib/auth/password-reset";
import { PASSWORD_RESET_LINK_PROBLEM } from "@/lib/auth/password-reset-rules";
import { getDb } from "@/lib/db";
import { invitationTokenSchema } from "@/lib/orgs/invitation-token";

export const metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const parsed = invitationTokenSchema.safeParse(token);
  const account = parsed.success ? await passwordResetAccount(await getDb(), parsed.data) : null;
  const footer = (
    <Link href="/sign-in" className="font-medium text-brand-600 hover:text-brand-700">
      Back to sign in
    </Link>
  );
  if (!parsed.success || !account) {
    return (
      <AuthFrame title="Choose a new password" subtitle="This link cannot be used." footer={footer}>
        <div className="space-y-4">
          <Alert tone="error">{PASSWORD_RESET_LINK_PROBLEM}</Alert>
          <Link href="/forgot-password" className="block text-center text-sm font-medium text-brand-600 hover:text-brand-700">
            Send me a new link
          </Link>
        </div>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title="Choose a new password" subtitle={`For ${account.email}.`} footer={footer}>
      <ResetPasswordForm token={parsed.data} />
    </AuthFrame>
  );
}

import Link from "next/link";
import { NewOrgForm } from "@/components/settings/new-org-form";
import { Card } from "@/components/ui/card";
import { Logo } from "@/components/ui/logo";
import { requireSessionUser } from "@/lib/auth/session";

export const metadata = { title: "New organisation" };

export default async function NewOrgPage() {
  await requireSessionUser();
  return (
    <main className="mx-auto max-w-lg px-6 py-16">
      <Link href="/" className="mb-8 flex items-center gap-2 font-semibold"><Logo /> Ledgerbridge</Link>
      <Card className="p-6">
        <h1 className="text-xl font-semibold">New organisation</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">A separate business with its own bills, invoices and QuickBooks company. You will be its admin.</p>
        <NewOrgForm />
      </Card>
    </main>
  );
}

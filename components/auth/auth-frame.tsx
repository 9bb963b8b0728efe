import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/ui/logo";

/** The signed-out pages: a calm split layout with the product promise on the side. */
export function AuthFrame({ title, subtitle, children, footer }: { title: string; subtitle: ReactNode; children: ReactNode; footer: ReactNode }) {
  return (
    <div className="grid min-h-screen lg:grid-cols-[1fr_1.1fr]">
      <main className="flex flex-col justify-center px-6 py-12 sm:px-12">
        <div className="mx-auto w-full max-w-sm">
          <Link href="/" className="mb-10 flex items-center gap-2.5 text-lg font-semibold text-slate-900">
            <Logo /> Ledgerbridge
          </Link>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
          <p className="mt-2 text-sm text-slate-600">{subtitle}</p>
          <div className="mt-8">{children}</div>
          <p className="mt-8 text-sm text-slate-600">{footer}</p>
        </div>
      </main>
      <aside className="relative hidden overflow-hidden bg-gradient-to-br from-brand-700 via-brand-600 to-brand-900 lg:flex lg:flex-col lg:justify-center lg:px-16">
        <div className="max-w-md text-white">
          <p className="text-sm font-medium uppercase tracking-widest text-brand-100">Accounts payable &amp; receivable</p>
          <p className="mt-4 text-3xl font-semibold leading-tight">Bills, invoices and payments — in step with QuickBooks Online.</p>
          <ul className="mt-8 space-y-3 text-brand-50">
            <li className="flex gap-3"><Check /> Two-way sync you can watch, from any page</li>
            <li className="flex gap-3"><Check /> Every record syncs — or tells you why not, and how to fix it</li>
            <li className="flex gap-3"><Check /> Clearing accounts and funds transfers that reconcile</li>
          </ul>
        </div>
      </aside>
    </div>
  );
}

function Check() {
  return (
    <svg viewBox="0 0 20 20" className="mt-0.5 h-5 w-5 flex-none text-brand-200" aria-hidden="true">
      <path fill="currentColor" d="M16.7 5.3a1 1 0 0 1 0 1.4l-7.5 7.5a1 1 0 0 1-1.4 0L3.3 9.7a1 1 0 1 1 1.4-1.4l3.8 3.8 6.8-6.8a1 1 0 0 1 1.4 0Z" />
    </svg>
  );
}

import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/card";

export function ReportHeader({ orgSlug, title, description, actions }: { orgSlug: string; title: string; description: ReactNode; actions?: ReactNode }) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500 print:hidden">
        <Link href={`/o/${orgSlug}/reports`} className="hover:text-slate-800 hover:underline">Reports</Link>
        <span aria-hidden className="mx-1.5">/</span>
        <span className="text-slate-700">{title}</span>
      </nav>
      <PageHeader title={title} description={description} actions={actions} />
    </>
  );
}

/** GET form for report parameters: the URL holds them, so a report can be bookmarked and shared. */
export function ReportFilters({ children, resetHref }: { children: ReactNode; resetHref?: string }) {
  return (
    <form className="mb-5 flex flex-wrap items-end gap-3 print:hidden rounded-xl bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200">
      {children}
      <button type="submit" className="rounded-md bg-slate-800 px-3.5 py-2 text-sm font-medium text-white hover:bg-slate-900">Run report</button>
      {resetHref ? <Link href={resetHref} className="px-2 py-2 text-sm text-slate-600 hover:text-slate-900 hover:underline">Reset</Link> : null}
    </form>
  );
}

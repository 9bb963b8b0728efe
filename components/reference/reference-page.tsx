import { CloudDownload } from "lucide-react";
import type { ReactNode } from "react";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LoadSampleListsButton } from "./load-sample-lists-button";

export const MANAGED_IN_QBO = "Managed in QuickBooks Online — kept up to date by sync.";

/** Frame shared by the read-only reference lists under Settings (the Settings tabs come from its layout). */
export function ReferencePage({
  title,
  description,
  count,
  toolbar,
  children,
}: {
  title: string;
  description: string;
  count: number;
  toolbar?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <Card>
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
          <p className="flex items-center gap-2 text-sm text-slate-600">
            <CloudDownload className="h-4 w-4 text-brand-600" aria-hidden />
            {MANAGED_IN_QBO}
          </p>
          <div className="flex items-center gap-3">
            {toolbar}
            <span className="tabular text-sm text-slate-500">{count.toLocaleString("en-US")} {count === 1 ? "entry" : "entries"}</span>
          </div>
        </div>
        {children}
      </Card>
    </>
  );
}

/** Empty list: explains that sync fills it, and lets an admin try the app with sample lists. */
export function ReferenceEmpty({ orgSlug, what, canLoadSamples }: { orgSlug: string; what: string; canLoadSamples: boolean }) {
  return (
    <EmptyState
      title={`No ${what} yet`}
      action={canLoadSamples ? <LoadSampleListsButton orgSlug={orgSlug} /> : undefined}
    >
      {`They arrive from QuickBooks Online with the first sync (Settings → Sync).`}
      {canLoadSamples ? " Not connected yet? Start with a sample chart of accounts and lists to try Ledgerbridge." : null}
    </EmptyState>
  );
}

export const tableClass = "min-w-full divide-y divide-slate-200 text-sm";
export const theadClass = "bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500";
export const thClass = "px-4 py-3";
export const tdClass = "px-4 py-3";

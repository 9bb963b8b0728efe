import { CheckCircle2, Circle } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { SyncNowButton } from "@/components/sync/sync-now-button";
import type { FirstRunChecklist, FirstRunStepId } from "@/lib/sync/core";

const STEPS: Record<FirstRunStepId, { title: string; text: string }> = {
  connect: {
    title: "Connect to QuickBooks",
    text: "Link your QuickBooks Online company. Your chart of accounts, items, classes, locations and terms come in at once.",
  },
  preferences: {
    title: "Choose your sync preferences",
    text: "Pick the accounts for unassigned amounts and the bank account payments leave from, and how the sync behaves.",
  },
  first_sync: {
    title: "Run your first sync",
    text: "Vendors, customers, bills, invoices and credits come in from QuickBooks, and yours go to it.",
  },
};

/** Overview of a new organisation: connect → preferences → first sync, the current step highlighted. */
export function FirstRunChecklistCard({ orgSlug, checklist, isAdmin, canSync }: { orgSlug: string; checklist: FirstRunChecklist; isAdmin: boolean; canSync: boolean }) {
  const settings = `/o/${orgSlug}/settings/sync`;
  const action = (id: FirstRunStepId) => {
    if (id === "first_sync") return canSync ? <SyncNowButton orgSlug={orgSlug} /> : <p className="text-sm text-slate-500">A clerk or an admin of this organisation does this step.</p>;
    if (!isAdmin) return <p className="text-sm text-slate-500">An admin of this organisation does this step.</p>;
    return id === "connect" ? <ButtonLink href={settings}>Go to connect</ButtonLink> : <ButtonLink href={`${settings}#preferences`}>Set preferences</ButtonLink>;
  };
  const doneCount = checklist.steps.filter((step) => step.state === "done").length;
  return (
    <Card className="mb-6">
      <div className="border-b border-slate-200 px-6 py-4">
        <h2 className="text-base font-semibold text-slate-900">Get started</h2>
        <p className="text-sm text-slate-600">
          Three steps to keep this organisation in step with QuickBooks Online · {doneCount} of 3 done.
        </p>
      </div>
      <ol className="divide-y divide-slate-100" aria-label="Get started steps">
        {checklist.steps.map((step, index) => {
          const { title, text } = STEPS[step.id];
          const current = step.state === "current";
          const done = step.state === "done";
          return (
            <li
              key={step.id}
              aria-current={current ? "step" : undefined}
              className={cn("flex flex-col gap-3 px-6 py-4 sm:flex-row sm:items-center sm:justify-between", current && "bg-brand-50")}
            >
              <div className="flex gap-3">
                {done ? (
                  <CheckCircle2 className="mt-0.5 h-5 w-5 flex-none text-emerald-600" aria-label="Done" />
                ) : (
                  <Circle className={cn("mt-0.5 h-5 w-5 flex-none", current ? "text-brand-600" : "text-slate-300")} aria-label={current ? "Current step" : "To do"} />
                )}
                <div>
                  <p className={cn("text-sm font-medium", done ? "text-slate-500 line-through decoration-slate-300" : "text-slate-900")}>
                    {index + 1}. {title}
                  </p>
                  {done ? null : <p className="mt-0.5 text-sm text-slate-600">{text}</p>}
                </div>
              </div>
              {current ? <div className="flex-none sm:ml-4">{action(step.id)}</div> : null}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}

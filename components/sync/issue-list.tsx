import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { describeReason, isReasonCode } from "@/lib/sync/core/reasons";
import type { ReasonParams } from "@/lib/sync/core/reasons";
import { appRecordPath, qboRecordUrl, type QboLinkTarget } from "@/lib/sync/qbo-links";

export const OBJECT_LABELS: Record<string, string> = {
  bill: "Bill",
  invoice: "Invoice",
  vendor: "Vendor",
  customer: "Customer",
  vendor_credit: "Vendor credit",
  bill_payment: "Bill payment",
  payment: "Received payment",
  class: "Class",
  location: "Location",
  term: "Term",
  sync_preferences: "Sync preferences",
  funds_transfer: "Funds transfer",
  account: "Account",
  item: "Item",
  run: "Sync",
};

/** Reasons that say the record's vendor or customer has not synced: the fix starts on that page. */
const PARTY_REASONS = new Set(["VENDOR_NOT_SYNCED", "CUSTOMER_NOT_SYNCED"]);

type Issue = {
  id: string;
  objectType: string;
  localId: string | null;
  qboId: string | null;
  label: string;
  reasonCode: string;
  severity: string;
  params: Record<string, string | number>;
  detail: string | null;
  resolvedAt: Date | null;
};


/** Each record that did not sync: what it is, why, and what to do — with links to both sides. */
export function IssueList({
  issues,
  orgSlug,
  qbo,
  partyLink,
}: {
  issues: Issue[];
  orgSlug: string;
  qbo: QboLinkTarget;
  /** On a record's page: its vendor or customer, linked from a "has not synced" reason. */
  partyLink?: { href: string; label: string } | undefined;
}) {
  return (
    <ul className="divide-y divide-slate-100">
      {issues.map((issue) => {
        const reason = isReasonCode(issue.reasonCode)
          ? describeReason(issue.reasonCode, issue.params as ReasonParams)
          : { title: issue.reasonCode, explanation: issue.detail ?? "", fix: "", severity: issue.severity };
        const appPath = issue.localId ? appRecordPath(orgSlug, issue.objectType, issue.localId) : null;
        const qboUrl = issue.qboId ? qboRecordUrl(qbo, issue.objectType, issue.qboId) : null;
        return (
          <li key={issue.id} className="px-6 py-4" data-reason={issue.reasonCode}>
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={reason.severity === "failure" ? "red" : "amber"}>{reason.severity === "failure" ? "Failed" : "Skipped"}</Badge>
              <span className="text-xs font-medium uppercase tracking-wide text-slate-500">{OBJECT_LABELS[issue.objectType] ?? issue.objectType}</span>
              <span className="font-medium text-slate-900">{issue.label}</span>
              {issue.resolvedAt ? <Badge tone="green">Resolved</Badge> : null}
            </div>
            <p className="mt-1 text-sm font-semibold text-slate-800">{reason.title}</p>
            <p className="mt-0.5 text-sm text-slate-600">{reason.explanation}</p>
            {reason.fix ? (
              <p className="mt-1 text-sm text-slate-800">
                <span className="font-medium">How to fix: </span>
                {reason.fix}
              </p>
            ) : null}
            <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {partyLink && PARTY_REASONS.has(issue.reasonCode) ? (
                <Link href={partyLink.href} className="font-medium text-brand-700 hover:underline">
                  {partyLink.label}
                </Link>
              ) : null}
              {appPath ? <Link href={appPath} className="font-medium text-brand-700 hover:underline">Open in Ledgerbridge</Link> : null}
              {qboUrl ? (
                <a href={qboUrl} target="_blank" rel="noreferrer" className="font-medium text-brand-700 hover:underline">
                  Open in QuickBooks
                </a>
              ) : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

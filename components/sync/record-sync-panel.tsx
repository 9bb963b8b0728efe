import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { formatMoney } from "@/lib/ap/money";
import type { Db } from "@/lib/db/connection";
import { linkableQboId, type RecordStatus } from "@/lib/sync/core/record-status";
import { getSyncStatus } from "@/lib/sync/engine";
import { qboLinkTarget } from "@/lib/sync/qbo-link-target";
import { appRecordPath, qboRecordUrl } from "@/lib/sync/qbo-links";
import { recordSyncStatus, type RecordSyncIssue } from "@/lib/sync/record-sync-status";
import { IssueList } from "./issue-list";

export type SyncedRecordType = "bill" | "invoice" | "vendor" | "customer" | "vendor_credit" | "bill_payment" | "payment";

const NOUN: Record<SyncedRecordType, string> = {
  bill: "bill",
  invoice: "invoice",
  vendor: "vendor",
  customer: "customer",
  vendor_credit: "vendor credit",
  bill_payment: "bill payment",
  payment: "received payment",
};

const link = "font-medium text-brand-700 hover:underline";

function StatusBadge({ status }: { status: RecordStatus<RecordSyncIssue> }) {
  switch (status.state) {
    case "synced":
      return status.paidInQbo ? <Badge tone="amber">{status.paidInQbo.partly ? "Partly paid in QuickBooks" : "Paid in QuickBooks"}</Badge> : <Badge tone="green">Synced</Badge>;
    case "pending":
      return <Badge tone="blue">Pending</Badge>;
    case "issue": {
      const failed = status.issues.some((i) => i.severity === "failure");
      return <Badge tone={failed ? "red" : "amber"}>{failed ? "Failed" : "Skipped"}</Badge>;
    }
    case "void_pending":
      return <Badge tone="amber">Voided — not yet in QuickBooks</Badge>;
    case "voided":
    case "removed":
    case "voided_unsynced":
      return <Badge>Voided</Badge>;
    case "deleted_in_qbo":
      return <Badge tone="red">Deleted in QuickBooks</Badge>;
    case "awaiting_confirmation":
      return <Badge tone="amber">Sync paused</Badge>;
    default:
      return <Badge>Not connected</Badge>;
  }
}

/**
 * "QuickBooks sync" box on a record's page: synced, pending, voided or deleted on one side, paid in
 * QuickBooks, or why it did not sync and how to fix it. A QuickBooks link only while the twin exists.
 */
export async function RecordSyncPanel({
  db,
  organizationId,
  orgSlug,
  objectType,
  localId,
  party,
}: {
  db: Db;
  organizationId: string;
  orgSlug: string;
  objectType: SyncedRecordType;
  localId: string;
  /** The record's vendor or customer: a "vendor has not synced" reason links to it. */
  party?: { objectType: "vendor" | "customer"; id: string; name: string };
}) {
  const [status, target] = await Promise.all([recordSyncStatus(db, organizationId, objectType, localId), qboLinkTarget(db, organizationId)]);
  const pendingSwitch = status.state === "awaiting_confirmation" ? (await getSyncStatus(db, organizationId)).pendingSwitch : null;
  const qboId = linkableQboId(status);
  const qboUrl = qboId ? qboRecordUrl(target, objectType, qboId) : null;
  const noun = NOUN[objectType];
  const openInQbo = qboUrl ? (
    <a href={qboUrl} target="_blank" rel="noreferrer" className={link}>
      Open in QuickBooks
    </a>
  ) : null;
  const partyPath = party ? appRecordPath(orgSlug, party.objectType, party.id) : null;
  const cannotVoid = objectType === "bill" ? "QuickBooks can’t void bills" : "QuickBooks can’t void vendor credits";
  return (
    <div data-testid="record-sync-panel" data-state={status.state}>
    <Card>
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-5 py-3">
        <h2 className="text-base font-semibold text-slate-900">QuickBooks sync</h2>
        <StatusBadge status={status} />
      </div>
      {status.state === "issue" ? (
        <IssueList
          issues={[...status.issues]}
          orgSlug={orgSlug}
          qbo={target}
          partyLink={party && partyPath ? { href: partyPath, label: `Open ${party.objectType} ${party.name}` } : undefined}
        />
      ) : (
        <div className="space-y-2 px-5 py-4 text-sm text-slate-600">
          {status.state === "synced" ? (
            status.paidInQbo ? (
              <>
                <p className="font-medium text-slate-900">
                  {status.paidInQbo.partly
                    ? `Partly paid in QuickBooks (${formatMoney(status.paidInQbo.balanceCents)} still open there); turn on 2-Way Payment Sync to bring payments in.`
                    : "Paid in QuickBooks; turn on 2-Way Payment Sync to bring payments in."}
                </p>
                <p>
                  Until then this {noun} stays open here: don’t pay it again.{" "}
                  <Link href={`/o/${orgSlug}/settings/sync`} className={link}>
                    Sync preferences
                  </Link>{" "}
                  {openInQbo}
                </p>
              </>
            ) : (
              <p>
                In QuickBooks since the sync of {formatDateTime(status.syncedAt)}. {openInQbo}
              </p>
            )
          ) : status.state === "pending" ? (
            <p>Goes to QuickBooks with the next sync.</p>
          ) : status.state === "void_pending" ? (
            <p>
              {status.operation === "void"
                ? "Voided — will be voided in QuickBooks at the next sync."
                : `Voided — will be deleted in QuickBooks at the next sync (${cannotVoid}).`}{" "}
              {openInQbo}
            </p>
          ) : status.state === "voided" ? (
            <p>
              Voided here and in QuickBooks (sync of {formatDateTime(status.syncedAt)}). {openInQbo}
            </p>
          ) : status.state === "removed" ? (
            <p>
              Voided here, so the sync of {formatDateTime(status.syncedAt)} deleted it in QuickBooks ({cannotVoid}). There is no
              QuickBooks record to open.
            </p>
          ) : status.state === "deleted_in_qbo" ? (
            <>
              <p className="font-medium text-slate-900">
                Deleted in QuickBooks. The sync of {formatDateTime(status.syncedAt)}{" "}
                {objectType === "vendor" || objectType === "customer" ? "made it inactive here" : "voided it here to match"}.
              </p>
              <p>
                {objectType === "vendor" || objectType === "customer"
                  ? `If it was merged or deleted by mistake, add the ${noun} again here and select Sync Now.`
                  : `If it was deleted by mistake, enter the ${noun} again in Ledgerbridge and select Sync Now; this voided one is not sent again.`}
              </p>
            </>
          ) : status.state === "awaiting_confirmation" ? (
            <p>
              {pendingSwitch
                ? `${pendingSwitch.kind === "switch" ? "Switch to" : "First sync with"} ${pendingSwitch.companyName} waiting for your confirmation; nothing syncs until then.`
                : "A change of QuickBooks company is waiting for your confirmation; nothing syncs until then."}{" "}
              <Link href={`/o/${orgSlug}/sync/switch`} className={link}>
                Review and confirm
              </Link>{" "}
              {openInQbo}
            </p>
          ) : status.state === "voided_unsynced" ? (
            <p>Voided before it reached QuickBooks, so nothing is sent there.</p>
          ) : (
            <p>
              QuickBooks is not connected.{" "}
              <Link href={`/o/${orgSlug}/settings/sync`} className={link}>
                Connect it in Settings → Sync
              </Link>
              .
            </p>
          )}
        </div>
      )}
    </Card>
    </div>
  );
}

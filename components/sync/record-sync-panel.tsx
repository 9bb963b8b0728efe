import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { Db } from "@/lib/db/connection";
import { qboLinkTarget } from "@/lib/sync/qbo-link-target";
import { qboRecordUrl } from "@/lib/sync/qbo-links";
import { recordSyncStatus } from "@/lib/sync/record-sync-status";
import { IssueList } from "./issue-list";

/** "QuickBooks sync" box on a bill or invoice page: synced, pending, or why not and how to fix it. */
export async function RecordSyncPanel({ db, organizationId, orgSlug, objectType, localId }: { db: Db; organizationId: string; orgSlug: string; objectType: "bill" | "invoice"; localId: string }) {
  const [status, target] = await Promise.all([recordSyncStatus(db, organizationId, objectType, localId), qboLinkTarget(db, organizationId)]);
  const qboUrl = "qboId" in status && status.qboId ? qboRecordUrl(target, objectType, status.qboId) : null;
  return (
    <Card>
      <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
        <h2 className="text-base font-semibold text-slate-900">QuickBooks sync</h2>
        {status.state === "synced" ? (
          <Badge tone="green">Synced</Badge>
        ) : status.state === "pending" ? (
          <Badge tone="blue">Pending</Badge>
        ) : status.state === "issue" ? (
          <Badge tone={status.issues.some((i) => i.severity === "failure") ? "red" : "amber"}>
            {status.issues.some((i) => i.severity === "failure") ? "Failed" : "Skipped"}
          </Badge>
        ) : (
          <Badge>Not connected</Badge>
        )}
      </div>
      {status.state === "issue" ? (
        <IssueList issues={status.issues} orgSlug={orgSlug} qbo={target} />
      ) : (
        <p className="px-5 py-4 text-sm text-slate-600">
          {status.state === "synced" ? (
            <>
              In QuickBooks since the sync of {formatDateTime(status.syncedAt)}.{" "}
              {qboUrl ? <a href={qboUrl} target="_blank" rel="noreferrer" className="font-medium text-brand-700 hover:underline">Open in QuickBooks</a> : null}
            </>
          ) : status.state === "pending" ? (
            "Goes to QuickBooks with the next sync."
          ) : (
            <>
              QuickBooks is not connected. <Link href={`/o/${orgSlug}/settings/sync`} className="font-medium text-brand-700 hover:underline">Connect it in Settings → Sync</Link>.
            </>
          )}
        </p>
      )}
    </Card>
  );
}

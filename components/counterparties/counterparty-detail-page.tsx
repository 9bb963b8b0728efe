import { notFound } from "next/navigation";
import { AuditTrail } from "@/components/audit/audit-trail";
import { RecordSyncPanel } from "@/components/sync/record-sync-panel";
import { Alert, Badge, Card, PageHeader } from "@/components/ui/card";
import { listAudit } from "@/lib/audit/record-audit";
import { requireOrg } from "@/lib/auth/guard";
import { canDo } from "@/lib/auth/permissions";
import { clashWarning, crossKindClash, getCounterparty } from "@/lib/counterparties/repository";
import type { CounterpartyKind } from "@/lib/counterparties/schemas";
import { ActiveToggle } from "./active-toggle";
import { CounterpartyForm } from "./counterparty-form";
import { isRecordId } from "@/lib/forms/record-id";

export async function CounterpartyDetailPage({ kind, orgSlug, id, created }: { kind: CounterpartyKind; orgSlug: string; id: string; created: boolean }) {
  const { org, db } = await requireOrg(orgSlug, "data.read");
  if (!isRecordId(id)) notFound();
  const record = await getCounterparty(db, org.organizationId, kind, id);
  if (!record) notFound();
  const events = await listAudit(db, org.organizationId, kind, id);
  // Shown for as long as the clash lasts (and right after creating, when the form has moved here).
  const clash = await crossKindClash(db, org.organizationId, kind, record.displayName);
  return (
    <>
      <PageHeader
        title={record.displayName}
        description={
          <span className="flex items-center gap-2">
            {kind === "vendor" ? "Vendor" : "Customer"}
            {record.active ? <Badge tone="green">Active</Badge> : <Badge>Inactive</Badge>}
            {record.qboId ? <Badge tone="blue">In QuickBooks</Badge> : null}
          </span>
        }
        actions={canDo({ org }, "party.edit") ? <ActiveToggle orgSlug={org.slug} kind={kind} id={record.id} active={record.active} /> : null}
      />
      {created ? <div className="mb-4"><Alert tone="success">Created.</Alert></div> : null}
      {clash ? <div className="mb-4"><Alert tone="warning">{clashWarning(kind, record.displayName)}</Alert></div> : null}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card className="p-6">
          <CounterpartyForm orgSlug={org.slug} kind={kind} values={record} readOnly={!canDo({ org }, "party.edit")} />
        </Card>
        <div className="min-w-0 space-y-6">
          <RecordSyncPanel db={db} organizationId={org.organizationId} orgSlug={org.slug} objectType={kind} localId={record.id} />
          <AuditTrail events={events} />
        </div>
      </div>
    </>
  );
}

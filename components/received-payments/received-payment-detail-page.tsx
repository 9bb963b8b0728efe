import Link from "next/link";
import { notFound } from "next/navigation";
import { formatMoney } from "@/lib/ap/money";
import { listAudit } from "@/lib/audit/record-audit";
import { listDocuments } from "@/lib/documents/document-repository";
import { requireOrg } from "@/lib/auth/guard";
import { canDo } from "@/lib/auth/permissions";
import { getReceivedPaymentDetail } from "@/lib/received-payments/queries";
import { AuditTrail } from "@/components/audit/audit-trail";
import { DocumentsPanel } from "@/components/documents/documents-panel";
import { PaymentStatusBadge } from "@/components/bills/status-badges";
import { VoidPaymentButton } from "@/components/invoices/void-buttons";
import { RecordSyncPanel } from "@/components/sync/record-sync-panel";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime, formatIsoDate } from "@/components/ui/format";
import { Term } from "@/components/ui/term";

/** One payment received on an invoice: where it was deposited, its funds transfer, QuickBooks sync and history. */
export async function ReceivedPaymentDetailPage({ orgSlug, paymentId }: { orgSlug: string; paymentId: string }) {
  const { org, db } = await requireOrg(orgSlug, "data.read");
  const payment = await getReceivedPaymentDetail(db, org.organizationId, paymentId);
  if (!payment) notFound();
  const [events, documents] = await Promise.all([
    listAudit(db, org.organizationId, "received_payment", payment.id),
    listDocuments(db, org.organizationId, { kind: "received_payment", id: payment.id }),
  ]);
  const base = `/o/${org.slug}`;
  const link = "font-medium text-brand-700 hover:underline";

  return (
    <>
      <div className="mb-2 text-sm">
        <Link href={`${base}/received-payments`} className="text-slate-500 hover:text-slate-800">← Received payments</Link>
      </div>
      <PageHeader
        title={`Payment received: ${formatMoney(payment.amountCents, payment.currency)}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>
              on invoice{" "}
              <Link href={`${base}/invoices/${payment.invoiceId}`} className={link}>{payment.invoiceNumber}</Link> ·{" "}
              <Link href={`${base}/customers/${payment.customerId}`} className={link}>{payment.customerName}</Link>
            </span>
            <PaymentStatusBadge status={payment.status} />
          </span>
        }
        actions={payment.status !== "voided" && canDo({ org }, "payment.edit") ? <VoidPaymentButton orgSlug={org.slug} paymentId={payment.id} /> : null}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card className="p-5">
          <dl className="grid gap-4 sm:grid-cols-2">
            <Term label="Received on">{formatIsoDate(payment.receivedDate)}</Term>
            <Term label="Method">{payment.kind === "electronic" ? "Electronic (through Money In Clearing)" : "Recorded by hand"}</Term>
            <Term label="Deposited to">{payment.depositAccountName ?? "—"}</Term>
            <Term label="Reference">{payment.reference ?? "—"}</Term>
            <Term label="Funds transfer">
              {payment.transferDate ? (
                <Link href={`${base}/reports/funds-transfers`} className={link}>
                  {formatIsoDate(payment.transferDate)} · {formatMoney(payment.transferAmountCents ?? 0)}
                  {payment.transferQboId ? ` · QuickBooks #${payment.transferQboId}` : ""}
                </Link>
              ) : payment.kind === "electronic" ? (
                "Grouped with the day's deposits at the next sync"
              ) : (
                "None (deposited directly)"
              )}
            </Term>
            {payment.voidedAt ? <Term label="Voided">{formatDateTime(payment.voidedAt)}</Term> : null}
          </dl>
        </Card>
        <div className="min-w-0 space-y-6">
          <RecordSyncPanel db={db} organizationId={org.organizationId} orgSlug={org.slug} objectType="payment" localId={payment.id} party={{ objectType: "customer", id: payment.customerId, name: payment.customerName }} />
          <DocumentsPanel orgSlug={org.slug} record={{ kind: "received_payment", id: payment.id }} documents={documents} canEdit={canDo({ org }, "payment.edit")} />
          <AuditTrail events={events} />
        </div>
      </div>
    </>
  );
}

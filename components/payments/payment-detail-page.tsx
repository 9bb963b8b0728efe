import Link from "next/link";
import { notFound } from "next/navigation";
import { formatMoney } from "@/lib/ap/money";
import { listAudit } from "@/lib/audit/record-audit";
import { listDocuments } from "@/lib/documents/document-repository";
import { requireOrg } from "@/lib/auth/guard";
import { canDo } from "@/lib/auth/permissions";
import { getBillPaymentDetail } from "@/lib/payments/payment-queries";
import { AuditTrail } from "@/components/audit/audit-trail";
import { DocumentsPanel } from "@/components/documents/documents-panel";
import { PaymentStatusBadge } from "@/components/bills/status-badges";
import { RecordSyncPanel } from "@/components/sync/record-sync-panel";
import { VoidBillPaymentButton } from "./void-bill-payment-button";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime, formatIsoDate } from "@/components/ui/format";
import { Term } from "@/components/ui/term";

/** One bill payment: what, from where, in which funds transfer, its QuickBooks sync and history. */
export async function PaymentDetailPage({ orgSlug, paymentId }: { orgSlug: string; paymentId: string }) {
  const { org, db } = await requireOrg(orgSlug, "data.read");
  const payment = await getBillPaymentDetail(db, org.organizationId, paymentId);
  if (!payment) notFound();
  const [events, documents] = await Promise.all([
    listAudit(db, org.organizationId, "bill_payment", payment.id),
    listDocuments(db, org.organizationId, { kind: "bill_payment", id: payment.id }),
  ]);
  const base = `/o/${org.slug}`;
  const link = "font-medium text-brand-700 hover:underline";

  return (
    <>
      <div className="mb-2 text-sm">
        <Link href={`${base}/payments`} className="text-slate-500 hover:text-slate-800">← Payments</Link>
      </div>
      <PageHeader
        title={`Payment of ${formatMoney(payment.amountCents, payment.currency)}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>
              for bill{" "}
              <Link href={`${base}/bills/${payment.billId}`} className={link}>{payment.billNumber}</Link> ·{" "}
              <Link href={`${base}/vendors/${payment.vendorId}`} className={link}>{payment.vendorName}</Link>
            </span>
            <PaymentStatusBadge status={payment.status} />
          </span>
        }
        actions={<VoidBillPaymentButton orgSlug={org.slug} payment={payment} allowed={canDo({ org }, "payment.edit")} variant="secondary" long />}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card className="p-5">
          <dl className="grid gap-4 sm:grid-cols-2">
            <Term label="Method">{payment.kind === "electronic" ? "Electronic (through Money Out Clearing)" : "Marked as paid"}</Term>
            <Term label="Bank account">{payment.bankAccountName}</Term>
            <Term label={payment.kind === "electronic" ? "Process date" : "Paid on"}>{formatIsoDate(payment.kind === "electronic" ? payment.processDate : (payment.paidDate ?? payment.processDate))}</Term>
            {payment.kind === "electronic" ? <Term label="Paid on">{payment.paidDate ? formatIsoDate(payment.paidDate) : "—"}</Term> : null}
            <Term label="Reference">{payment.reference ?? "—"}</Term>
            <Term label="QuickBooks">{payment.syncToQbo ? "Syncs as a bill payment" : "Not synced to QuickBooks (chosen when recorded)"}</Term>
            <Term label="Funds transfer">
              {payment.transfer ? (
                <Link href={`${base}/reports/funds-transfers`} className={link}>
                  {formatIsoDate(payment.transfer.transferDate)} · {formatMoney(payment.transfer.amountCents)}
                  {payment.transfer.qboId ? ` · QuickBooks #${payment.transfer.qboId}` : ""}
                </Link>
              ) : payment.kind === "electronic" ? (
                "When the payment is processed"
              ) : (
                "None (paid outside Ledgerbridge)"
              )}
            </Term>
            {payment.voidedAt ? <Term label="Voided">{formatDateTime(payment.voidedAt)}</Term> : null}
          </dl>
        </Card>
        <div className="min-w-0 space-y-6">
          {payment.syncToQbo ? (
            <RecordSyncPanel db={db} organizationId={org.organizationId} orgSlug={org.slug} objectType="bill_payment" localId={payment.id} party={{ objectType: "vendor", id: payment.vendorId, name: payment.vendorName }} />
          ) : null}
          <DocumentsPanel orgSlug={org.slug} record={{ kind: "bill_payment", id: payment.id }} documents={documents} canEdit={canDo({ org }, "payment.edit")} />
          <AuditTrail events={events} />
        </div>
      </div>
    </>
  );
}

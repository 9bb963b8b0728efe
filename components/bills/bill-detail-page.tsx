import { Banknote, Pencil } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { centsToDecimalString, formatMoney } from "@/lib/ap/money";
import { listAudit } from "@/lib/audit/record-audit";
import { requireOrg } from "@/lib/auth/guard";
import { canDo } from "@/lib/auth/permissions";
import { voidBillAction } from "@/lib/bills/actions";
import { getBillDetail } from "@/lib/bills/bill-queries";
import { businessToday } from "@/lib/bills/today";
import { loadPickerAccounts } from "@/lib/reference/picker-accounts";
import { listDocuments } from "@/lib/documents/document-repository";
import { AuditTrail } from "@/components/audit/audit-trail";
import { VoidBillPaymentButton } from "@/components/payments/void-bill-payment-button";
import { RecordSyncPanel } from "@/components/sync/record-sync-panel";
import { ButtonLink } from "@/components/ui/button";
import { Alert, Badge, Card, PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Term } from "@/components/ui/term";
import { ActionButton } from "./action-button";
import { DocumentsPanel } from "@/components/documents/documents-panel";
import { formatIsoDate } from "@/components/ui/format";
import { MarkPaidForm } from "./mark-paid-form";
import { BillStatusBadge, PaymentStatusBadge } from "./status-badges";
import { isRecordId } from "@/lib/forms/record-id";

export async function BillDetailPage({ orgSlug, billId, saved }: { orgSlug: string; billId: string; saved?: string }) {
  const { org, db } = await requireOrg(orgSlug, "data.read");
  if (!isRecordId(billId)) notFound();
  const detail = await getBillDetail(db, org.organizationId, billId);
  if (!detail) notFound();
  const [events, documents, bankAccounts] = await Promise.all([
    listAudit(db, org.organizationId, "bill", billId),
    listDocuments(db, org.organizationId, { kind: "bill", id: billId }),
    loadPickerAccounts(db, org.organizationId, "payment_source"),
  ]);
  const { bill, summary, lines, payments, credits } = detail;
  const base = `/o/${org.slug}`;
  const today = businessToday(org.timeZone);
  const money = (cents: number) => formatMoney(cents, bill.currency);
  const overdue = bill.dueDate < today && summary.openBalanceCents > 0;
  const canPay = summary.payableCents > 0;

  return (
    <>
      <div className="mb-2 text-sm">
        <Link href={`${base}/bills`} className="text-slate-500 hover:text-slate-800">← Bills</Link>
      </div>
      <PageHeader
        title={`Bill ${bill.billNumber}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`${base}/vendors/${bill.vendorId}`} className="font-medium text-slate-800 hover:underline">{detail.vendorName}</Link>
            <BillStatusBadge status={summary.status} overdue={overdue} />
            {bill.qboId ? <Badge tone="blue">In QuickBooks</Badge> : null}
          </span>
        }
        actions={
          <>
            {canPay && canDo({ org }, "payment.edit") ? (
              <ButtonLink href={`${base}/bills/pay?bill=${bill.id}`}>
                <Banknote className="size-4" aria-hidden /> Pay
              </ButtonLink>
            ) : null}
            {!bill.voidedAt && canDo({ org }, "bill.edit") ? (
              <ButtonLink href={`${base}/bills/${bill.id}/edit`} variant="secondary">
                <Pencil className="size-4" aria-hidden /> Edit
              </ButtonLink>
            ) : null}
            {!bill.voidedAt && canDo({ org }, "bill.edit") ? (
              <ActionButton action={voidBillAction} orgSlug={org.slug} fields={{ billId: bill.id }} variant="danger" confirm={`Void bill ${bill.billNumber}? This can't be undone.`}>
                Void
              </ActionButton>
            ) : null}
          </>
        }
      />
      {saved === "created" ? <div className="mb-4"><Alert tone="success">Bill created.</Alert></div> : null}
      {saved === "updated" ? <div className="mb-4"><Alert tone="success">Bill saved.</Alert></div> : null}
      {saved === "scheduled" ? <div className="mb-4"><Alert tone="success">Payment scheduled.</Alert></div> : null}

      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(20rem,1fr)]">
        {/* min-w-0: on a phone the lines table scrolls inside its card instead of widening the page. */}
        <div className="min-w-0 space-y-6">
          <Card>
            <dl className="grid grid-cols-2 gap-x-6 gap-y-4 p-6 text-sm sm:grid-cols-4">
              <Term label="Bill date">{formatIsoDate(bill.billDate)}</Term>
              <Term label="Due date"><span className={cn(overdue && "font-medium text-red-700")}>{formatIsoDate(bill.dueDate)}</span></Term>
              <Term label="Terms">{detail.termsName ?? "—"}</Term>
              <Term label="Currency">{bill.currency}</Term>
              {detail.locationName ? <Term label="Location">{detail.locationName}</Term> : null}
              {bill.memo ? <div className="col-span-full"><Term label="Memo (private note)">{bill.memo}</Term></div> : null}
            </dl>
            <dl className="grid grid-cols-2 divide-x divide-y divide-slate-200 border-t border-slate-200 sm:grid-cols-4 sm:divide-y-0">
              <Amount label="Total" value={money(summary.totalCents)} />
              <Amount label="Paid" value={money(summary.paidCents)} />
              <Amount label="Credited" value={money(summary.creditedCents)} />
              <Amount label="Open balance" value={money(summary.openBalanceCents)} emphasis />
            </dl>
            {summary.scheduledCents > 0 ? (
              <p className="border-t border-slate-200 bg-brand-50/50 px-6 py-2.5 text-sm text-brand-900">
                {money(summary.scheduledCents)} is scheduled or processing and will reduce the open balance once paid.
              </p>
            ) : null}
          </Card>

          <Card>
            <h2 className="px-6 pt-5 text-base font-semibold text-slate-900">Lines</h2>
            <div className="overflow-x-auto p-2">
              <table className="min-w-full text-sm">
                <thead className="text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                  <tr>
                    <th scope="col" className="px-4 py-2">Account or item</th>
                    <th scope="col" className="px-4 py-2">Description</th>
                    <th scope="col" className="px-4 py-2">Class</th>
                    <th scope="col" className="px-4 py-2">Location</th>
                    <th scope="col" className="px-4 py-2 text-right">Amount</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {lines.map((line) => (
                    <tr key={line.id}>
                      <td className="px-4 py-2.5 text-slate-900">{line.itemName ?? line.accountName ?? "—"}</td>
                      <td className="px-4 py-2.5 text-slate-600">{line.description ?? "—"}</td>
                      <td className="px-4 py-2.5 text-slate-600">{line.className ?? "—"}</td>
                      <td className="px-4 py-2.5 text-slate-600">{line.locationName ?? "—"}</td>
                      <td className="tabular px-4 py-2.5 text-right text-slate-900">{money(line.amountCents)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="border-t border-slate-200">
                    <td colSpan={4} className="px-4 py-2.5 text-right text-xs font-medium uppercase tracking-wide text-slate-500">Total</td>
                    <td className="tabular px-4 py-2.5 text-right font-semibold text-slate-900">{money(bill.totalCents)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </Card>

          <Card>
            <div className="flex items-center justify-between px-6 pt-5">
              <h2 className="text-base font-semibold text-slate-900">Payments</h2>
              <Link href={`${base}/payments`} className="text-sm text-brand-700 hover:underline">All payments</Link>
            </div>
            {payments.length === 0 ? (
              <p className="px-6 pb-5 pt-2 text-sm text-slate-500">No payments yet.</p>
            ) : (
              <div className="overflow-x-auto p-2">
                <table className="min-w-full text-sm">
                  <thead className="text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                    <tr>
                      <th scope="col" className="px-4 py-2">Date</th>
                      <th scope="col" className="px-4 py-2">Method</th>
                      <th scope="col" className="px-4 py-2">From</th>
                      <th scope="col" className="px-4 py-2">Status</th>
                      <th scope="col" className="px-4 py-2 text-right">Amount</th>
                      <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {payments.map((payment) => (
                      <tr key={payment.id}>
                        <td className="tabular px-4 py-2.5">
                          <Link href={`${base}/payments/${payment.id}`} className="font-medium text-brand-700 hover:underline">{formatIsoDate(payment.paidDate ?? payment.processDate)}</Link>
                        </td>
                        <td className="px-4 py-2.5 text-slate-700">
                          {payment.kind === "electronic" ? "Electronic" : `Marked as paid${payment.reference ? ` · ${payment.reference}` : ""}`}
                          {payment.kind === "offline" && !payment.syncToQbo ? <span className="ml-2 text-xs text-slate-500">(not synced)</span> : null}
                        </td>
                        <td className="px-4 py-2.5 text-slate-600">{payment.bankAccountName}</td>
                        <td className="px-4 py-2.5"><PaymentStatusBadge status={payment.status} /></td>
                        <td className="tabular px-4 py-2.5 text-right text-slate-900">{money(payment.amountCents)}</td>
                        <td className="px-4 py-2.5 text-right">
                          <VoidBillPaymentButton orgSlug={org.slug} payment={payment} allowed={canDo({ org }, "payment.edit")} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {credits.length > 0 ? (
              <div className="border-t border-slate-200 px-6 py-4">
                <h3 className="text-sm font-semibold text-slate-900">Vendor credits applied</h3>
                <ul className="mt-2 space-y-1.5 text-sm">
                  {credits.map((credit) => (
                    <li key={credit.id} className="flex items-center justify-between gap-3">
                      <Link href={`${base}/vendor-credits/${credit.vendorCreditId}`} className={cn("text-brand-700 hover:underline", credit.voidedAt && "line-through opacity-60")}>
                        Credit {credit.creditNumber}
                      </Link>
                      <span className="tabular text-slate-900">{money(credit.amountCents)}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </Card>

          <MarkPaidForm
            orgSlug={org.slug}
            billId={bill.id}
            bankAccounts={bankAccounts.accounts}
            defaultBankAccountId={bankAccounts.defaultId}
            defaultAmount={centsToDecimalString(summary.payableCents)}
            today={today}
            open={canPay && canDo({ org }, "payment.edit")}
          />
        </div>

        <div className="min-w-0 space-y-6">
          <RecordSyncPanel db={db} organizationId={org.organizationId} orgSlug={org.slug} objectType="bill" localId={bill.id} party={{ objectType: "vendor", id: bill.vendorId, name: detail.vendorName }} />
          <DocumentsPanel orgSlug={org.slug} record={{ kind: "bill", id: bill.id }} documents={documents} canEdit={canDo({ org }, "bill.edit")} />
          <AuditTrail events={events} />
        </div>
      </div>
    </>
  );
}

function Amount({ label, value, emphasis = false }: { label: string; value: string; emphasis?: boolean }) {
  return (
    <div className="px-6 py-4">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className={cn("tabular mt-1 text-lg font-semibold", emphasis ? "text-brand-700" : "text-slate-900")}>{value}</dd>
    </div>
  );
}

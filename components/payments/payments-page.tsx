import { ArrowRightLeft, CheckCircle2, Send } from "lucide-react";
import Link from "next/link";
import { formatMoney } from "@/lib/ap/money";
import { requireOrg } from "@/lib/auth/guard";
import { canDo } from "@/lib/auth/permissions";
import { businessToday } from "@/lib/bills/today";
import { listBillPayments, listRecentFundsTransfers, PAYMENT_TABS, paymentListQuerySchema, paymentQueueSummary } from "@/lib/payments/payment-queries";
import { formatIsoDate } from "@/components/ui/format";
import { PaymentStatusBadge } from "@/components/bills/status-badges";
import { Alert, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ExportCsvLink } from "@/components/exports/export-csv-link";
import { cn } from "@/components/ui/cn";
import { Pagination } from "@/components/ui/pagination";
import { ProcessPaymentsButton, SettleProcessingButton } from "./queue-actions";
import { VoidBillPaymentButton } from "./void-bill-payment-button";

export async function PaymentsPage({ orgSlug, searchParams }: { orgSlug: string; searchParams: Record<string, string | string[] | undefined> }) {
  const { org, db } = await requireOrg(orgSlug, "data.read");
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const query = paymentListQuerySchema.parse({ status: first(searchParams.status), page: first(searchParams.page) });
  const today = businessToday(org.timeZone);
  const [list, queue, transfers] = await Promise.all([
    listBillPayments(db, org.organizationId, query),
    paymentQueueSummary(db, org.organizationId, today),
    listRecentFundsTransfers(db, org.organizationId, 8),
  ]);
  const base = `/o/${org.slug}`;
  const href = (patch: { status?: string; page?: number }) => {
    const params = new URLSearchParams();
    const status = patch.status ?? query.status;
    const page = patch.page ?? 1;
    if (status !== "all") params.set("status", status);
    if (page > 1) params.set("page", String(page));
    const text = params.toString();
    return text ? `${base}/payments?${text}` : `${base}/payments`;
  };
  const scheduled = first(searchParams.scheduled);
  const mayPay = canDo({ org }, "payment.edit");

  return (
    <>
      <PageHeader
        title="Payments"
        description="Bill payments: scheduled, on their way, and paid."
        actions={<ExportCsvLink orgSlug={org.slug} kind="payments" searchParams={searchParams} />}
      />
      {scheduled ? <div className="mb-4"><Alert tone="success">{scheduled === "1" ? "Payment scheduled." : `${scheduled} payments scheduled.`}</Alert></div> : null}

      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        <Card className="flex flex-col p-5">
          <div className="flex items-start gap-3">
            <span className="rounded-lg bg-brand-50 p-2 text-brand-700"><Send className="size-5" aria-hidden /></span>
            <div className="flex-1">
              <h2 className="text-base font-semibold text-slate-900">Process payments</h2>
              <p className="mt-1 text-sm text-slate-600">
                {queue.dueCount === 0
                  ? "No scheduled payments are due today."
                  : `${queue.dueCount} scheduled payment${queue.dueCount === 1 ? "" : "s"} due by today, ${formatMoney(queue.dueCents)} in total.`}{" "}
                Payments leave each bank account as one funds transfer per day.
              </p>
            </div>
          </div>
          <div className="mt-4">
            {mayPay ? <ProcessPaymentsButton orgSlug={org.slug} /> : <p className="text-sm text-slate-500">Your role can read payments but not process them.</p>}
          </div>
        </Card>
        <Card className="flex flex-col p-5">
          <div className="flex items-start gap-3">
            <span className="rounded-lg bg-emerald-50 p-2 text-emerald-700"><CheckCircle2 className="size-5" aria-hidden /></span>
            <div className="flex-1">
              <h2 className="text-base font-semibold text-slate-900">Confirm processed payments</h2>
              <p className="mt-1 text-sm text-slate-600">
                {queue.processingCount === 0
                  ? "No payments are processing."
                  : `${queue.processingCount} payment${queue.processingCount === 1 ? " is" : "s are"} processing, ${formatMoney(queue.processingCents)} in total.`}{" "}
                With a payment processor connected, the bank&apos;s confirmation does this; until then an admin records it.
              </p>
            </div>
          </div>
          <div className="mt-4">
            {canDo({ org }, "payment.settle") ? (
              <SettleProcessingButton orgSlug={org.slug} />
            ) : (
              <p className="text-sm text-slate-500">Only an admin can confirm payments.</p>
            )}
          </div>
        </Card>
      </div>

      <Card>
        <nav aria-label="Payment status" className="flex gap-1 overflow-x-auto border-b border-slate-200 px-3 pt-2">
          {PAYMENT_TABS.map((tab) => {
            const active = query.status === tab.value;
            return (
              <Link
                key={tab.value}
                href={href({ status: tab.value })}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium",
                  active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {tab.label}
              </Link>
            );
          })}
          <span className="tabular ml-auto self-center pb-1 text-sm text-slate-500">{formatMoney(list.totalCents)}</span>
        </nav>
        {list.rows.length === 0 ? (
          <EmptyState title="No payments here yet">Pay a bill from the Bills page, or mark one as paid.</EmptyState>
        ) : (
          <>
          {/* On a phone each payment is a stacked row; from sm up, the table. */}
          <ul className="divide-y divide-slate-100 sm:hidden" aria-label="Payments">
            {list.rows.map((payment) => (
              <li key={payment.id} className="space-y-1 px-4 py-3 text-sm">
                <div className="flex items-baseline justify-between gap-3">
                  <Link href={`${base}/payments/${payment.id}`} className="font-medium text-brand-700 hover:underline">
                    {formatIsoDate(payment.paidDate ?? payment.processDate)}
                  </Link>
                  <span className="tabular font-semibold text-slate-900">{formatMoney(payment.amountCents, payment.currency)}</span>
                </div>
                <p className="text-slate-900">
                  {payment.vendorName} ·{" "}
                  <Link href={`${base}/bills/${payment.billId}`} className="font-medium text-brand-700 hover:underline">{payment.billNumber}</Link>
                </p>
                <p className="text-slate-600">
                  {payment.kind === "electronic" ? "Electronic" : "Marked as paid"} · {payment.bankAccountName}
                  {!payment.syncToQbo ? " · Not synced to QuickBooks" : ""}
                </p>
                <div className="flex items-center justify-between gap-3">
                  <PaymentStatusBadge status={payment.status} />
                  <VoidBillPaymentButton orgSlug={org.slug} payment={payment} allowed={mayPay} />
                </div>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto sm:block">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-3">Date</th>
                  <th scope="col" className="px-4 py-3">Vendor</th>
                  <th scope="col" className="px-4 py-3">Bill</th>
                  <th scope="col" className="px-4 py-3">Method</th>
                  <th scope="col" className="px-4 py-3">Bank account</th>
                  <th scope="col" className="px-4 py-3">Status</th>
                  <th scope="col" className="px-4 py-3 text-right">Amount</th>
                  <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {list.rows.map((payment) => (
                  <tr key={payment.id} className="hover:bg-slate-50">
                    <td className="tabular whitespace-nowrap px-4 py-3">
                      <Link href={`${base}/payments/${payment.id}`} className="font-medium text-brand-700 hover:underline" aria-label={`Payment of ${formatMoney(payment.amountCents, payment.currency)} for bill ${payment.billNumber}`}>
                        {formatIsoDate(payment.paidDate ?? payment.processDate)}
                      </Link>
                    </td>
                    <td className="px-4 py-3 text-slate-900">{payment.vendorName}</td>
                    <td className="whitespace-nowrap px-4 py-3">
                      <Link href={`${base}/bills/${payment.billId}`} className="font-medium text-brand-700 hover:underline">{payment.billNumber}</Link>
                    </td>
                    <td className="px-4 py-3 text-slate-600">
                      {payment.kind === "electronic" ? "Electronic" : "Marked as paid"}
                      {payment.reference ? <span className="text-slate-500"> · {payment.reference}</span> : null}
                      {!payment.syncToQbo ? <span className="block text-xs text-slate-500">Not synced to QuickBooks</span> : null}
                    </td>
                    <td className="px-4 py-3 text-slate-600">{payment.bankAccountName}</td>
                    <td className="px-4 py-3"><PaymentStatusBadge status={payment.status} /></td>
                    <td className="tabular whitespace-nowrap px-4 py-3 text-right font-medium text-slate-900">{formatMoney(payment.amountCents, payment.currency)}</td>
                    <td className="px-4 py-3 text-right">
                      <VoidBillPaymentButton orgSlug={org.slug} payment={payment} allowed={mayPay} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          </>
        )}
        <Pagination page={list.page} pageSize={list.pageSize} total={list.total} hrefFor={(page) => href({ page })} />
      </Card>

      <section className="mt-8" aria-labelledby="transfers-heading">
        <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id="transfers-heading" className="text-lg font-semibold text-slate-900">Funds transfers</h2>
            <p className="text-sm text-slate-600">Each lump sum that left a bank account through Money Out Clearing, and the payments in it.</p>
          </div>
          <Link href={`${base}/reports/funds-transfers`} className="text-sm font-medium text-brand-700 hover:underline">Funds Transfer Detail report →</Link>
        </div>
        {transfers.length === 0 ? (
          <Card><EmptyState title="No funds transfers yet">They appear when scheduled payments are processed.</EmptyState></Card>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            {transfers.map((transfer) => (
              <Card key={transfer.id} className="min-w-0 p-5">
                <div data-testid="funds-transfer" className="contents">
                  <div className="flex items-start justify-between gap-3">
                    <div className="flex items-center gap-3">
                      <span className="rounded-lg bg-slate-100 p-2 text-slate-600"><ArrowRightLeft className="size-4" aria-hidden /></span>
                      <div>
                        <p className="font-medium text-slate-900">{formatIsoDate(transfer.transferDate)} · {transfer.bankAccountName}</p>
                        <p className="text-xs text-slate-500">{transfer.payments.length} payment{transfer.payments.length === 1 ? "" : "s"}{transfer.qboId ? ` · QuickBooks #${transfer.qboId}` : ""}</p>
                      </div>
                    </div>
                    <p className="tabular text-lg font-semibold text-slate-900">{formatMoney(transfer.amountCents)}</p>
                  </div>
                  <ul className="mt-3 divide-y divide-slate-100 border-t border-slate-100 text-sm">
                    {transfer.payments.map((payment) => (
                      <li key={payment.id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2">
                        <span className="min-w-0 truncate">
                          <Link href={`${base}/bills/${payment.billId}`} className="font-medium text-brand-700 hover:underline">{payment.billNumber}</Link>
                          <span className="text-slate-600"> · {payment.vendorName}</span>
                        </span>
                        <span className="flex items-center gap-2">
                          <PaymentStatusBadge status={payment.status} />
                          <span className="tabular text-slate-900">{formatMoney(payment.amountCents)}</span>
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              </Card>
            ))}
          </div>
        )}
      </section>
    </>
  );
}

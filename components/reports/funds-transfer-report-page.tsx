import { ArrowDownLeft, ArrowUpRight, CheckCircle2, TriangleAlert } from "lucide-react";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { formatIsoDate } from "@/components/ui/format";
import { formatMoney, type ClearingPaymentRecord, type ClearingTotals, type MoneyDirection } from "@/lib/ap";
import { requireOrg } from "@/lib/auth/guard";
import { loadFundsTransferReport } from "@/lib/reports/funds-transfers";
import { parseDateRange } from "@/lib/reports/report-params";
import { ReportFilters, ReportHeader } from "./report-header";
import { ExportCsvLink } from "@/components/exports/export-csv-link";
import { PrintButton } from "@/components/print/print-button";

const CLEARING: Record<MoneyDirection, string> = { out: "Money Out Clearing", in: "Money In Clearing" };

function QboId({ id }: { id: string | null }) {
  return id ? <span className="font-mono text-xs text-slate-700">{id}</span> : <span className="text-xs text-slate-400">Not synced</span>;
}

function Direction({ direction }: { direction: MoneyDirection }) {
  return direction === "out" ? (
    <span className="inline-flex items-center gap-1 text-slate-700"><ArrowUpRight className="h-4 w-4 text-amber-600" aria-hidden />Money out</span>
  ) : (
    <span className="inline-flex items-center gap-1 text-slate-700"><ArrowDownLeft className="h-4 w-4 text-emerald-600" aria-hidden />Money in</span>
  );
}

function PaymentRows({ payments }: { payments: ClearingPaymentRecord[] }) {
  return (
    <>
      {payments.map((payment) => (
        <tr key={payment.id} className="text-slate-600">
          <td className="py-2 pl-12 pr-4">{payment.direction === "out" ? "Bill payment" : "Received payment"}</td>
          <td className="px-4 py-2">
            <span className="text-slate-800">{payment.partyName}</span>
            <span className="ml-2 text-slate-500">{payment.direction === "out" ? "Bill" : "Invoice"} {payment.documentNumber ?? "—"}</span>
          </td>
          <td className="tabular px-4 py-2">{formatIsoDate(payment.date)}</td>
          <td className="px-4 py-2"><QboId id={payment.qboId} /></td>
          <td className="tabular px-4 py-2 text-right">{formatMoney(payment.amountCents)}</td>
        </tr>
      ))}
    </>
  );
}

function Reconciliation({ direction, totals }: { direction: MoneyDirection; totals: ClearingTotals }) {
  return (
    <Card className="p-5">
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">{CLEARING[direction]}</h2>
          <p className="text-xs text-slate-500">{totals.transferCount} {totals.transferCount === 1 ? "transfer" : "transfers"}</p>
        </div>
        {totals.reconciles ? (
          <span className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2.5 py-1 text-sm font-medium text-emerald-700 ring-1 ring-emerald-200">
            <CheckCircle2 className="h-4 w-4" aria-hidden /> Reconciled
          </span>
        ) : (
          <span className="inline-flex items-center gap-1 rounded-full bg-amber-50 px-2.5 py-1 text-sm font-medium text-amber-800 ring-1 ring-amber-200">
            <TriangleAlert className="h-4 w-4" aria-hidden /> Difference {formatMoney(totals.clearingBalanceCents)}
          </span>
        )}
      </div>
      <dl className="mt-4 space-y-1.5 text-sm">
        <div className="flex justify-between"><dt className="text-slate-600">Payments in transfers</dt><dd className="tabular text-slate-900">{formatMoney(totals.paymentsInTransfersCents)}</dd></div>
        <div className="flex justify-between"><dt className="text-slate-600">Payments not yet transferred</dt><dd className="tabular text-slate-900">{formatMoney(totals.unassignedPaymentsCents)}</dd></div>
        <div className="flex justify-between"><dt className="text-slate-600">Funds transfers</dt><dd className="tabular text-slate-900">− {formatMoney(totals.transfersCents)}</dd></div>
        <div className="flex justify-between border-t border-slate-200 pt-1.5 font-semibold"><dt className="text-slate-900">Clearing balance</dt><dd className="tabular text-slate-900">{formatMoney(totals.clearingBalanceCents)}</dd></div>
      </dl>
    </Card>
  );
}

export async function FundsTransferReportPage({ orgSlug, searchParams }: { orgSlug: string; searchParams: Record<string, string | string[] | undefined> }) {
  const { org, db } = await requireOrg(orgSlug, "data.read");
  const range = parseDateRange(searchParams);
  const report = await loadFundsTransferReport(db, org.organizationId, range);
  const period = range.from || range.to ? `${range.from ? formatIsoDate(range.from) : "the beginning"} – ${range.to ? formatIsoDate(range.to) : "today"}` : "All dates";
  return (
    <>
      <ReportHeader
        orgSlug={org.slug}
        title="Funds Transfer Detail"
        description={`Each lump sum that left or reached the bank through a clearing account, and the payments in it. ${period}.`}
        actions={
          <>
            <ExportCsvLink orgSlug={org.slug} kind="funds-transfers" searchParams={searchParams} />
            <PrintButton />
          </>
        }
      />
      <ReportFilters resetHref={`/o/${org.slug}/reports/funds-transfers`}>
        <div className="w-44"><Field label="From" name="from"><Input name="from" type="date" defaultValue={range.from} /></Field></div>
        <div className="w-44"><Field label="To" name="to"><Input name="to" type="date" defaultValue={range.to} /></Field></div>
      </ReportFilters>

      <div className="mb-6 grid gap-4 md:grid-cols-2">
        <Reconciliation direction="out" totals={report.totals.out} />
        <Reconciliation direction="in" totals={report.totals.in} />
      </div>

      <Card>
        {report.sections.length === 0 && report.unassignedPayments.length === 0 ? (
          <EmptyState title="No funds transfers in this period">Electronic payments processed on the same day leave the bank as one funds transfer.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-3">Transfer / payment</th>
                  <th scope="col" className="px-4 py-3">Bank account / party</th>
                  <th scope="col" className="px-4 py-3">Date</th>
                  <th scope="col" className="px-4 py-3">QBO id</th>
                  <th scope="col" className="px-4 py-3 text-right">Amount</th>
                </tr>
              </thead>
              {report.sections.map((section) => (
                <tbody key={section.transfer.id} className="border-t border-slate-200">
                  <tr className="bg-white font-medium text-slate-900">
                    <td className="px-4 py-3"><Direction direction={section.transfer.direction} /></td>
                    <td className="px-4 py-3">{section.transfer.bankAccountName ?? "—"}</td>
                    <td className="tabular px-4 py-3">{formatIsoDate(section.transfer.transferDate)}</td>
                    <td className="px-4 py-3"><QboId id={section.transfer.qboId} /></td>
                    <td className="tabular px-4 py-3 text-right">{formatMoney(section.transfer.amountCents)}</td>
                  </tr>
                  <PaymentRows payments={section.payments} />
                  <tr className="text-xs">
                    <td colSpan={4} className="py-2 pl-12 pr-4 text-slate-500">
                      {section.payments.length} {section.payments.length === 1 ? "payment" : "payments"} · {formatMoney(section.paymentsTotalCents)}
                      {section.missingPaymentIds.length > 0 ? ` · ${section.missingPaymentIds.length} voided or missing` : ""}
                    </td>
                    <td className="px-4 py-2 text-right">
                      {section.balanced ? <Badge tone="green">Balanced</Badge> : <Badge tone="amber">Off by {formatMoney(section.differenceCents)}</Badge>}
                    </td>
                  </tr>
                </tbody>
              ))}
              {report.unassignedPayments.length > 0 ? (
                <tbody className="border-t-2 border-slate-200">
                  <tr className="bg-amber-50/60 font-medium text-slate-900">
                    <td colSpan={4} className="px-4 py-3">In transit — payments through clearing not yet in a funds transfer</td>
                    <td className="tabular px-4 py-3 text-right">{formatMoney(report.unassignedPayments.reduce((sum, payment) => sum + payment.amountCents, 0))}</td>
                  </tr>
                  <PaymentRows payments={report.unassignedPayments} />
                </tbody>
              ) : null}
            </table>
          </div>
        )}
      </Card>
    </>
  );
}

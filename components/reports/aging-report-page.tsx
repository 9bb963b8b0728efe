import Link from "next/link";
import { Card, EmptyState } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { AGING_BUCKET_LABELS, AGING_BUCKETS, formatMoney, type AgingReport } from "@/lib/ap";
import { businessToday } from "@/lib/bills/today";
import { requireOrg } from "@/lib/auth/guard";
import { loadApAging, loadArAging } from "@/lib/reports/aging";
import { parseAsOf } from "@/lib/reports/report-params";
import { formatIsoDate } from "@/components/ui/format";
import { ReportFilters, ReportHeader } from "./report-header";
import { ExportCsvLink } from "@/components/exports/export-csv-link";
import { PrintButton } from "@/components/print/print-button";

const KINDS = {
  ap: {
    title: "AP aging",
    description: "Unpaid bills by vendor and how long they are past due.",
    party: "Vendor",
    partyPath: "vendors",
    empty: "No open bills on this date.",
    load: loadApAging,
  },
  ar: {
    title: "AR aging",
    description: "Unpaid invoices by customer and how long they are past due.",
    party: "Customer",
    partyPath: "customers",
    empty: "No open invoices on this date.",
    load: loadArAging,
  },
} as const;

function bucketHeading(bucket: (typeof AGING_BUCKETS)[number]): string {
  return bucket === "current" ? "Current" : bucket === "over90" ? "90+ days" : `${AGING_BUCKET_LABELS[bucket]} days`;
}

export async function AgingReportPage({ kind, orgSlug, searchParams }: { kind: "ap" | "ar"; orgSlug: string; searchParams: Record<string, string | string[] | undefined> }) {
  const { org, db } = await requireOrg(orgSlug, "data.read");
  const config = KINDS[kind];
  const today = businessToday(org.timeZone);
  const asOf = parseAsOf(searchParams, today);
  const report: AgingReport = await config.load(db, org.organizationId, asOf);
  const base = `/o/${org.slug}/reports/${kind}-aging`;
  return (
    <>
      <ReportHeader
        orgSlug={org.slug}
        title={config.title}
        description={`${config.description} As of ${formatIsoDate(asOf)}.`}
        actions={
          <>
            <ExportCsvLink orgSlug={org.slug} kind={`${kind}-aging`} searchParams={searchParams} />
            <PrintButton />
          </>
        }
      />
      <ReportFilters resetHref={base}>
        <div className="w-48">
          <Field label="As of" name="asOf">
            <Input name="asOf" type="date" defaultValue={asOf} />
          </Field>
        </div>
      </ReportFilters>
      <Card>
        {report.rows.length === 0 ? (
          <EmptyState title={config.empty}>Open balances appear here once they exist on the chosen date.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-3 text-left">{config.party}</th>
                  {AGING_BUCKETS.map((bucket) => (
                    <th key={bucket} scope="col" className="px-4 py-3 text-right">{bucketHeading(bucket)}</th>
                  ))}
                  <th scope="col" className="px-4 py-3 text-right">Total</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {report.rows.map((row) => (
                  <tr key={row.partyId} className="hover:bg-slate-50">
                    <th scope="row" className="px-4 py-3 text-left font-medium">
                      <Link href={`/o/${org.slug}/${config.partyPath}/${row.partyId}`} className="text-brand-700 hover:underline">{row.partyName}</Link>
                      <span className="block text-xs font-normal text-slate-500">
                        {row.documentCount} open {kind === "ap" ? (row.documentCount === 1 ? "bill" : "bills") : row.documentCount === 1 ? "invoice" : "invoices"}
                      </span>
                    </th>
                    {AGING_BUCKETS.map((bucket) => (
                      <td key={bucket} className={`tabular px-4 py-3 text-right ${row.buckets[bucket] === 0 ? "text-slate-300" : bucket === "over90" ? "font-medium text-red-700" : "text-slate-800"}`}>
                        {row.buckets[bucket] === 0 ? "—" : formatMoney(row.buckets[bucket])}
                      </td>
                    ))}
                    <td className="tabular px-4 py-3 text-right font-semibold text-slate-900">{formatMoney(row.totalCents)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot className="border-t-2 border-slate-300 bg-slate-50">
                <tr>
                  <th scope="row" className="px-4 py-3 text-left font-semibold text-slate-900">Total</th>
                  {AGING_BUCKETS.map((bucket) => (
                    <td key={bucket} className="tabular px-4 py-3 text-right font-semibold text-slate-900">{formatMoney(report.totals[bucket])}</td>
                  ))}
                  <td className="tabular px-4 py-3 text-right text-base font-bold text-slate-900">{formatMoney(report.totalCents)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </Card>
      <p className="mt-3 text-xs text-slate-500">
        Days past due are counted from each document&apos;s due date to the as-of date. Documents dated after the as-of date are left out; balances are current open balances.
      </p>
    </>
  );
}

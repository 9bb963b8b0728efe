import Link from "next/link";
import { formatIsoDate } from "@/components/ui/format";
import { ButtonLink } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ExportCsvLink } from "@/components/exports/export-csv-link";
import { Input } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { formatMoney } from "@/lib/ap/money";
import { requireOrg } from "@/lib/auth/guard";
import { parseReceivedPaymentListQuery, type ReceivedPaymentListQuery } from "@/lib/received-payments/list-query";
import { listReceivedPayments, type ReceivedPaymentListRow } from "@/lib/received-payments/queries";

function SyncStatus({ sync }: { sync: ReceivedPaymentListRow["sync"] }) {
  switch (sync.state) {
    case "synced":
      return <Badge tone="green">Synced · QBO #{sync.qboId}</Badge>;
    case "pending":
      return <Badge tone="blue">Goes with the next sync</Badge>;
    case "issue":
      return (
        <span className="flex flex-col gap-0.5">
          <Badge tone={sync.severity === "failure" ? "red" : "amber"}>{sync.severity === "failure" ? "Failed" : "Skipped"}</Badge>
          <span className="text-xs text-slate-500">{sync.title}</span>
        </span>
      );
    case "not_connected":
      return <Badge>QuickBooks not connected</Badge>;
    default:
      return <span className="text-slate-400">Never synced</span>;
  }
}

function FundsTransferCell({ row }: { row: ReceivedPaymentListRow }) {
  if (row.kind !== "electronic") return <span className="text-slate-400">None (deposited directly)</span>;
  if (!row.fundsTransferId || !row.transferDate) {
    return row.status === "voided" ? <span className="text-slate-400">None</span> : <span className="text-slate-600">In Money In Clearing until the next sync</span>;
  }
  return (
    <span className="flex flex-col">
      <span className="tabular text-slate-800">{formatIsoDate(row.transferDate)} · {formatMoney(row.transferAmountCents ?? 0)}</span>
      <span className="text-xs text-slate-500">{row.transferQboId ? `Journal entry QBO #${row.transferQboId}` : "Journal entry goes with the next sync"}</span>
    </span>
  );
}

export async function ReceivedPaymentsPage({ orgSlug, searchParams }: { orgSlug: string; searchParams: Record<string, string | string[] | undefined> }) {
  const { org, db } = await requireOrg(orgSlug, "data.read");
  const query = parseReceivedPaymentListQuery(searchParams);
  const list = await listReceivedPayments(db, org.organizationId, query);
  const base = `/o/${org.slug}`;
  const href = (changes: Partial<ReceivedPaymentListQuery>) => {
    const next = { ...query, page: 1, ...changes };
    const params = new URLSearchParams();
    if (next.q) params.set("q", next.q);
    if (next.from) params.set("from", next.from);
    if (next.to) params.set("to", next.to);
    if (next.page > 1) params.set("page", String(next.page));
    const text = params.toString();
    return text ? `${base}/received-payments?${text}` : `${base}/received-payments`;
  };
  const filtered = query.q !== "" || Boolean(query.from) || Boolean(query.to);

  return (
    <>
      <PageHeader
        title="Received payments"
        description="Money customers paid against invoices. Electronic payments pass Money In Clearing and reach the bank in one funds transfer per day."
        actions={
          <>
            <ExportCsvLink orgSlug={org.slug} kind="received-payments" searchParams={searchParams} />
            <ButtonLink href={`${base}/reports/funds-transfers`} variant="secondary">Funds Transfer Detail report</ButtonLink>
          </>
        }
      />
      <Card>
        <form role="search" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3">
          <div className="min-w-[14rem] flex-1">
            <label htmlFor="q" className="mb-1 block text-xs font-medium text-slate-600">Search</label>
            <Input id="q" name="q" type="search" placeholder="Customer, invoice number or reference" defaultValue={query.q} />
          </div>
          <div>
            <label htmlFor="from" className="mb-1 block text-xs font-medium text-slate-600">Received from</label>
            <Input id="from" name="from" type="date" defaultValue={query.from ?? ""} />
          </div>
          <div>
            <label htmlFor="to" className="mb-1 block text-xs font-medium text-slate-600">to</label>
            <Input id="to" name="to" type="date" defaultValue={query.to ?? ""} />
          </div>
          <button type="submit" className="rounded-md bg-slate-800 px-3.5 py-2 text-sm font-medium text-white hover:bg-slate-900">Search</button>
          {filtered ? <Link href={href({ q: "", from: undefined, to: undefined })} className="py-2 text-sm font-medium text-brand-700 hover:underline">Clear</Link> : null}
        </form>
        {list.rows.length === 0 ? (
          <EmptyState
            title={filtered ? "No received payments match" : "No payments received yet"}
            action={filtered ? <ButtonLink href={href({ q: "", from: undefined, to: undefined })} variant="secondary">Clear filters</ButtonLink> : <ButtonLink href={`${base}/invoices`} variant="secondary">Go to invoices</ButtonLink>}
          >
            {filtered ? "Try another customer, invoice number, reference or dates." : "Record a payment from an invoice's page."}
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-3">Date</th>
                  <th scope="col" className="px-4 py-3">Customer</th>
                  <th scope="col" className="px-4 py-3">Invoice</th>
                  <th scope="col" className="px-4 py-3">Deposited to</th>
                  <th scope="col" className="px-4 py-3">Funds transfer</th>
                  <th scope="col" className="px-4 py-3">QuickBooks</th>
                  <th scope="col" className="px-4 py-3 text-right">Amount</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {list.rows.map((row) => {
                  const voided = row.status === "voided";
                  return (
                    <tr key={row.id} data-testid="received-payment" className={voided ? "text-slate-400" : "hover:bg-slate-50"}>
                      <td className="tabular whitespace-nowrap px-4 py-3">
                        <Link href={`/o/${org.slug}/received-payments/${row.id}`} className="font-medium text-brand-700 hover:underline" aria-label={`Payment of ${formatMoney(row.amountCents, row.currency)} on invoice ${row.invoiceNumber}`}>
                          {formatIsoDate(row.receivedDate)}
                        </Link>
                      </td>
                      <td className="px-4 py-3">
                        <Link href={`${base}/customers/${row.customerId}`} className="text-slate-900 hover:underline">{row.customerName}</Link>
                      </td>
                      <td className="whitespace-nowrap px-4 py-3">
                        <Link href={`${base}/invoices/${row.invoiceId}`} className="font-medium text-brand-700 hover:underline">{row.invoiceNumber}</Link>
                        {row.reference ? <span className="block text-xs text-slate-500">Ref. {row.reference}</span> : null}
                      </td>
                      <td className="px-4 py-3">
                        {row.kind === "electronic" ? (
                          <span className="flex flex-col">
                            <span className="text-slate-800">Money In Clearing → {row.depositAccountName ?? "—"}</span>
                            <span className="text-xs text-slate-500">Electronic</span>
                          </span>
                        ) : (
                          <span className="flex flex-col">
                            <span className="text-slate-800">{row.depositAccountName ?? "—"}</span>
                            <span className="text-xs text-slate-500">Received outside the app</span>
                          </span>
                        )}
                      </td>
                      <td className="px-4 py-3"><FundsTransferCell row={row} /></td>
                      <td className="px-4 py-3">
                        {voided ? <span className="mb-1 block"><Badge>Voided</Badge></span> : null}
                        <SyncStatus sync={row.sync} />
                      </td>
                      <td className={`tabular whitespace-nowrap px-4 py-3 text-right font-medium ${voided ? "line-through" : "text-slate-900"}`}>{formatMoney(row.amountCents, row.currency)}</td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot className="border-t-2 border-slate-200 bg-slate-50 text-sm">
                <tr>
                  <th scope="row" colSpan={6} className="px-4 py-3 text-left font-medium text-slate-700">
                    Received, not voided ({list.total.toLocaleString("en-US")} {list.total === 1 ? "payment" : "payments"} listed)
                  </th>
                  <td className="tabular px-4 py-3 text-right font-semibold text-slate-900">{formatMoney(list.totalCents)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
        <Pagination page={list.page} pageSize={list.pageSize} total={list.total} hrefFor={(page) => href({ page })} />
      </Card>
    </>
  );
}

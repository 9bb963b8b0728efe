import Link from "next/link";
import { redirect } from "next/navigation";
import { ArrowDown, ArrowUp, Plus } from "lucide-react";
import { BulkBar, BulkSelection, RowCheckbox, SelectAllCheckbox } from "@/components/lists/bulk-selection";
import { ListFiltersForm } from "@/components/lists/list-filters-form";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ExportCsvLink } from "@/components/exports/export-csv-link";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { formatMoney } from "@/lib/ap";
import { businessToday } from "@/lib/bills/today";
import { requireOrg } from "@/lib/auth/guard";
import { canDo } from "@/lib/auth/permissions";
import { counterpartyChoices } from "@/lib/counterparties/repository";
import { bulkVoidInvoicesAction } from "@/lib/invoices/actions";
import { invoiceListQuery, type InvoiceListQuery, type InvoiceSort, type InvoiceStatusFilter } from "@/lib/invoices/list-query";
import { listInvoices } from "@/lib/invoices/queries";
import { formatIsoDate } from "@/components/ui/format";
import { InvoiceStatusBadge } from "./invoice-status-badge";

const STATUS_TABS: { value: InvoiceStatusFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "unpaid", label: "Unpaid" },
  { value: "partially_paid", label: "Partially paid" },
  { value: "paid", label: "Paid" },
  { value: "voided", label: "Voided" },
];

const COLUMNS: { sort: InvoiceSort; label: string; align?: "right" }[] = [
  { sort: "invoiceNumber", label: "Number" },
  { sort: "customer", label: "Customer" },
  { sort: "invoiceDate", label: "Date" },
  { sort: "dueDate", label: "Due" },
  { sort: "total", label: "Total", align: "right" },
  { sort: "openBalance", label: "Open balance", align: "right" },
  { sort: "status", label: "Status" },
];

export async function InvoiceListPage({ orgSlug, searchParams }: { orgSlug: string; searchParams: Record<string, string | string[] | undefined> }) {
  const { org, db } = await requireOrg(orgSlug, "data.read");
  const query = invoiceListQuery.parse(searchParams);
  const base = `/o/${org.slug}/invoices`;
  if (invoiceListQuery.hasBlankFilters(searchParams)) redirect(invoiceListQuery.href(base, query));
  const today = businessToday(org.timeZone);
  const [list, customerChoices] = await Promise.all([
    listInvoices(db, org.organizationId, query, { today }),
    counterpartyChoices(db, org.organizationId, "customer"),
  ]);
  const hrefWith = (changes: Partial<InvoiceListQuery>) => invoiceListQuery.href(base, query, { page: 1, ...changes });
  const filtered = invoiceListQuery.isFiltered(query);
  return (
    <>
      <PageHeader
        title="Invoices"
        description="What your customers owe you, and what they have paid."
        actions={
          <>
            <ExportCsvLink orgSlug={org.slug} kind="invoices" searchParams={searchParams} />
            {canDo({ org }, "invoice.edit") ? (
              <ButtonLink href={`${base}/new`}>
                <Plus className="h-4 w-4" aria-hidden /> New invoice
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <Card>
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 pt-3">
          <nav aria-label="Invoice status" className="-mb-px flex gap-1 overflow-x-auto">
            {STATUS_TABS.map((tab) => (
              <Link
                key={tab.value}
                href={hrefWith({ status: tab.value })}
                aria-current={tab.value === query.status ? "page" : undefined}
                className={cn(
                  "whitespace-nowrap border-b-2 px-3 pb-2.5 pt-1 text-sm font-medium",
                  tab.value === query.status ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
                )}
              >
                {tab.label}
              </Link>
            ))}
          </nav>
          <form role="search" className="mb-3 flex w-full items-center gap-2 sm:max-w-md sm:flex-1">
            {query.status !== "all" ? <input type="hidden" name="status" value={query.status} /> : null}
            {query.party ? <input type="hidden" name="party" value={query.party} /> : null}
            {query.from ? <input type="hidden" name="from" value={query.from} /> : null}
            {query.to ? <input type="hidden" name="to" value={query.to} /> : null}
            {query.due !== "any" ? <input type="hidden" name="due" value={query.due} /> : null}
            {query.sync !== "any" ? <input type="hidden" name="sync" value={query.sync} /> : null}
            {query.sort !== "invoiceDate" ? <input type="hidden" name="sort" value={query.sort} /> : null}
            {query.dir !== "desc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
            <label htmlFor="q" className="sr-only">Search invoices</label>
            <Input name="q" type="search" placeholder="Search by number or customer" defaultValue={query.q} />
            <button type="submit" className="rounded-md bg-slate-800 px-3.5 py-2 text-sm font-medium text-white hover:bg-slate-900">Search</button>
          </form>
        </div>
        <BulkSelection pageIds={list.rows.map((row) => row.id)}>
        <div className="space-y-3 border-b border-slate-200 p-4">
          <ListFiltersForm base={base} query={query} defaults={invoiceListQuery.defaults} partyLabel="Customer" parties={customerChoices} dateLabel="Invoice date" />
          <BulkBar
            orgSlug={org.slug}
            noun={{ one: "invoice", many: "invoices" }}
            labels={Object.fromEntries(list.rows.map((row) => [row.id, row.invoiceNumber]))}
            exportUrl={`/api/orgs/${org.slug}/invoices/export`}
            voidAction={canDo({ org }, "invoice.edit") ? bulkVoidInvoicesAction : undefined}
          />
        </div>
        {list.rows.length === 0 ? (
          <EmptyState
            title={filtered ? "No invoices match" : "No invoices yet"}
            action={filtered ? <ButtonLink href={base} variant="secondary">Clear filters</ButtonLink> : canDo({ org }, "invoice.edit") ? <ButtonLink href={`${base}/new`}>Create your first invoice</ButtonLink> : null}
          >
            {filtered ? "Try another number or customer name, another status or filter." : "Invoices you create here sync to QuickBooks Online."}
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="w-10 px-4 py-3"><SelectAllCheckbox /></th>
                  {COLUMNS.map((column) => {
                    const active = query.sort === column.sort;
                    return (
                      <th
                        key={column.sort}
                        scope="col"
                        aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}
                        className={cn("px-4 py-3", column.align === "right" && "text-right")}
                      >
                        <Link href={invoiceListQuery.sortHref(base, query, column.sort)} className={cn("inline-flex items-center gap-1 hover:text-slate-800", active && "text-slate-800")}>
                          {column.label}
                          {active ? (query.dir === "asc" ? <ArrowUp className="h-3 w-3" aria-hidden /> : <ArrowDown className="h-3 w-3" aria-hidden />) : null}
                        </Link>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {list.rows.map((row) => (
                  <tr key={row.id} className="hover:bg-slate-50">
                    <td className="px-4 py-3"><RowCheckbox id={row.id} label={`Select invoice ${row.invoiceNumber}`} /></td>
                    <td className="px-4 py-3 font-medium">
                      <Link href={`${base}/${row.id}`} className="text-brand-700 hover:underline">{row.invoiceNumber}</Link>
                    </td>
                    <td className="px-4 py-3 text-slate-800">{row.customerName}</td>
                    <td className="tabular px-4 py-3 text-slate-600">{formatIsoDate(row.invoiceDate)}</td>
                    <td className="tabular px-4 py-3 text-slate-600">{formatIsoDate(row.dueDate)}</td>
                    <td className="tabular px-4 py-3 text-right text-slate-900">{formatMoney(row.totalCents, row.currency)}</td>
                    <td className="tabular px-4 py-3 text-right font-medium text-slate-900">{formatMoney(row.openBalanceCents, row.currency)}</td>
                    <td className="px-4 py-3">
                      <InvoiceStatusBadge status={row.status} overdue={row.dueDate < today} />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot className="border-t-2 border-slate-200 bg-slate-50 text-sm">
                <tr>
                  <th scope="row" colSpan={5} className="px-4 py-3 text-left font-medium text-slate-700">
                    Total of {list.total.toLocaleString("en-US")} {list.total === 1 ? "invoice" : "invoices"}
                  </th>
                  <td className="tabular px-4 py-3 text-right font-semibold text-slate-900">{formatMoney(list.totalCents)}</td>
                  <td className="tabular px-4 py-3 text-right font-semibold text-slate-900">{formatMoney(list.openBalanceCents)}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
        )}
        </BulkSelection>
        <Pagination page={list.page} pageSize={list.pageSize} total={list.total} hrefFor={(page) => hrefWith({ page })} />
      </Card>
    </>
  );
}

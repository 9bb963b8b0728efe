import { Plus } from "lucide-react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { formatMoney } from "@/lib/ap/money";
import { requireOrg } from "@/lib/auth/guard";
import { canDo } from "@/lib/auth/permissions";
import { bulkVoidBillsAction } from "@/lib/bills/actions";
import { listBills } from "@/lib/bills/bill-queries";
import { BILL_TABS, billListQuery, type BillSort } from "@/lib/bills/list-query";
import { businessToday } from "@/lib/bills/today";
import { counterpartyChoices } from "@/lib/counterparties/repository";
import { bulkMarkBillsPaidAction, bulkScheduleBillsAction } from "@/lib/payments/actions";
import { loadPickerAccounts } from "@/lib/reference/picker-accounts";
import { BulkBar, BulkSelection, RowCheckbox, SelectAllCheckbox } from "@/components/lists/bulk-selection";
import { ListFiltersForm } from "@/components/lists/list-filters-form";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { cn } from "@/components/ui/cn";
import { ExportCsvLink } from "@/components/exports/export-csv-link";
import { formatIsoDate } from "@/components/ui/format";
import { SortHeader } from "./sort-header";
import { BillStatusBadge } from "./status-badges";

export async function BillListPage({ orgSlug, searchParams }: { orgSlug: string; searchParams: Record<string, string | string[] | undefined> }) {
  const { org, db } = await requireOrg(orgSlug, "data.read");
  const query = billListQuery.parse(searchParams);
  const base = `/o/${org.slug}/bills`;
  if (billListQuery.hasBlankFilters(searchParams)) redirect(billListQuery.href(base, query));
  const today = businessToday(org.timeZone);
  const [list, vendors, bankAccounts] = await Promise.all([
    listBills(db, org.organizationId, query, { today }),
    counterpartyChoices(db, org.organizationId, "vendor"),
    loadPickerAccounts(db, org.organizationId, "payment_source"),
  ]);
  const billListHref = billListQuery.href;
  const header = (label: string, sort: BillSort, align: "left" | "right" = "left") => (
    <SortHeader label={label} active={query.sort === sort} dir={query.dir} href={billListQuery.sortHref(base, query, sort)} align={align} />
  );
  const filtered = billListQuery.isFiltered(query);

  return (
    <>
      <PageHeader
        title="Bills"
        description="What you owe your vendors, and when."
        actions={
          <>
            <ExportCsvLink orgSlug={org.slug} kind="bills" searchParams={searchParams} />
            {canDo({ org }, "bill.edit") ? (
              <ButtonLink href={`${base}/new`}>
                <Plus className="size-4" aria-hidden /> New bill
              </ButtonLink>
            ) : null}
          </>
        }
      />

      <div className="mb-4 grid gap-4 sm:grid-cols-3">
        <Stat label={filtered ? "Bills in this view" : "Bills"} value={list.total.toLocaleString("en-US")} />
        <Stat label="Total billed" value={formatMoney(list.totalCents)} />
        <Stat label="Open balance" value={formatMoney(list.openBalanceCents)} emphasis />
      </div>

      <Card>
        <nav aria-label="Bill status" className="flex gap-1 overflow-x-auto border-b border-slate-200 px-3 pt-2">
          {BILL_TABS.map((tab) => {
            const active = query.status === tab.value;
            return (
              <Link
                key={tab.value}
                href={billListHref(base, query, { status: tab.value, page: 1 })}
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
        </nav>
        <BulkSelection pageIds={list.rows.map((bill) => bill.id)}>
        <div className="space-y-3 border-b border-slate-200 p-4">
          <form className="flex w-full items-center gap-2" role="search">
            {query.status !== "all" ? <input type="hidden" name="status" value={query.status} /> : null}
            {query.party ? <input type="hidden" name="party" value={query.party} /> : null}
            {query.from ? <input type="hidden" name="from" value={query.from} /> : null}
            {query.to ? <input type="hidden" name="to" value={query.to} /> : null}
            {query.due !== "any" ? <input type="hidden" name="due" value={query.due} /> : null}
            {query.sync !== "any" ? <input type="hidden" name="sync" value={query.sync} /> : null}
            {query.sort !== "due" ? <input type="hidden" name="sort" value={query.sort} /> : null}
            {query.dir !== "asc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
            <div className="w-full max-w-md">
              <label htmlFor="q" className="sr-only">Search bills</label>
              <Input name="q" type="search" placeholder="Search by bill number or vendor" defaultValue={query.q} />
            </div>
            <Button type="submit" variant="secondary">Search</Button>
          </form>
          <ListFiltersForm base={base} query={query} defaults={billListQuery.defaults} partyLabel="Vendor" parties={vendors} dateLabel="Bill date" />
          <BulkBar
            orgSlug={org.slug}
            noun={{ one: "bill", many: "bills" }}
            labels={Object.fromEntries(list.rows.map((bill) => [bill.id, bill.billNumber]))}
            exportUrl={`/api/orgs/${org.slug}/bills/export`}
            voidAction={canDo({ org }, "bill.edit") ? bulkVoidBillsAction : undefined}
            payments={
              canDo({ org }, "payment.edit")
                ? {
                  scheduleAction: bulkScheduleBillsAction,
                  markPaidAction: bulkMarkBillsPaidAction,
                  payHref: `${base}/pay`,
                  paymentsHref: `/o/${org.slug}/payments`,
                  bankAccounts: bankAccounts.accounts,
                  defaultBankAccountId: bankAccounts.defaultId,
                  today,
                  }
                : undefined
            }
          />
        </div>

        {list.rows.length === 0 ? (
          <EmptyState
            title={filtered ? "No bills match" : "No bills yet"}
            action={filtered ? <ButtonLink href={base} variant="secondary">Clear filters</ButtonLink> : canDo({ org }, "bill.edit") ? <ButtonLink href={`${base}/new`}>Enter your first bill</ButtonLink> : null}
          >
            {filtered ? "Try another status, filter or search." : "Enter a bill from a vendor, or connect QuickBooks Online to bring in your unpaid bills."}
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="w-10 px-4 py-3"><SelectAllCheckbox /></th>
                  {header("Number", "number")}
                  {header("Vendor", "vendor")}
                  {header("Bill date", "date")}
                  {header("Due date", "due")}
                  {header("Status", "status")}
                  {header("Amount", "amount", "right")}
                  {header("Open balance", "open", "right")}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {list.rows.map((bill) => {
                  const overdue = bill.dueDate < today && bill.openBalanceCents > 0;
                  return (
                    <tr key={bill.id} className="hover:bg-slate-50">
                      <td className="px-4 py-3">
                        <RowCheckbox id={bill.id} label={`Select bill ${bill.billNumber}`} />
                      </td>
                      <td className="whitespace-nowrap px-4 py-3 font-medium">
                        <Link href={`${base}/${bill.id}`} className="text-brand-700 hover:underline">
                          {bill.billNumber}
                        </Link>
                      </td>
                      <td className="px-4 py-3 text-slate-700">{bill.vendorName}</td>
                      <td className="tabular whitespace-nowrap px-4 py-3 text-slate-600">{formatIsoDate(bill.billDate)}</td>
                      <td className={cn("tabular whitespace-nowrap px-4 py-3", overdue ? "font-medium text-red-700" : "text-slate-600")}>{formatIsoDate(bill.dueDate)}</td>
                      <td className="px-4 py-3"><BillStatusBadge status={bill.status} overdue={overdue} /></td>
                      <td className="tabular whitespace-nowrap px-4 py-3 text-right text-slate-900">{formatMoney(bill.totalCents, bill.currency)}</td>
                      <td className="tabular whitespace-nowrap px-4 py-3 text-right font-medium text-slate-900">{formatMoney(bill.openBalanceCents, bill.currency)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        </BulkSelection>
        <Pagination page={list.page} pageSize={list.pageSize} total={list.total} hrefFor={(page) => billListHref(base, query, { page })} />
      </Card>
    </>
  );
}

function Stat({ label, value, emphasis = false }: { label: string; value: string; emphasis?: boolean }) {
  return (
    <Card className="px-5 py-4">
      <p className="text-sm font-medium text-slate-500">{label}</p>
      <p className={cn("tabular mt-1 text-2xl font-semibold", emphasis ? "text-brand-700" : "text-slate-900")}>{value}</p>
    </Card>
  );
}

import { Plus } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatMoney } from "@/lib/ap/money";
import { listAudit } from "@/lib/audit/record-audit";
import { listDocuments } from "@/lib/documents/document-repository";
import { requireOrg } from "@/lib/auth/guard";
import { canDo } from "@/lib/auth/permissions";
import { listOpenBillsForVendor, loadBillFormOptions } from "@/lib/bills/bill-queries";
import { businessToday } from "@/lib/bills/today";
import { loadBillsToPay } from "@/lib/payments/payment-queries";
import { vendorCreditEditRefusal } from "@/lib/ap/vendor-credit";
import { unapplyVendorCreditAction, voidVendorCreditAction } from "@/lib/vendor-credits/actions";
import { creditListQuerySchema, getVendorCreditDetail, listVendorCredits } from "@/lib/vendor-credits/credit-repository";
import { ActionButton } from "@/components/bills/action-button";
import { AuditTrail } from "@/components/audit/audit-trail";
import { DocumentsPanel } from "@/components/documents/documents-panel";
import { RecordSyncPanel } from "@/components/sync/record-sync-panel";
import { formatIsoDate } from "@/components/ui/format";
import { StarterChartPrompt } from "@/components/bills/starter-chart-prompt";
import { BillStatusBadge, VendorCreditStatusBadge } from "@/components/bills/status-badges";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Input, Select } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { ApplyCreditForm } from "./apply-credit-form";
import { VendorCreditForm } from "./vendor-credit-form";
import { isRecordId } from "@/lib/forms/record-id";

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function VendorCreditListPage({ orgSlug, searchParams }: { orgSlug: string; searchParams: SearchParams }) {
  const { org, db } = await requireOrg(orgSlug, "data.read");
  const query = creditListQuerySchema.parse({ q: first(searchParams.q) ?? "", open: first(searchParams.open), page: first(searchParams.page) });
  const list = await listVendorCredits(db, org.organizationId, query);
  const base = `/o/${org.slug}/vendor-credits`;
  const hrefFor = (page: number) => {
    const params = new URLSearchParams();
    if (query.q) params.set("q", query.q);
    if (query.open !== "all") params.set("open", query.open);
    if (page > 1) params.set("page", String(page));
    return params.size > 0 ? `${base}?${params}` : base;
  };
  return (
    <>
      <PageHeader
        title="Vendor credits"
        description="Refunds, returns and rebates from vendors, ready to apply to their bills."
        actions={canDo({ org }, "credit.edit") ? <ButtonLink href={`${base}/new`}><Plus className="size-4" aria-hidden /> New vendor credit</ButtonLink> : null}
      />
      <div className="mb-4 grid gap-4 sm:grid-cols-2">
        <Card className="px-5 py-4">
          <p className="text-sm font-medium text-slate-500">Total credits</p>
          <p className="tabular mt-1 text-2xl font-semibold text-slate-900">{formatMoney(list.totalCents)}</p>
        </Card>
        <Card className="px-5 py-4">
          <p className="text-sm font-medium text-slate-500">Available to apply</p>
          <p className="tabular mt-1 text-2xl font-semibold text-brand-700">{formatMoney(list.balanceCents)}</p>
        </Card>
      </div>
      <Card>
        <form className="flex flex-wrap items-center gap-3 border-b border-slate-200 p-4" role="search">
          <div className="min-w-[16rem] max-w-md flex-1">
            <label htmlFor="q" className="sr-only">Search vendor credits</label>
            <Input name="q" type="search" placeholder="Search by credit number or vendor" defaultValue={query.q} />
          </div>
          <div className="w-56">
            <label htmlFor="open" className="sr-only">Show</label>
            <Select name="open" defaultValue={query.open}>
              <option value="all">All credits</option>
              <option value="open">With a balance left</option>
            </Select>
          </div>
          <Button type="submit" variant="secondary">Search</Button>
        </form>
        {list.rows.length === 0 ? (
          <EmptyState title={query.q || query.open !== "all" ? "No vendor credits match" : "No vendor credits yet"}>
            Record a credit memo from a vendor, then apply it to their open bills.
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-3">Number</th>
                  <th scope="col" className="px-4 py-3">Vendor</th>
                  <th scope="col" className="px-4 py-3">Date</th>
                  <th scope="col" className="px-4 py-3">Status</th>
                  <th scope="col" className="px-4 py-3 text-right">Amount</th>
                  <th scope="col" className="px-4 py-3 text-right">Balance</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {list.rows.map((credit) => (
                  <tr key={credit.id} className="hover:bg-slate-50">
                    <td className="whitespace-nowrap px-4 py-3 font-medium">
                      <Link href={`${base}/${credit.id}`} className="text-brand-700 hover:underline">{credit.creditNumber}</Link>
                    </td>
                    <td className="px-4 py-3 text-slate-700">{credit.vendorName}</td>
                    <td className="tabular whitespace-nowrap px-4 py-3 text-slate-600">{formatIsoDate(credit.creditDate)}</td>
                    <td className="px-4 py-3"><VendorCreditStatusBadge status={credit.status} /></td>
                    <td className="tabular whitespace-nowrap px-4 py-3 text-right text-slate-900">{formatMoney(credit.totalCents, credit.currency)}</td>
                    <td className="tabular whitespace-nowrap px-4 py-3 text-right font-medium text-slate-900">{formatMoney(credit.balanceCents, credit.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={list.page} pageSize={list.pageSize} total={list.total} hrefFor={hrefFor} />
      </Card>
    </>
  );
}

export async function NewVendorCreditPage({ orgSlug, vendorId }: { orgSlug: string; vendorId?: string }) {
  const { org, db } = await requireOrg(orgSlug, "credit.edit");
  const options = await loadBillFormOptions(db, org.organizationId);
  return (
    <>
      <PageHeader title="New vendor credit" description="It syncs to QuickBooks as a vendor credit." />
      {options.expenseAccounts.length === 0 ? (
        <StarterChartPrompt orgSlug={org.slug} isAdmin={canDo({ org }, "settings.manage")} />
      ) : (
        <Card className="p-6">
          <VendorCreditForm orgSlug={org.slug} vendors={options.vendors} lineOptions={options} today={businessToday(org.timeZone)} defaultVendorId={vendorId} />
        </Card>
      )}
    </>
  );
}

export async function EditVendorCreditPage({ orgSlug, creditId }: { orgSlug: string; creditId: string }) {
  const { org, db } = await requireOrg(orgSlug, "credit.edit");
  if (!isRecordId(creditId)) notFound();
  const detail = await getVendorCreditDetail(db, org.organizationId, creditId);
  if (!detail) notFound();
  const { credit } = detail;
  const title = `Edit vendor credit ${credit.creditNumber}`;
  const back = `/o/${org.slug}/vendor-credits/${credit.id}`;
  const refusal = vendorCreditEditRefusal({ voided: credit.voidedAt !== null, appliedCents: detail.appliedCents });
  if (refusal) {
    return (
      <>
        <PageHeader title={title} />
        <Alert tone="warning">{refusal}</Alert>
        <div className="mt-4"><ButtonLink href={back} variant="secondary">Back to the credit</ButtonLink></div>
      </>
    );
  }
  const options = await loadBillFormOptions(db, org.organizationId);
  return (
    <>
      <PageHeader title={title} description={credit.qboId ? "Saving updates the vendor credit in QuickBooks on the next sync." : undefined} />
      <Card className="p-6">
        <VendorCreditForm
          orgSlug={org.slug}
          vendors={options.vendors}
          lineOptions={options}
          today={businessToday(org.timeZone)}
          values={{ ...credit, lines: detail.lines }}
        />
      </Card>
    </>
  );
}

export async function VendorCreditDetailPage({ orgSlug, creditId, created, updated = false }: { orgSlug: string; creditId: string; created: boolean; updated?: boolean }) {
  const { org, db } = await requireOrg(orgSlug, "data.read");
  if (!isRecordId(creditId)) notFound();
  const detail = await getVendorCreditDetail(db, org.organizationId, creditId);
  if (!detail) notFound();
  const { credit } = detail;
  const [events, documents, openBills] = await Promise.all([
    listAudit(db, org.organizationId, "vendor_credit", creditId),
    listDocuments(db, org.organizationId, { kind: "vendor_credit", id: creditId }),
    listOpenBillsForVendor(db, org.organizationId, credit.vendorId),
  ]);
  const payable = (await loadBillsToPay(db, org.organizationId, openBills.map((bill) => bill.id))).filter(
    (bill) => bill.payableCents > 0 && bill.currency === credit.currency,
  );
  const base = `/o/${org.slug}`;
  const money = (cents: number) => formatMoney(cents, credit.currency);
  const voided = credit.voidedAt !== null;
  return (
    <>
      <div className="mb-2 text-sm">
        <Link href={`${base}/vendor-credits`} className="text-slate-500 hover:text-slate-800">← Vendor credits</Link>
      </div>
      <PageHeader
        title={`Vendor credit ${credit.creditNumber}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`${base}/vendors/${credit.vendorId}`} className="font-medium text-slate-800 hover:underline">{detail.vendorName}</Link>
            <VendorCreditStatusBadge status={detail.status} />
          </span>
        }
        actions={
          voided || !canDo({ org }, "credit.edit") ? null : detail.appliedCents === 0 ? (
            <>
              <ButtonLink href={`${base}/vendor-credits/${credit.id}/edit`} variant="secondary">Edit</ButtonLink>
              <ActionButton
                action={voidVendorCreditAction}
                orgSlug={org.slug}
                fields={{ vendorCreditId: credit.id }}
                variant="danger"
                confirm={`Void vendor credit ${credit.creditNumber}? It can't be applied or edited afterwards.${credit.qboId ? " QuickBooks can't void a vendor credit, so the next sync deletes it there." : ""}`}
              >
                Void
              </ActionButton>
            </>
          ) : (
            <p className="max-w-xs text-sm text-slate-500">Applied to bills: unapply it from every bill to edit or void it.</p>
          )
        }
      />
      {created ? <div className="mb-4"><Alert tone="success">Vendor credit created.</Alert></div> : null}
      {updated ? <div className="mb-4"><Alert tone="success">Vendor credit saved.</Alert></div> : null}
      {voided ? (
        <div className="mb-4">
          <Alert tone="warning">
            {`This vendor credit was voided on ${formatIsoDate(credit.voidedAt!.toISOString().slice(0, 10))}.`}
            {credit.qboId ? " QuickBooks can't void a vendor credit, so the sync deletes it there." : ""}
          </Alert>
        </div>
      ) : null}

      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(20rem,1fr)]">
        {/* min-w-0: on a phone the lines table scrolls inside its card instead of widening the page. */}
        <div className="min-w-0 space-y-6">
          <Card>
            <dl className="grid grid-cols-2 divide-x divide-slate-200 sm:grid-cols-4">
              <Stat label="Date" value={formatIsoDate(credit.creditDate)} />
              <Stat label="Amount" value={money(credit.totalCents)} />
              <Stat label="Applied" value={money(detail.appliedCents)} />
              <Stat label="Balance" value={money(credit.balanceCents)} emphasis />
            </dl>
            {credit.memo ? <p className="border-t border-slate-200 px-6 py-3 text-sm text-slate-600">{credit.memo}</p> : null}
          </Card>

          {!voided && (credit.balanceCents > 0 || detail.applications.length > 0) && canDo({ org }, "credit.edit") ? (
            <Card className="p-6">
              <h2 className="text-base font-semibold text-slate-900">Apply to bills</h2>
              <p className="mb-4 mt-1 text-sm text-slate-600">
                {credit.balanceCents === 0
                  ? "This credit is fully applied."
                  : `Open bills from ${detail.vendorName}. A bill the credit covers in full is marked paid; in QuickBooks it is settled by a $0 bill payment linking the bill and the credit.`}
              </p>
              <ApplyCreditForm
                orgSlug={org.slug}
                creditId={credit.id}
                balanceCents={credit.balanceCents}
                currency={credit.currency}
                bills={payable}
              />
            </Card>
          ) : null}

          <Card>
            <h2 className="px-6 pt-5 text-base font-semibold text-slate-900">Applied to</h2>
            {detail.applications.length === 0 ? (
              <p className="px-6 pb-5 pt-2 text-sm text-slate-500">Not applied to any bill yet.</p>
            ) : (
              <ul className="divide-y divide-slate-100 px-6 py-2 text-sm">
                {detail.applications.map((application) => (
                  <li key={application.id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2.5">
                    <span className={cn("flex items-center gap-2", application.voidedAt && "opacity-60")}>
                      <Link href={`${base}/bills/${application.billId}`} className="font-medium text-brand-700 hover:underline">Bill {application.billNumber}</Link>
                      <BillStatusBadge status={application.billStatus} />
                      {application.voidedAt ? <span className="text-xs text-slate-500">unapplied</span> : null}
                    </span>
                    <span className="flex items-center gap-3">
                      <span className={cn("tabular text-slate-900", application.voidedAt && "opacity-60 line-through")}>{money(application.amountCents)}</span>
                      {application.voidedAt || voided || !canDo({ org }, "credit.edit") ? null : (
                        <ActionButton
                          action={unapplyVendorCreditAction}
                          orgSlug={org.slug}
                          fields={{ vendorCreditId: credit.id, applicationId: application.id }}
                          variant="ghost"
                          confirm={`Unapply ${money(application.amountCents)} from bill ${application.billNumber}? The bill's open balance goes up by that amount and the credit can be used again.`}
                          pendingLabel="Unapplying…"
                        >
                          Unapply
                        </ActionButton>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card>
            <h2 className="px-6 pt-5 text-base font-semibold text-slate-900">Lines</h2>
            <div className="overflow-x-auto p-2">
              <table className="min-w-full text-sm">
                <thead className="text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                  <tr>
                    <th scope="col" className="px-4 py-2">Account or item</th>
                    <th scope="col" className="px-4 py-2">Description</th>
                    <th scope="col" className="px-4 py-2 text-right">Amount</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {detail.lines.map((line) => (
                    <tr key={line.id}>
                      <td className="px-4 py-2.5 text-slate-900">{line.itemName ?? line.accountName ?? "—"}</td>
                      <td className="px-4 py-2.5 text-slate-600">{line.description ?? "—"}</td>
                      <td className="tabular px-4 py-2.5 text-right text-slate-900">{money(line.amountCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <RecordSyncPanel
            db={db}
            organizationId={org.organizationId}
            orgSlug={org.slug}
            objectType="vendor_credit"
            localId={credit.id}
            party={{ objectType: "vendor", id: credit.vendorId, name: detail.vendorName }}
          />
          <DocumentsPanel orgSlug={org.slug} record={{ kind: "vendor_credit", id: credit.id }} documents={documents} canEdit={canDo({ org }, "credit.edit")} />
          <AuditTrail events={events} />
        </div>
      </div>
    </>
  );
}

function Stat({ label, value, emphasis = false }: { label: string; value: string; emphasis?: boolean }) {
  return (
    <div className="px-6 py-4">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className={cn("tabular mt-1 whitespace-nowrap text-lg font-semibold", emphasis ? "text-brand-700" : "text-slate-900")}>{value}</dd>
    </div>
  );
}

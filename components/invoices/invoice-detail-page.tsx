import Link from "next/link";
import { notFound } from "next/navigation";
import { HandCoins, Pencil, Printer } from "lucide-react";
import { AuditTrail } from "@/components/audit/audit-trail";
import { DocumentsPanel } from "@/components/documents/documents-panel";
import { RecordSyncPanel } from "@/components/sync/record-sync-panel";
import { ButtonLink } from "@/components/ui/button";
import { Alert, Badge, Card, PageHeader } from "@/components/ui/card";
import { formatMoney } from "@/lib/ap";
import { listAudit } from "@/lib/audit/record-audit";
import { listDocuments } from "@/lib/documents/document-repository";
import { businessToday } from "@/lib/bills/today";
import { requireOrg } from "@/lib/auth/guard";
import { canDo } from "@/lib/auth/permissions";
import { trimQuantity } from "@/lib/invoices/audit-snapshot";
import { hasBundle, invoiceLineRows } from "@/lib/invoices/line-groups";
import { getInvoiceDetail } from "@/lib/invoices/queries";
import { loadPickerAccounts } from "@/lib/reference/picker-accounts";
import { hasSalesTax, taxBreakdown, taxCodeLabel } from "@/lib/invoices/sales-tax-view";
import { FlashNotice } from "./flash-notice";
import { formatIsoDate } from "@/components/ui/format";
import { InvoiceStatusBadge } from "./invoice-status-badge";
import { ReceivePaymentForm } from "./receive-payment-form";
import { VoidInvoiceButton, VoidPaymentButton } from "./void-buttons";
import { isRecordId } from "@/lib/forms/record-id";

export async function InvoiceDetailPage({ orgSlug, id, notice }: { orgSlug: string; id: string; notice: "created" | "saved" | null }) {
  const { org, db } = await requireOrg(orgSlug, "data.read");
  if (!isRecordId(id)) notFound();
  const detail = await getInvoiceDetail(db, org.organizationId, id);
  if (!detail) notFound();
  const { invoice, customer, lines, payments, termsName, locationName } = detail;
  const [events, documents, depositAccounts, bankAccounts] = await Promise.all([
    listAudit(db, org.organizationId, "invoice", id),
    listDocuments(db, org.organizationId, { kind: "invoice", id }),
    loadPickerAccounts(db, org.organizationId, "deposit_to"),
    loadPickerAccounts(db, org.organizationId, "payment_source"),
  ]);
  const today = businessToday(org.timeZone);
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  const voided = invoice.status === "voided";
  const receivedCents = payments.filter((payment) => payment.status === "paid").reduce((sum, payment) => sum + payment.amountCents, 0);
  const overdue = !voided && invoice.openBalanceCents > 0 && invoice.dueDate < today;
  const base = `/o/${org.slug}/invoices`;
  // Bundles come from QuickBooks and cannot be written back, so such an invoice is edited there.
  const editable = !hasBundle(lines);
  const taxed = hasSalesTax(invoice, lines);
  const { subtotalCents, taxCents } = taxBreakdown(invoice);
  const footColumns = taxed ? 5 : 4;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href={base} className="hover:text-slate-800 hover:underline">Invoices</Link>
        <span aria-hidden className="mx-1.5">/</span>
        <span className="text-slate-700">{invoice.invoiceNumber}</span>
      </nav>
      <PageHeader
        title={`Invoice ${invoice.invoiceNumber}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {customer ? (
              <Link href={`/o/${org.slug}/customers/${customer.id}`} className="font-medium text-slate-800 hover:underline">{customer.displayName}</Link>
            ) : null}
            <InvoiceStatusBadge status={invoice.status} overdue={overdue} />
            {invoice.qboId ? <Badge tone="blue">QBO #{invoice.qboId}</Badge> : <Badge>Not yet in QuickBooks</Badge>}
          </span>
        }
        actions={
          <>
            <ButtonLink href={`${base}/${invoice.id}/print`} variant="secondary">
              <Printer className="h-4 w-4" aria-hidden /> Print
            </ButtonLink>
            {voided || !canDo({ org }, "invoice.edit") ? null : (
              <>
                {invoice.openBalanceCents > 0 ? (
                  <ButtonLink href="#receive-payment">
                    <HandCoins className="h-4 w-4" aria-hidden /> Receive payment
                  </ButtonLink>
                ) : null}
                {editable ? (
                  <ButtonLink href={`${base}/${invoice.id}/edit`} variant="secondary">
                    <Pencil className="h-4 w-4" aria-hidden /> Edit
                  </ButtonLink>
                ) : null}
                <VoidInvoiceButton orgSlug={org.slug} invoiceId={invoice.id} />
              </>
            )}
          </>
        }
      />
      {notice ? (
        <div className="mb-4">
          <FlashNotice message={notice === "created" ? "Invoice created." : "Changes saved."} param={notice} />
        </div>
      ) : null}
      {voided ? <div className="mb-4"><Alert tone="warning">This invoice is voided: it no longer counts toward what {customer?.displayName ?? "the customer"} owes.</Alert></div> : null}

      <dl className="mb-6 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat label="Total" value={money(invoice.totalCents)} />
        <Stat label="Received" value={money(receivedCents)} />
        <Stat label="Open balance" value={money(invoice.openBalanceCents)} emphasis={invoice.openBalanceCents > 0 && !voided} />
        <Stat label="Due" value={formatIsoDate(invoice.dueDate)} sub={overdue ? "Overdue" : termsName ?? undefined} warn={overdue} />
      </dl>

      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        {/* min-w-0: on a phone the lines table scrolls inside its card instead of widening the page. */}
        <div className="min-w-0 space-y-6">
          <Card>
            <div className="flex flex-wrap gap-x-8 gap-y-2 border-b border-slate-200 px-5 py-4 text-sm">
              <Meta label="Invoice date" value={formatIsoDate(invoice.invoiceDate)} />
              <Meta label="Terms" value={termsName ?? "None"} />
              <Meta label="Currency" value={invoice.currency} />
              {locationName ? <Meta label="Location" value={locationName} /> : null}
              {customer?.email ? <Meta label="Billing email" value={customer.email} /> : null}
            </div>
            <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">Invoice lines</caption>
              <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-5 py-3">Product or service</th>
                  <th scope="col" className="px-4 py-3">Class</th>
                  <th scope="col" className="px-4 py-3 text-right">Qty</th>
                  <th scope="col" className="px-4 py-3 text-right">Rate</th>
                  {taxed ? <th scope="col" className="px-4 py-3">Tax</th> : null}
                  <th scope="col" className="px-5 py-3 text-right">Amount</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {invoiceLineRows(lines).map((row) =>
                  row.kind === "bundle" ? (
                    <tr key={`bundle-${row.key}`} className="bg-slate-50/60">
                      <td colSpan={2} className="px-5 py-3 font-semibold text-slate-900">Bundle: {row.name}</td>
                      <td className="tabular px-4 py-3 text-right text-slate-700">{row.quantity ? trimQuantity(row.quantity) : "—"}</td>
                      <td className="px-4 py-3" />
                      {taxed ? <td className="px-4 py-3" /> : null}
                      <td className="tabular px-5 py-3 text-right text-slate-500">{money(row.amountCents)}</td>
                    </tr>
                  ) : (
                  <tr key={row.line.id}>
                    <td className={row.inBundle ? "py-3 pl-10 pr-5" : "px-5 py-3"}>
                      <p className="font-medium text-slate-900">{row.line.itemName ?? "—"}</p>
                      {row.line.description && row.line.description !== row.line.itemName ? <p className="text-slate-500">{row.line.description}</p> : null}
                    </td>
                    <td className="px-4 py-3 text-slate-600">{row.line.className ?? "—"}</td>
                    <td className="tabular px-4 py-3 text-right text-slate-700">{row.line.quantity ? trimQuantity(row.line.quantity) : "—"}</td>
                    <td className="tabular px-4 py-3 text-right text-slate-700">{row.line.unitPriceCents === null ? "—" : money(row.line.unitPriceCents)}</td>
                    {taxed ? (
                      <td className="px-4 py-3 text-slate-600" data-testid="line-tax-code">
                        {taxCodeLabel(row.line.taxCodeRef)}
                        {row.line.taxCodeRef ? <span className="ml-1 text-xs text-slate-400">({row.line.taxCodeRef})</span> : null}
                      </td>
                    ) : null}
                    <td className="tabular px-5 py-3 text-right font-medium text-slate-900">{money(row.line.amountCents)}</td>
                  </tr>
                  ),
                )}
              </tbody>
              <tfoot className="border-t-2 border-slate-200">
                {taxed ? (
                  <>
                    <tr>
                      <th scope="row" colSpan={footColumns} className="px-5 pt-3 pb-1 text-right font-medium text-slate-600">Subtotal</th>
                      <td className="tabular px-5 pt-3 pb-1 text-right text-slate-700" data-testid="invoice-subtotal">{money(subtotalCents)}</td>
                    </tr>
                    <tr>
                      <th scope="row" colSpan={footColumns} className="px-5 py-1 text-right font-medium text-slate-600">
                        Sales tax{invoice.txnTaxCodeRef ? <span className="ml-1 text-xs font-normal text-slate-400">(QuickBooks tax code {invoice.txnTaxCodeRef})</span> : null}
                      </th>
                      <td className="tabular px-5 py-1 text-right text-slate-700" data-testid="invoice-tax">{money(taxCents)}</td>
                    </tr>
                  </>
                ) : null}
                <tr>
                  <th scope="row" colSpan={footColumns} className="px-5 py-3 text-right font-semibold text-slate-900">Total</th>
                  <td className="tabular px-5 py-3 text-right text-base font-semibold text-slate-900" data-testid="invoice-total">{money(invoice.totalCents)}</td>
                </tr>
              </tfoot>
            </table>
            </div>
            {taxed ? (
              // On a phone the table scrolls sideways: the totals repeat below it, always in view.
              <dl className="space-y-1 border-t border-slate-200 px-5 py-3 text-sm sm:hidden" aria-label="Invoice totals">
                <div className="flex justify-between"><dt className="text-slate-600">Subtotal</dt><dd className="tabular text-slate-700">{money(subtotalCents)}</dd></div>
                <div className="flex justify-between"><dt className="text-slate-600">Sales tax</dt><dd className="tabular text-slate-700">{money(taxCents)}</dd></div>
                <div className="flex justify-between font-semibold text-slate-900"><dt>Total</dt><dd className="tabular">{money(invoice.totalCents)}</dd></div>
              </dl>
            ) : null}
            {invoice.customerMemo ? (
              <p className="border-t border-slate-200 px-5 py-4 text-sm text-slate-600">
                <span className="font-medium text-slate-800">Message on invoice: </span>
                {invoice.customerMemo}
              </p>
            ) : null}
            {invoice.memo ? (
              <p className="border-t border-slate-200 px-5 py-4 text-sm text-slate-600">
                <span className="font-medium text-slate-800">Internal note (not shown to the customer): </span>
                {invoice.memo}
              </p>
            ) : null}
          </Card>

          <Card>
            <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-5 py-4">
              <h2 className="text-base font-semibold text-slate-900">Payments</h2>
              <Link href={`/o/${org.slug}/received-payments?q=${encodeURIComponent(invoice.invoiceNumber)}`} className="text-sm font-medium text-brand-700 hover:underline">
                In Received payments →
              </Link>
            </div>
            {payments.length === 0 ? (
              <p className="px-5 py-6 text-sm text-slate-500">No payments received yet.</p>
            ) : (
              <table className="min-w-full divide-y divide-slate-200 text-sm">
                <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                  <tr>
                    <th scope="col" className="px-5 py-3">Date</th>
                    <th scope="col" className="px-4 py-3">Deposit to</th>
                    <th scope="col" className="px-4 py-3">Reference</th>
                    <th scope="col" className="px-4 py-3">Status</th>
                    <th scope="col" className="px-4 py-3 text-right">Amount</th>
                    <th scope="col" className="px-5 py-3"><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {payments.map((payment) => (
                    <tr key={payment.id} className={payment.status === "voided" ? "text-slate-400" : undefined}>
                      <td className="tabular px-5 py-3">
                        <Link href={`/o/${org.slug}/received-payments/${payment.id}`} className="font-medium text-brand-700 hover:underline">{formatIsoDate(payment.receivedDate)}</Link>
                      </td>
                      <td className="px-4 py-3">{payment.kind === "electronic" ? `Money In Clearing → ${payment.depositAccountName ?? "—"}` : (payment.depositAccountName ?? "—")}</td>
                      <td className="px-4 py-3">{payment.reference ?? "—"}</td>
                      <td className="px-4 py-3">
                        {payment.status === "voided" ? <Badge>Voided</Badge> : payment.status === "paid" ? <Badge tone="green">Received</Badge> : <Badge tone="amber">Processing</Badge>}
                        {payment.qboId ? <span className="ml-1.5"><Badge tone="blue">QBO #{payment.qboId}</Badge></span> : null}
                      </td>
                      <td className={`tabular px-4 py-3 text-right font-medium ${payment.status === "voided" ? "line-through" : "text-slate-900"}`}>{money(payment.amountCents)}</td>
                      <td className="px-5 py-2 text-right">
                        {payment.status !== "voided" && canDo({ org }, "payment.edit") ? <VoidPaymentButton orgSlug={org.slug} paymentId={payment.id} /> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
        </div>

        <div className="space-y-6">
          {!voided && invoice.openBalanceCents > 0 && canDo({ org }, "payment.edit") ? (
            <Card className="p-5">
              <h2 id="receive-payment" className="mb-4 scroll-mt-20 text-base font-semibold text-slate-900">Receive payment</h2>
              <ReceivePaymentForm
                key={invoice.openBalanceCents}
                orgSlug={org.slug}
                invoiceId={invoice.id}
                openBalanceCents={invoice.openBalanceCents}
                currency={invoice.currency}
                today={today < invoice.invoiceDate ? invoice.invoiceDate : today}
                depositAccounts={depositAccounts.accounts}
                defaultDepositAccountId={depositAccounts.defaultId}
                bankAccounts={bankAccounts.accounts}
                defaultBankAccountId={bankAccounts.defaultId}
              />
            </Card>
          ) : null}
          <RecordSyncPanel db={db} organizationId={org.organizationId} orgSlug={org.slug} objectType="invoice" localId={invoice.id} party={customer ? { objectType: "customer", id: customer.id, name: customer.displayName } : undefined} />
          <DocumentsPanel orgSlug={org.slug} record={{ kind: "invoice", id: invoice.id }} documents={documents} canEdit={canDo({ org }, "invoice.edit")} />
          <AuditTrail events={events} />
        </div>
      </div>
    </>
  );
}

function Stat({ label, value, sub, emphasis, warn }: { label: string; value: string; sub?: string; emphasis?: boolean; warn?: boolean }) {
  return (
    <Card className="px-5 py-4">
      <dt className="text-sm font-medium text-slate-500">{label}</dt>
      <dd className={`tabular mt-1 text-2xl font-semibold ${emphasis ? "text-brand-700" : "text-slate-900"}`}>{value}</dd>
      {sub ? <dd className={`mt-0.5 text-sm ${warn ? "font-medium text-red-600" : "text-slate-500"}`}>{sub}</dd> : null}
    </Card>
  );
}

function Meta({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <p className="mt-0.5 text-slate-900">{value}</p>
    </div>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/print/print-button";
import { formatMoney } from "@/lib/ap";
import { requireOrg } from "@/lib/auth/guard";
import { isRecordId } from "@/lib/forms/record-id";
import { trimQuantity } from "@/lib/invoices/audit-snapshot";
import { invoiceLineRows } from "@/lib/invoices/line-groups";
import { getInvoiceDetail } from "@/lib/invoices/queries";
import { hasSalesTax, taxBreakdown } from "@/lib/invoices/sales-tax-view";
import { formatIsoDate } from "@/components/ui/format";

/** The invoice as a customer would read it on paper or as a PDF: no app chrome, just the document. */
export async function InvoicePrintPage({ orgSlug, id }: { orgSlug: string; id: string }) {
  const { org, db } = await requireOrg(orgSlug, "data.read");
  if (!isRecordId(id)) notFound();
  const detail = await getInvoiceDetail(db, org.organizationId, id);
  if (!detail) notFound();
  const { invoice, customer, lines, payments, termsName } = detail;
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  const paidCents = payments.filter((payment) => payment.status === "paid").reduce((sum, payment) => sum + payment.amountCents, 0);
  const taxed = hasSalesTax(invoice, lines);
  const { subtotalCents, taxCents } = taxBreakdown(invoice);
  const voided = invoice.status === "voided";

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/o/${org.slug}/invoices/${invoice.id}`} className="text-sm text-slate-600 hover:text-slate-900 hover:underline">
          ← Back to invoice {invoice.invoiceNumber}
        </Link>
        <PrintButton />
      </div>
      <article className="mx-auto max-w-3xl rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-10 print:max-w-none print:rounded-none print:p-0 print:shadow-none print:ring-0">
        <header className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-200 pb-6">
          <div>
            <p className="text-lg font-semibold text-slate-900">{org.name}</p>
          </div>
          <div className="text-right">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Invoice {invoice.invoiceNumber}</h1>
            {voided ? <p className="mt-1 font-semibold uppercase text-red-700">Voided</p> : null}
          </div>
        </header>

        <section className="grid gap-6 py-6 sm:grid-cols-2" aria-label="Invoice details">
          <div>
            <h2 className="text-xs font-medium uppercase tracking-wide text-slate-500">Bill to</h2>
            <p className="mt-1 font-medium text-slate-900">{customer?.displayName ?? "Unknown customer"}</p>
            {customer?.email ? <p className="text-slate-600">{customer.email}</p> : null}
          </div>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:text-right">
            <dt className="text-slate-500">Invoice date</dt>
            <dd className="text-slate-900">{formatIsoDate(invoice.invoiceDate)}</dd>
            <dt className="text-slate-500">Due date</dt>
            <dd className="text-slate-900">{formatIsoDate(invoice.dueDate)}</dd>
            {termsName ? (
              <>
                <dt className="text-slate-500">Terms</dt>
                <dd className="text-slate-900">{termsName}</dd>
              </>
            ) : null}
          </dl>
        </section>

        <table className="w-full text-sm">
          <thead className="border-y border-slate-300 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-2">Description</th>
              <th scope="col" className="whitespace-nowrap py-2 pl-2 text-right sm:px-2">Qty</th>
              <th scope="col" className="whitespace-nowrap py-2 pl-2 text-right sm:px-2">Rate</th>
              <th scope="col" className="whitespace-nowrap py-2 pl-2 text-right">Amount</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {invoiceLineRows(lines).map((row) =>
              row.kind === "bundle" ? (
                <tr key={`bundle-${row.key}`}>
                  <td className="py-2 pr-2 font-semibold text-slate-900">{row.name}</td>
                  <td className="tabular whitespace-nowrap py-2 pl-2 text-right sm:px-2">{row.quantity ? trimQuantity(row.quantity) : ""}</td>
                  <td />
                  <td className="tabular whitespace-nowrap py-2 pl-2 text-right">{money(row.amountCents)}</td>
                </tr>
              ) : (
                <tr key={row.line.id} className="break-inside-avoid">
                  <td className={row.inBundle ? "break-words py-2 pl-4 pr-2" : "break-words py-2 pr-2"}>
                    <p className="font-medium text-slate-900">{row.line.itemName ?? row.line.description ?? "—"}</p>
                    {row.line.itemName && row.line.description && row.line.description !== row.line.itemName ? (
                      <p className="text-slate-600">{row.line.description}</p>
                    ) : null}
                  </td>
                  <td className="tabular whitespace-nowrap py-2 pl-2 text-right sm:px-2">{row.line.quantity ? trimQuantity(row.line.quantity) : ""}</td>
                  <td className="tabular whitespace-nowrap py-2 pl-2 text-right sm:px-2">{row.line.unitPriceCents === null ? "" : money(row.line.unitPriceCents)}</td>
                  <td className="tabular whitespace-nowrap py-2 pl-2 text-right">{row.inBundle ? "" : money(row.line.amountCents)}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>

        <dl className="ml-auto mt-6 grid max-w-xs grid-cols-2 gap-y-1 border-t border-slate-300 pt-4 text-sm" aria-label="Totals">
          {taxed ? (
            <>
              <dt className="text-slate-600">Subtotal</dt>
              <dd className="tabular text-right">{money(subtotalCents)}</dd>
              <dt className="text-slate-600">Tax</dt>
              <dd className="tabular text-right">{money(taxCents)}</dd>
            </>
          ) : null}
          <dt className="font-semibold text-slate-900">Total</dt>
          <dd className="tabular text-right font-semibold text-slate-900">{money(invoice.totalCents)}</dd>
          {paidCents > 0 ? (
            <>
              <dt className="text-slate-600">Paid</dt>
              <dd className="tabular text-right">−{money(paidCents)}</dd>
            </>
          ) : null}
          <dt className="mt-2 text-base font-semibold text-slate-900">Balance due</dt>
          <dd className="tabular mt-2 text-right text-base font-semibold text-slate-900" data-testid="print-balance-due">
            {money(voided ? 0 : invoice.openBalanceCents)}
          </dd>
        </dl>
        {invoice.customerMemo ? <p className="mt-8 whitespace-pre-line text-sm text-slate-600">{invoice.customerMemo}</p> : null}
      </article>
    </>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { Alert, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { centsToDecimalString } from "@/lib/ap";
import { businessToday } from "@/lib/bills/today";
import { requireOrg } from "@/lib/auth/guard";
import { trimQuantity } from "@/lib/invoices/audit-snapshot";
import { loadInvoiceFormOptions } from "@/lib/invoices/form-options";
import { BUNDLE_EDIT_MESSAGE, hasBundle } from "@/lib/invoices/line-groups";
import { getInvoiceDetail, suggestInvoiceNumber } from "@/lib/invoices/queries";
import { hasSalesTax } from "@/lib/invoices/sales-tax-view";
import { InvoiceForm, type InvoiceFormValues } from "./invoice-form";
import { isRecordId } from "@/lib/forms/record-id";

/** New invoice (no id) or edit of an existing one. */
export async function InvoiceEditorPage({ orgSlug, id }: { orgSlug: string; id?: string }) {
  const { org, db } = await requireOrg(orgSlug, "invoice.edit");
  const base = `/o/${org.slug}/invoices`;
  let values: InvoiceFormValues;
  let title = "New invoice";
  if (id) {
    if (!isRecordId(id)) notFound();
    const detail = await getInvoiceDetail(db, org.organizationId, id);
    if (!detail) notFound();
    const { invoice, lines } = detail;
    if (invoice.status === "voided") {
      return (
        <>
          <PageHeader title={`Invoice ${invoice.invoiceNumber}`} />
          <Alert tone="warning">
            A voided invoice can&apos;t be edited. <Link href={`${base}/${invoice.id}`} className="font-medium underline">Back to the invoice</Link>
          </Alert>
        </>
      );
    }
    if (hasBundle(lines)) {
      return (
        <>
          <PageHeader title={`Invoice ${invoice.invoiceNumber}`} />
          <Alert tone="warning">
            {BUNDLE_EDIT_MESSAGE} <Link href={`${base}/${invoice.id}`} className="font-medium underline">Back to the invoice</Link>
          </Alert>
        </>
      );
    }
    title = `Edit invoice ${invoice.invoiceNumber}`;
    values = {
      id: invoice.id,
      customerId: invoice.customerId,
      invoiceNumber: invoice.invoiceNumber,
      invoiceDate: invoice.invoiceDate,
      dueDate: invoice.dueDate,
      termsId: invoice.termsId ?? "",
      locationId: invoice.locationId ?? "",
      currency: invoice.currency,
      memo: invoice.memo ?? "",
      customerMemo: invoice.customerMemo ?? "",
      lines: lines.map((line) => ({
        itemId: line.itemId ?? "",
        description: line.description ?? "",
        quantity: line.quantity ? trimQuantity(line.quantity) : "1",
        unitPrice: line.unitPriceCents === null ? "" : centsToDecimalString(line.unitPriceCents),
        classId: line.classId ?? "",
        taxCode: line.taxCodeRef ?? "",
      })),
      ...(hasSalesTax(invoice, lines) ? { salesTax: { taxCents: invoice.taxCents } } : {}),
    };
  } else {
    const today = businessToday(org.timeZone);
    values = {
      customerId: "",
      invoiceNumber: await suggestInvoiceNumber(db, org.organizationId),
      invoiceDate: today,
      dueDate: today,
      termsId: "",
      locationId: "",
      currency: "USD",
      memo: "",
      customerMemo: "",
      lines: [],
    };
  }
  const options = await loadInvoiceFormOptions(db, org.organizationId, values.customerId || undefined);
  const missing = [options.customers.length === 0 ? "a customer" : null, options.items.length === 0 ? "products or services" : null].filter(Boolean);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href={base} className="hover:text-slate-800 hover:underline">Invoices</Link>
        <span aria-hidden className="mx-1.5">/</span>
        <span className="text-slate-700">{id ? values.invoiceNumber : "New"}</span>
      </nav>
      <PageHeader title={title} description={id ? "Changes sync to QuickBooks Online on the next sync." : "Bill a customer for products and services."} />
      <Card className="p-6">
        {missing.length > 0 ? (
          <EmptyState
            title={`An invoice needs ${missing.join(" and ")}`}
            action={
              <div className="flex gap-2">
                {options.customers.length === 0 ? <ButtonLink href={`/o/${org.slug}/customers/new`}>New customer</ButtonLink> : null}
                {options.items.length === 0 ? <ButtonLink href={`/o/${org.slug}/settings/items`} variant="secondary">Products & services</ButtonLink> : null}
              </div>
            }
          >
            Products and services come from QuickBooks Online with sync.
          </EmptyState>
        ) : (
          <InvoiceForm orgSlug={org.slug} options={options} values={values} />
        )}
      </Card>
    </>
  );
}

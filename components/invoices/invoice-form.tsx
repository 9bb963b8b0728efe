"use client";

import { Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { currencySyncHint } from "@/components/ui/currency-sync-hint";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { isIsoDate } from "@/lib/ap/dates";
import { multiplyToCents, parseDecimal } from "@/lib/ap/decimal";
import { formatMoney, centsToDecimalString } from "@/lib/ap/money";
import { dueDateFromTerms } from "@/lib/ap/terms";
import { saveInvoiceAction } from "@/lib/invoices/actions";
import type { InvoiceFormOptions } from "@/lib/invoices/form-options";
import { US_TAX_CODES } from "@/lib/invoices/sales-tax-view";

/** `taxCode`: QuickBooks' sales-tax code of the line ("" when it has none), kept on every save. */
export type InvoiceFormLine = { itemId: string; description: string; quantity: string; unitPrice: string; classId: string; taxCode: string };

export type InvoiceFormValues = {
  id?: string;
  customerId: string;
  invoiceNumber: string;
  invoiceDate: string;
  dueDate: string;
  termsId: string;
  locationId: string;
  currency: string;
  /** Internal note (QuickBooks private note). */
  memo: string;
  /** The message printed on the invoice (QuickBooks customer memo). */
  customerMemo: string;
  lines: InvoiceFormLine[];
  /** An invoice with sales tax from QuickBooks: its tax so far (QuickBooks recomputes it when the invoice syncs). */
  salesTax?: { taxCents: number };
};

type Row = InvoiceFormLine & { key: number };

const emptyLine = (taxed = false): InvoiceFormLine => ({ itemId: "", description: "", quantity: "1", unitPrice: "", classId: "", taxCode: taxed ? "NON" : "" });

/** quantity × rate for display, exactly as the server computes it; null while either is unreadable. */
function lineAmount(row: InvoiceFormLine): number | null {
  const quantity = parseDecimal(row.quantity, { maxScale: 4 });
  const rate = parseDecimal(row.unitPrice, { maxScale: 4 });
  return quantity.ok && rate.ok ? multiplyToCents(quantity.value, rate.value) : null;
}

export function InvoiceForm({ orgSlug, options, values }: { orgSlug: string; options: InvoiceFormOptions; values: InvoiceFormValues }) {
  const router = useRouter();
  // Fields edited since the last submit stop showing their (now stale) error.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const { state, onSubmit, pending, errors } = useFormAction(saveInvoiceAction, { onSubmit: () => setEdited(new Set()) });
  const nextKey = useRef(values.lines.length + 1);
  const taxed = values.salesTax !== undefined;
  const [rows, setRows] = useState<Row[]>(() => (values.lines.length ? values.lines : [emptyLine(taxed)]).map((line, index) => ({ ...line, key: index })));
  const [invoiceDate, setInvoiceDate] = useState(values.invoiceDate);
  const [termsId, setTermsId] = useState(values.termsId);
  const [dueDate, setDueDate] = useState(values.dueDate);
  const [currency, setCurrency] = useState(values.currency);
  const base = `/o/${orgSlug}/invoices`;

  useEffect(() => {
    if (state?.ok) router.push(`${base}/${state.data.id}?${values.id ? "saved" : "created"}=1`);
  }, [state, router, base, values.id]);

  /** Terms or invoice date changed: the due date follows the terms (it can still be typed over). */
  function recomputeDue(nextDate: string, nextTermsId: string) {
    if (!isIsoDate(nextDate)) return;
    const chosen = options.terms.find((term) => term.id === nextTermsId);
    // No terms: due on the invoice's own date, as in QuickBooks.
    setDueDate(dueDateFromTerms(nextDate, chosen ? chosen.terms : null));
  }

  function updateRow(key: number, patch: Partial<InvoiceFormLine>) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }

  function chooseItem(key: number, itemId: string) {
    const item = options.items.find((candidate) => candidate.id === itemId);
    setRows((current) =>
      current.map((row) =>
        row.key !== key
          ? row
          : {
              ...row,
              itemId,
              description: row.description || item?.description || item?.name || "",
              unitPrice: item?.unitPriceCents != null ? centsToDecimalString(item.unitPriceCents) : row.unitPrice,
            },
      ),
    );
  }

  const total = useMemo(() => rows.reduce((sum, row) => sum + (lineAmount(row) ?? 0), 0), [rows]);
  const error = (path: string) => (edited.has(path) || (path.startsWith("lines.") && edited.has("lines")) ? undefined : errors[path]);
  const markEdited = (name: string) => {
    if (name && !edited.has(name)) setEdited(new Set([...edited, name]));
  };

  return (
    <form onSubmit={onSubmit} onChange={(event) => markEdited(event.target instanceof HTMLElement ? (event.target.getAttribute("name") ?? "") : "")} className="space-y-6" noValidate>
      <input type="hidden" name="orgSlug" value={orgSlug} />
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}

      <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        <Field label="Customer" name="customerId" error={error("customerId")}>
          <Select name="customerId" defaultValue={values.customerId} invalid={Boolean(error("customerId"))}>
            <option value="">Choose a customer…</option>
            {options.customers.map((customer) => (
              <option key={customer.id} value={customer.id}>{customer.displayName}</option>
            ))}
          </Select>
        </Field>
        <Field label="Invoice number" name="invoiceNumber" error={error("invoiceNumber")}>
          <Input name="invoiceNumber" defaultValue={values.invoiceNumber} maxLength={21} invalid={Boolean(error("invoiceNumber"))} />
        </Field>
        <Field label="Currency" name="currency" error={error("currency")} hint={currencySyncHint(currency, "invoice", "QuickBooks syncs USD invoices only.")}>
          <Select name="currency" value={currency} onChange={(event) => setCurrency(event.target.value)} invalid={Boolean(error("currency"))}>
            {[...new Set(["USD", values.currency, "CAD", "EUR", "GBP"])].map((code) => (
              <option key={code} value={code}>{code}</option>
            ))}
          </Select>
        </Field>
        <Field label="Invoice date" name="invoiceDate" error={error("invoiceDate")}>
          <Input
            name="invoiceDate"
            type="date"
            value={invoiceDate}
            onChange={(event) => {
              setInvoiceDate(event.target.value);
              recomputeDue(event.target.value, termsId);
            }}
            invalid={Boolean(error("invoiceDate"))}
          />
        </Field>
        <Field label="Terms" name="termsId" error={error("termsId")}>
          <Select
            name="termsId"
            value={termsId}
            onChange={(event) => {
              setTermsId(event.target.value);
              recomputeDue(invoiceDate, event.target.value);
            }}
            invalid={Boolean(error("termsId"))}
          >
            <option value="">No terms</option>
            {options.terms.map((term) => (
              <option key={term.id} value={term.id}>{term.name}</option>
            ))}
          </Select>
        </Field>
        <Field label="Due date" name="dueDate" error={error("dueDate")}>
          <Input name="dueDate" type="date" value={dueDate} onChange={(event) => setDueDate(event.target.value)} invalid={Boolean(error("dueDate"))} />
        </Field>
        {options.locations.length > 0 || values.locationId ? (
          <Field label="Location" name="locationId" error={error("locationId")} hint="Optional; syncs to QuickBooks as the invoice's location.">
            <Select name="locationId" defaultValue={values.locationId} invalid={Boolean(error("locationId"))}>
              <option value="">No location</option>
              {options.locations.map((location) => (
                <option key={location.id} value={location.id}>{location.name}</option>
              ))}
            </Select>
          </Field>
        ) : null}
      </div>

      <fieldset>
        <legend className="mb-2 text-sm font-semibold text-slate-900">Products and services</legend>
        <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="w-8 px-3 py-2">#</th>
                <th scope="col" className="min-w-48 px-2 py-2">Product or service</th>
                <th scope="col" className="min-w-48 px-2 py-2">Description</th>
                <th scope="col" className="w-24 px-2 py-2 text-right">Qty</th>
                <th scope="col" className="w-32 px-2 py-2 text-right">Rate</th>
                <th scope="col" className="w-32 px-2 py-2 text-right">Amount</th>
                <th scope="col" className="min-w-36 px-2 py-2">Class</th>
                {taxed ? <th scope="col" className="min-w-32 px-2 py-2">Tax</th> : null}
                <th scope="col" className="w-10 px-2 py-2"><span className="sr-only">Remove</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 bg-white align-top">
              {rows.map((row, index) => {
                const name = (field: string) => `lines.${index}.${field}`;
                const amount = lineAmount(row);
                const lineNo = index + 1;
                return (
                  <tr key={row.key}>
                    <td className="tabular px-3 py-2.5 text-slate-400">{lineNo}</td>
                    <td className="px-2 py-1.5">
                      <label htmlFor={name("itemId")} className="sr-only">Product or service (line {lineNo})</label>
                      <Select name={name("itemId")} className="min-w-52" value={row.itemId} onChange={(event) => chooseItem(row.key, event.target.value)} invalid={Boolean(error(name("itemId")))}>
                        <option value="">Choose…</option>
                        {options.items.map((item) => (
                          <option key={item.id} value={item.id}>{item.name}</option>
                        ))}
                      </Select>
                      <LineError message={error(name("itemId"))} />
                    </td>
                    <td className="px-2 py-1.5">
                      <label htmlFor={name("description")} className="sr-only">Description (line {lineNo})</label>
                      <Input name={name("description")} className="min-w-48" value={row.description} onChange={(event) => updateRow(row.key, { description: event.target.value })} invalid={Boolean(error(name("description")))} />
                      <LineError message={error(name("description"))} />
                    </td>
                    <td className="px-2 py-1.5">
                      <label htmlFor={name("quantity")} className="sr-only">Quantity (line {lineNo})</label>
                      <Input name={name("quantity")} inputMode="decimal" className="text-right" value={row.quantity} onChange={(event) => updateRow(row.key, { quantity: event.target.value })} invalid={Boolean(error(name("quantity")))} />
                      <LineError message={error(name("quantity"))} />
                    </td>
                    <td className="px-2 py-1.5">
                      <label htmlFor={name("unitPrice")} className="sr-only">Rate (line {lineNo})</label>
                      <Input name={name("unitPrice")} inputMode="decimal" className="text-right" value={row.unitPrice} onChange={(event) => updateRow(row.key, { unitPrice: event.target.value })} invalid={Boolean(error(name("unitPrice")))} />
                      <LineError message={error(name("unitPrice"))} />
                    </td>
                    <td className="tabular px-2 py-2.5 text-right font-medium text-slate-900" aria-label={`Amount (line ${lineNo})`}>
                      {amount === null ? "—" : formatMoney(amount, "USD")}
                    </td>
                    <td className="px-2 py-1.5">
                      <label htmlFor={name("classId")} className="sr-only">Class (line {lineNo})</label>
                      <Select name={name("classId")} className="min-w-36" value={row.classId} onChange={(event) => updateRow(row.key, { classId: event.target.value })} invalid={Boolean(error(name("classId")))}>
                        <option value="">—</option>
                        {options.classes.map((option) => (
                          <option key={option.id} value={option.id}>{option.name}</option>
                        ))}
                      </Select>
                      <LineError message={error(name("classId"))} />
                    </td>
                    {taxed ? (
                      <td className="px-2 py-1.5">
                        <label htmlFor={name("taxCode")} className="sr-only">Tax (line {lineNo})</label>
                        <Select name={name("taxCode")} className="min-w-32" value={row.taxCode} onChange={(event) => updateRow(row.key, { taxCode: event.target.value })} invalid={Boolean(error(name("taxCode")))}>
                          {US_TAX_CODES.map((option) => (
                            <option key={option.value} value={option.value}>{option.label}</option>
                          ))}
                          {row.taxCode && !US_TAX_CODES.some((option) => option.value === row.taxCode) ? <option value={row.taxCode}>{row.taxCode}</option> : null}
                        </Select>
                        <LineError message={error(name("taxCode"))} />
                      </td>
                    ) : row.taxCode ? (
                      <td hidden><input type="hidden" name={name("taxCode")} value={row.taxCode} /></td>
                    ) : null}
                    <td className="px-2 py-1.5">
                      <button
                        type="button"
                        onClick={() => {
                          setRows((current) => current.filter((candidate) => candidate.key !== row.key));
                          // Rows renumber, so per-line errors would point at the wrong lines.
                          markEdited("lines");
                        }}
                        disabled={rows.length === 1}
                        className="rounded-md p-2 text-slate-400 hover:bg-red-50 hover:text-red-600 disabled:cursor-not-allowed disabled:opacity-40"
                        aria-label={`Remove line ${lineNo}`}
                      >
                        <Trash2 className="h-4 w-4" aria-hidden />
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="mt-3 flex flex-wrap items-start justify-between gap-4">
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              const key = nextKey.current++;
              setRows((current) => [...current, { ...emptyLine(taxed), key }]);
            }}
          >
            <Plus className="h-4 w-4" aria-hidden /> Add line
          </Button>
          <dl className="min-w-64 rounded-lg bg-slate-50 px-4 py-3 text-sm ring-1 ring-slate-200">
            {values.salesTax ? (
              <>
                <div className="flex justify-between gap-8 text-slate-600">
                  <dt>Subtotal</dt>
                  <dd className="tabular">{formatMoney(total, "USD")}</dd>
                </div>
                <div className="mb-1 flex justify-between gap-8 text-slate-600">
                  <dt>Sales tax</dt>
                  <dd className="tabular">{formatMoney(values.salesTax.taxCents, "USD")}</dd>
                </div>
              </>
            ) : null}
            <div className="flex justify-between gap-8">
              <dt className="font-semibold text-slate-900">Total</dt>
              <dd className="tabular text-lg font-semibold text-slate-900" data-testid="invoice-total">{formatMoney(total + (values.salesTax?.taxCents ?? 0), "USD")}</dd>
            </div>
            {values.salesTax ? <p className="mt-1 max-w-64 text-xs text-slate-500">QuickBooks computes the sales tax; it is updated when this invoice syncs.</p> : null}
          </dl>
        </div>
        {error("lines") ? <p className="mt-2 text-sm text-red-600">{error("lines")?.[0]}</p> : null}
      </fieldset>

      <div className="grid gap-5 md:grid-cols-2">
        <Field label="Message on invoice" name="customerMemo" error={error("customerMemo")} hint="Printed on the invoice the customer gets from QuickBooks.">
          <Textarea name="customerMemo" rows={2} defaultValue={values.customerMemo} invalid={Boolean(error("customerMemo"))} />
        </Field>
        <Field label="Internal note (not shown to the customer)" name="memo" error={error("memo")} hint="For your team; syncs to QuickBooks as the invoice's private note.">
          <Textarea name="memo" rows={2} defaultValue={values.memo} invalid={Boolean(error("memo"))} />
        </Field>
      </div>

      <div className="flex gap-2 border-t border-slate-200 pt-5">
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : values.id ? "Save changes" : "Create invoice"}</Button>
        <ButtonLink href={values.id ? `${base}/${values.id}` : base} variant="secondary">Cancel</ButtonLink>
      </div>
    </form>
  );
}

function LineError({ message }: { message?: string[] }) {
  return message?.[0] ? <p className="mt-1 text-xs text-red-600">{message[0]}</p> : null;
}

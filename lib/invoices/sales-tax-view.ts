/**
 * How an invoice's sales tax reads on its pages. QuickBooks computes the tax; the app shows its
 * figure and each line's tax code ("TAX" / "NON" are the two codes of US companies, per Intuit's
 * "Manage sales tax for US locales"; other companies use TaxCode ids, shown as they are).
 */

export const US_TAX_CODES = [
  { value: "TAX", label: "Taxable" },
  { value: "NON", label: "Not taxable" },
] as const;

export function taxCodeLabel(code: string | null | undefined): string {
  if (!code) return "—";
  return US_TAX_CODES.find((option) => option.value === code)?.label ?? code;
}

/** Whether the invoice carries sales tax data from QuickBooks (a tax amount, a tax code, or coded lines). */
export function hasSalesTax(invoice: { taxCents: number; txnTaxCodeRef: string | null }, lines: ReadonlyArray<{ taxCodeRef: string | null }>): boolean {
  return invoice.taxCents !== 0 || invoice.txnTaxCodeRef !== null || lines.some((line) => line.taxCodeRef !== null);
}

/** Subtotal (lines less discounts), tax and total: the total is always subtotal + tax, to the cent. */
export function taxBreakdown(invoice: { totalCents: number; taxCents: number }): { subtotalCents: number; taxCents: number; totalCents: number } {
  return { subtotalCents: invoice.totalCents - invoice.taxCents, taxCents: invoice.taxCents, totalCents: invoice.totalCents };
}

/**
 * US sales tax on invoices, for a company with sales tax on (`settings.salesTax`). One fixed tax
 * code and rate, QBO-shaped:
 *
 * - lines say whether they are taxed with `SalesItemLineDetail.TaxCodeRef` "TAX" or "NON" — the
 *   two pseudo codes of US companies (Intuit, "Manage sales tax for US locales": "TAX"/"NON" at the
 *   line level, a TaxCode Id in `TxnTaxDetail.TxnTaxCodeRef`); a line without one is not taxed;
 * - `TxnTaxDetail` = { TxnTaxCodeRef, TotalTax, TaxLine: [{ Amount, DetailType: "TaxLineDetail",
 *   TaxLineDetail: { TaxRateRef, PercentBased, TaxPercent, NetAmountTaxable } }] } (Intuit's Invoice
 *   reference; python-quickbooks quickbooks/objects/tax.py has the same members), and
 *   TotalAmt = lines − discounts + TotalTax.
 *
 * QBO computes TotalTax from the codes (the app never sends it); a TotalTax in the request is
 * recomputed here. Discounts are applied after tax (`ApplyTaxAfterDiscount` false, QBO's US default),
 * so the taxable amount is the sum of the taxable lines. Rounding: half up at the cent.
 */
import { faults } from "./faults";
import { isObject, objectAt, refAt } from "./json";
import { fromCents, toCents } from "./money";
import type { CompanySettings, JsonObject, SalesTaxSettings } from "./types";

/** The code and rate a company gets when sales tax is switched on without naming them. */
export const DEFAULT_SALES_TAX: SalesTaxSettings = { taxCodeId: "2", taxCodeName: "California", taxRateId: "3", ratePercent: 8.25 };

const US_LINE_CODES = new Set(["TAX", "NON"]);

export function salesTaxOf(settings: CompanySettings): SalesTaxSettings | null {
  return settings.salesTax ?? null;
}

/**
 * The sales lines tax applies to: top-level ones and a bundle's components (GroupLineDetail.Line),
 * each taxed by its own TaxCodeRef — Intuit's Invoice reference gives the group line no tax code.
 */
function salesLines(lines: readonly JsonObject[]): JsonObject[] {
  const out: JsonObject[] = [];
  for (const line of lines) {
    if (line["DetailType"] === "SalesItemLineDetail") out.push(line);
    const group = line["DetailType"] === "GroupLineDetail" ? objectAt(line, "GroupLineDetail") : undefined;
    const components = group?.["Line"];
    if (Array.isArray(components)) out.push(...components.filter(isObject).filter((c) => c["DetailType"] === "SalesItemLineDetail"));
  }
  return out;
}

/**
 * Sets each sales line's TaxCodeRef and the invoice's TxnTaxDetail; returns the tax in cents (0 when
 * the company has no sales tax, in which case lines and TxnTaxDetail are left as sent).
 */
export function applySalesTax(settings: CompanySettings, record: JsonObject, lines: JsonObject[]): number {
  const tax = salesTaxOf(settings);
  if (!tax) return 0;
  const sentDetail = objectAt(record, "TxnTaxDetail");
  const sentCode = sentDetail ? refAt(sentDetail, "TxnTaxCodeRef") : undefined;
  if (sentCode !== undefined && sentCode !== tax.taxCodeId) {
    throw faults.businessValidation(`Invalid tax code: TxnTaxCodeRef ${sentCode} does not exist.`, "TxnTaxDetail.TxnTaxCodeRef");
  }
  let taxableCents = 0;
  for (const line of salesLines(lines)) {
    const detail = line["SalesItemLineDetail"];
    if (!isObject(detail)) continue;
    const code = refAt(detail, "TaxCodeRef") ?? "NON";
    if (!US_LINE_CODES.has(code)) {
      throw faults.businessValidation(`Invalid line tax code ${code}: use TAX or NON.`, "Line.SalesItemLineDetail.TaxCodeRef");
    }
    detail["TaxCodeRef"] = { value: code };
    if (code === "TAX") taxableCents += toCents(line["Amount"]);
  }
  const taxCents = Math.round(Number(((taxableCents * tax.ratePercent) / 100).toFixed(6)));
  record["TxnTaxDetail"] = {
    TxnTaxCodeRef: { value: tax.taxCodeId, name: tax.taxCodeName },
    TotalTax: fromCents(taxCents),
    TaxLine: [
      {
        Amount: fromCents(taxCents),
        DetailType: "TaxLineDetail",
        TaxLineDetail: { TaxRateRef: { value: tax.taxRateId }, PercentBased: true, TaxPercent: tax.ratePercent, NetAmountTaxable: fromCents(taxableCents) },
      },
    ],
  };
  record["ApplyTaxAfterDiscount"] = false;
  return taxCents;
}

import { describe, expect, it } from "vitest";
import { hasSalesTax, taxBreakdown, taxCodeLabel } from "./sales-tax-view";

describe("sales tax on the invoice pages", () => {
  it("names the US codes and shows other codes as they are", () => {
    expect([taxCodeLabel("TAX"), taxCodeLabel("NON"), taxCodeLabel("7"), taxCodeLabel(null)]).toEqual(["Taxable", "Not taxable", "7", "—"]);
  });

  it("splits the total into subtotal and tax to the cent", () => {
    expect(taxBreakdown({ totalCents: 18_738, taxCents: 1_238 })).toEqual({ subtotalCents: 17_500, taxCents: 1_238, totalCents: 18_738 });
  });

  it("tells taxed invoices from plain ones", () => {
    expect(hasSalesTax({ taxCents: 0, txnTaxCodeRef: null }, [{ taxCodeRef: null }])).toBe(false);
    expect(hasSalesTax({ taxCents: 0, txnTaxCodeRef: "2" }, [])).toBe(true);
    expect(hasSalesTax({ taxCents: 0, txnTaxCodeRef: null }, [{ taxCodeRef: "NON" }])).toBe(true);
  });
});

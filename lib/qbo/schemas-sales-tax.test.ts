import { describe, expect, it } from "vitest";
import { entitySchemas } from "./schemas";

describe("client schema of a taxed invoice", () => {
  it("validates TxnTaxDetail and line TaxCodeRef (Intuit's Invoice shape) and keeps them", () => {
    const invoice = entitySchemas.Invoice.parse({
      Id: "130",
      SyncToken: "0",
      MetaData: { CreateTime: "2026-11-03T09:00:00-08:00", LastUpdatedTime: "2026-11-03T09:00:00-08:00" },
      CustomerRef: { value: "58" },
      TotalAmt: 187.38,
      Balance: 187.38,
      Line: [{ Amount: 150, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: "5" }, TaxCodeRef: { value: "TAX" } } }],
      TxnTaxDetail: {
        TxnTaxCodeRef: { value: "2" },
        TotalTax: 12.38,
        TaxLine: [{ Amount: 12.38, DetailType: "TaxLineDetail", TaxLineDetail: { TaxRateRef: { value: "3" }, PercentBased: true, TaxPercent: 8.25, NetAmountTaxable: 150 } }],
      },
    });
    expect(invoice.TxnTaxDetail?.TotalTax).toBe(12.38);
    expect(invoice.TxnTaxDetail?.TaxLine?.[0]?.TaxLineDetail?.TaxPercent).toBe(8.25);
    expect(invoice.Line[0]?.SalesItemLineDetail?.TaxCodeRef?.value).toBe("TAX");
  });

  it("refuses a TotalTax that is not a number", () => {
    const bad = entitySchemas.Invoice.safeParse({
      Id: "1",
      SyncToken: "0",
      MetaData: { CreateTime: "x", LastUpdatedTime: "x" },
      CustomerRef: { value: "58" },
      TotalAmt: 1,
      Balance: 1,
      TxnTaxDetail: { TotalTax: "lots" },
    });
    expect(bad.success).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultCode, get, idWhere, postOk, startFixture, type SandboxFixture } from "./test-support";
import type { JsonObject } from "./types";

let fx: SandboxFixture;
let customerId: string;
let itemId: string;

function invoiceBody(lines: Array<[amount: number, code?: string]>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    CustomerRef: { value: customerId },
    Line: lines.map(([amount, code]) => ({
      Amount: amount,
      DetailType: "SalesItemLineDetail",
      SalesItemLineDetail: { ItemRef: { value: itemId }, ...(code ? { TaxCodeRef: { value: code } } : {}) },
    })),
    ...extra,
  };
}

beforeAll(async () => {
  fx = await startFixture({ companyName: "Tax Co" });
  const customer = await postOk(fx, "/customer", { DisplayName: "Taxed Customer" }, "Customer");
  customerId = String(customer["Id"]);
  itemId = await idWhere(fx, "Item", "Name = 'Services'");
});
afterAll(async () => fx.close());

describe("sales tax off (the default)", () => {
  it("adds no tax: TotalAmt is the lines", async () => {
    const invoice = await postOk(fx, "/invoice", invoiceBody([[100, "TAX"]]), "Invoice");
    expect(invoice["TotalAmt"]).toBe(100);
    expect(invoice["TxnTaxDetail"]).toBeUndefined();
    const prefs = await fx.api("/preferences");
    expect(get(prefs.body, "Preferences", "TaxPrefs", "UsingSalesTax")).toBe(false);
  });
});

describe("sales tax on", () => {
  beforeAll(async () => {
    // Through the control API: `salesTax: true` switches on the default code "2" at 8.25%.
    const response = await fetch(`${fx.server.url}/_sandbox/companies/${fx.realmId}/settings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ salesTax: true }),
    });
    expect(response.status).toBe(200);
    const settings = (await response.json()) as JsonObject;
    expect(settings["salesTax"]).toEqual({ taxCodeId: "2", taxCodeName: "California", taxRateId: "3", ratePercent: 8.25 });
    // A later patch without salesTax keeps it on.
    fx.server.sandbox.updateSettings(fx.realmId, { duplicateDocNumberCheck: false });
  });

  it("computes TxnTaxDetail on the taxable lines and TotalAmt = lines + tax (8.25% of 150.00 = 12.38)", async () => {
    const invoice = await postOk(fx, "/invoice", invoiceBody([[150, "TAX"], [25, "NON"]]), "Invoice");
    expect(invoice["TxnTaxDetail"]).toEqual({
      TxnTaxCodeRef: { value: "2", name: "California" },
      TotalTax: 12.38,
      TaxLine: [
        {
          Amount: 12.38,
          DetailType: "TaxLineDetail",
          TaxLineDetail: { TaxRateRef: { value: "3" }, PercentBased: true, TaxPercent: 8.25, NetAmountTaxable: 150 },
        },
      ],
    });
    expect(invoice["TotalAmt"]).toBe(187.38);
    expect(invoice["Balance"]).toBe(187.38);
    expect(get(invoice, "Line", 0, "SalesItemLineDetail", "TaxCodeRef")).toEqual({ value: "TAX" });
    expect(get(invoice, "Line", 1, "SalesItemLineDetail", "TaxCodeRef")).toEqual({ value: "NON" });
    const prefs = await fx.api("/preferences");
    expect(get(prefs.body, "Preferences", "TaxPrefs", "UsingSalesTax")).toBe(true);
  });

  it("a line without TaxCodeRef is not taxed and reads back as NON; a sent TotalTax is recomputed", async () => {
    const invoice = await postOk(fx, "/invoice", invoiceBody([[40], [60, "TAX"]], { TxnTaxDetail: { TotalTax: 99 } }), "Invoice");
    expect(get(invoice, "Line", 0, "SalesItemLineDetail", "TaxCodeRef")).toEqual({ value: "NON" });
    expect(get(invoice, "TxnTaxDetail", "TotalTax")).toBe(4.95);
    expect(invoice["TotalAmt"]).toBe(104.95);
  });

  it("discounts lower the total, not the taxable amount (tax before discount, QBO's US default)", async () => {
    const body = invoiceBody([[100, "TAX"]]);
    (body["Line"] as JsonObject[]).push({ Amount: 10, DetailType: "DiscountLineDetail", DiscountLineDetail: { PercentBased: false } });
    const invoice = await postOk(fx, "/invoice", body, "Invoice");
    expect(get(invoice, "TxnTaxDetail", "TotalTax")).toBe(8.25);
    expect(invoice["TotalAmt"]).toBe(98.25);
  });

  it("a sparse update that keeps the codes keeps TotalTax; dropping a line's code re-taxes it", async () => {
    const created = await postOk(fx, "/invoice", invoiceBody([[150, "TAX"], [25, "NON"]]), "Invoice");
    const keep = await postOk(
      fx,
      "/invoice",
      { Id: created["Id"], SyncToken: created["SyncToken"], sparse: true, PrivateNote: "edited", TxnTaxDetail: { TxnTaxCodeRef: { value: "2" } }, Line: invoiceBody([[150, "TAX"], [25, "NON"]])["Line"] },
      "Invoice",
    );
    expect(get(keep, "TxnTaxDetail", "TotalTax")).toBe(12.38);
    expect(keep["TotalAmt"]).toBe(187.38);
    const dropped = await postOk(fx, "/invoice", { Id: keep["Id"], SyncToken: keep["SyncToken"], sparse: true, Line: invoiceBody([[150], [25]])["Line"] }, "Invoice");
    expect(get(dropped, "TxnTaxDetail", "TotalTax")).toBe(0);
    expect(dropped["TotalAmt"]).toBe(175);
  });

  it("refuses a tax code the company does not have, and a line code other than TAX / NON", async () => {
    const badTxnCode = await fx.api("/invoice", { body: invoiceBody([[10, "TAX"]], { TxnTaxDetail: { TxnTaxCodeRef: { value: "77" } } }) });
    expect(badTxnCode.status).toBe(400);
    expect(faultCode(badTxnCode)).toBe("6000");
    const badLineCode = await fx.api("/invoice", { body: invoiceBody([[10, "GST"]]) });
    expect(badLineCode.status).toBe(400);
    expect(faultCode(badLineCode)).toBe("6000");
  });

  it("taxes a bundle's component lines by their own codes (the bundle line itself carries none)", async () => {
    const kit = await postOk(fx, "/item", { Name: "Tax Kit", Type: "Group", ItemGroupDetail: { ItemGroupLine: [{ ItemRef: { value: itemId }, Qty: 1 }] } }, "Item");
    const component = (amount: number, code: string) => ({
      Amount: amount,
      DetailType: "SalesItemLineDetail",
      SalesItemLineDetail: { ItemRef: { value: itemId }, Qty: 1, UnitPrice: amount, TaxCodeRef: { value: code } },
    });
    const body = invoiceBody([[100, "TAX"]]);
    const invoice = await postOk(
      fx,
      "/invoice",
      { ...body, Line: [...(body["Line"] as unknown[]), { DetailType: "GroupLineDetail", GroupLineDetail: { GroupItemRef: { value: kit["Id"] }, Quantity: 1, Line: [component(40, "TAX"), component(60, "NON")] } }] },
      "Invoice",
    );
    // Taxable: 100.00 + 40.00 → 8.25% = 11.55; total 200.00 + 11.55.
    expect(get(invoice, "TxnTaxDetail", "TotalTax")).toBe(11.55);
    expect(get(invoice, "TxnTaxDetail", "TaxLine", 0, "TaxLineDetail", "NetAmountTaxable")).toBe(140);
    expect(invoice["TotalAmt"]).toBe(211.55);
  });
});

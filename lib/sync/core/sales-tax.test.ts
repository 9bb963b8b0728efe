import { describe, expect, it } from "vitest";

import { appTxnContentHash, appTxnToQboCreate, appTxnToQboUpdate, invoiceTotalCents, qboTxnToAppFields } from "@/lib/sync/core/mappers";
import { parseQboTxn } from "@/lib/sync/core/qbo-parse";
import { answerMismatch } from "@/lib/sync/core/twin";
import { STANDARD_REFS, readyPrefs, tableResolver } from "@/lib/sync/core/test-fixtures";
import type { AppTxnSnapshot, QboTxnSnapshot } from "@/lib/sync/core/types";

/**
 * A US invoice with sales tax, in the shape of Intuit's Invoice reference: lines carry
 * SalesItemLineDetail.TaxCodeRef "TAX" / "NON", TxnTaxDetail carries TxnTaxCodeRef, TotalTax and one
 * TaxLine per rate (TaxLineDetail: TaxRateRef, PercentBased, TaxPercent, NetAmountTaxable), and
 * TotalAmt = lines + TotalTax. 8.25% of 150.00 = 12.375 → 12.38.
 */
const taxedInvoiceJson = {
  Id: "130",
  SyncToken: "0",
  MetaData: { CreateTime: "2026-11-03T09:00:00-08:00", LastUpdatedTime: "2026-11-03T09:00:00-08:00" },
  DocNumber: "1037",
  TxnDate: "2026-11-03",
  DueDate: "2026-12-03",
  CustomerRef: { value: "58", name: "Sonnenschein Family Store" },
  Line: [
    {
      Id: "1",
      LineNum: 1,
      Amount: 150,
      Description: "Garden design",
      DetailType: "SalesItemLineDetail",
      SalesItemLineDetail: { ItemRef: { value: "5", name: "Design" }, Qty: 2, UnitPrice: 75, TaxCodeRef: { value: "TAX" } },
    },
    {
      Id: "2",
      LineNum: 2,
      Amount: 25,
      Description: "Delivery",
      DetailType: "SalesItemLineDetail",
      SalesItemLineDetail: { ItemRef: { value: "5", name: "Design" }, Qty: 1, UnitPrice: 25, TaxCodeRef: { value: "NON" } },
    },
    { Amount: 175, DetailType: "SubTotalLineDetail", SubTotalLineDetail: {} },
  ],
  TxnTaxDetail: {
    TxnTaxCodeRef: { value: "2" },
    TotalTax: 12.38,
    TaxLine: [
      {
        Amount: 12.38,
        DetailType: "TaxLineDetail",
        TaxLineDetail: { TaxRateRef: { value: "3" }, PercentBased: true, TaxPercent: 8.25, NetAmountTaxable: 150 },
      },
    ],
  },
  ApplyTaxAfterDiscount: false,
  GlobalTaxCalculation: "TaxExcluded",
  TotalAmt: 187.38,
  Balance: 187.38,
};

const ctx = { prefs: readyPrefs(), resolver: tableResolver(STANDARD_REFS) };

function parsedInvoice(json: unknown = taxedInvoiceJson): QboTxnSnapshot {
  const parsed = parseQboTxn(json, "invoice");
  if ("deleted" in parsed) throw new Error("expected a live invoice");
  return parsed;
}

describe("sales tax on invoices: QBO → app", () => {
  it("parses TxnTaxDetail.TotalTax, TxnTaxCodeRef and the TaxCodeRef of each line", () => {
    const invoice = parsedInvoice();
    expect(invoice.totalCents).toBe(18_738);
    expect(invoice.taxCents).toBe(1_238);
    expect(invoice.txnTaxCodeQboId).toBe("2");
    expect(invoice.lines.map((line) => [line.amountCents, line.taxCodeQboId])).toEqual([
      [15_000, "TAX"],
      [2_500, "NON"],
    ]);
  });

  it("maps to app fields whose lines plus tax equal TotalAmt to the cent", () => {
    const fields = qboTxnToAppFields(parsedInvoice(), "invoice", ctx);
    if (!fields.ok) throw new Error(fields.reason);
    expect(fields.value.taxCents).toBe(1_238);
    expect(fields.value.txnTaxCode).toBe("2");
    expect(fields.value.lines.map((line) => line.taxCode)).toEqual(["TAX", "NON"]);
    expect(invoiceTotalCents(fields.value.lines, fields.value.taxCents ?? 0)).toBe(fields.value.totalCents);
    expect(fields.value.totalCents).toBe(18_738);
  });

  it("keeps a discount out of the taxable sum but inside the total", () => {
    const json = {
      ...taxedInvoiceJson,
      Line: [
        ...taxedInvoiceJson.Line.slice(0, 2),
        { Amount: 10, DetailType: "DiscountLineDetail", DiscountLineDetail: { PercentBased: false } },
        { Amount: 175, DetailType: "SubTotalLineDetail", SubTotalLineDetail: {} },
      ],
      TotalAmt: 177.38,
    };
    const fields = qboTxnToAppFields(parsedInvoice(json), "invoice", ctx);
    if (!fields.ok) throw new Error(fields.reason);
    expect(invoiceTotalCents(fields.value.lines, fields.value.taxCents ?? 0)).toBe(17_738);
  });

  it("takes the sum of the tax lines when TotalTax is absent, and 0 tax without TxnTaxDetail", () => {
    const detail: Record<string, unknown> = { ...taxedInvoiceJson.TxnTaxDetail };
    delete detail["TotalTax"];
    expect(parsedInvoice({ ...taxedInvoiceJson, TxnTaxDetail: detail }).taxCents).toBe(1_238);
    const untaxed: Record<string, unknown> = { ...taxedInvoiceJson };
    delete untaxed["TxnTaxDetail"];
    const plain = parsedInvoice({ ...untaxed, TotalAmt: 175 });
    expect(plain.taxCents).toBeUndefined();
    const fields = qboTxnToAppFields(plain, "invoice", ctx);
    expect(fields.ok && fields.value.taxCents).toBe(0);
    expect(fields.ok && fields.value.txnTaxCode).toBeUndefined();
  });

  it("accepts amounts as strings, as some QBO payloads send them", () => {
    const json = { ...taxedInvoiceJson, TxnTaxDetail: { ...taxedInvoiceJson.TxnTaxDetail, TotalTax: "12.38" } };
    expect(parsedInvoice(json).taxCents).toBe(1_238);
  });
});

describe("sales tax on invoices: app → QBO", () => {
  function importedApp(): AppTxnSnapshot {
    const fields = qboTxnToAppFields(parsedInvoice(), "invoice", ctx);
    if (!fields.ok) throw new Error(fields.reason);
    const base: AppTxnSnapshot = {
      id: "inv-1",
      number: fields.value.number,
      counterpartyId: fields.value.counterpartyId,
      totalCents: fields.value.totalCents,
      taxCents: fields.value.taxCents ?? 0,
      status: "open",
      updatedAt: "2026-11-04T10:00:00.000Z",
      currency: "USD",
      contentHash: "",
      txnDate: fields.value.txnDate,
      lines: fields.value.lines,
      ...(fields.value.txnTaxCode ? { txnTaxCode: fields.value.txnTaxCode } : {}),
    };
    return { ...base, contentHash: appTxnContentHash(base) };
  }

  it("an update sends back TxnTaxDetail.TxnTaxCodeRef and each line's TaxCodeRef (never TotalTax)", () => {
    const body = appTxnToQboUpdate({ ...importedApp(), memo: "Edited in Ledgerbridge" }, "invoice", { qboId: "130", syncToken: "0" }, ctx);
    if (!body.ok) throw new Error(body.reason);
    expect(body.value.TxnTaxDetail).toEqual({ TxnTaxCodeRef: { value: "2" } });
    expect(body.value.Line.map((line) => line.SalesItemLineDetail?.TaxCodeRef)).toEqual([{ value: "TAX" }, { value: "NON" }]);
    expect(JSON.stringify(body.value)).not.toContain("TotalTax");
    expect(body.value.Line.map((line) => line.Amount)).toEqual([150, 25]);
  });

  it("a create of an app invoice with tax data carries it too; one without sends no tax fields", () => {
    const taxed = appTxnToQboCreate(importedApp(), "invoice", ctx);
    expect(taxed.ok && taxed.value.TxnTaxDetail).toEqual({ TxnTaxCodeRef: { value: "2" } });
    const plain = importedApp();
    const untaxed = { ...plain };
    delete untaxed.txnTaxCode;
    const lines = plain.lines.map((line) => {
      const copy = { ...line };
      delete copy.taxCode;
      return copy;
    });
    const body = appTxnToQboCreate({ ...untaxed, lines }, "invoice", ctx);
    if (!body.ok) throw new Error(body.reason);
    expect(body.value.TxnTaxDetail).toBeUndefined();
    expect(body.value.Line.every((line) => line.SalesItemLineDetail?.TaxCodeRef === undefined)).toBe(true);
  });

  it("tax codes are content (a changed code is a change to send); the tax amount is not", () => {
    const app = importedApp();
    const recoded = { ...app, lines: app.lines.map((line, i) => (i === 1 ? { ...line, taxCode: "TAX" } : line)) };
    expect(appTxnContentHash(recoded)).not.toBe(app.contentHash);
    expect(appTxnContentHash({ ...app, txnTaxCode: "4" })).not.toBe(app.contentHash);
    const retaxed: AppTxnSnapshot = { ...app, taxCents: 999 };
    expect(appTxnContentHash(retaxed)).toBe(app.contentHash);
  });

  it("records without tax codes hash exactly as before the tax fields existed (no mass re-send)", () => {
    // The hash of this untaxed invoice as main computed it before sales tax was modelled.
    const untaxed = {
      number: "1037",
      counterpartyId: "cus-1",
      txnDate: "2026-11-03",
      currency: "USD",
      status: "open" as const,
      lines: [
        { amountCents: 15_000, description: "Garden design", itemId: "item-1", qty: 2, unitPrice: 75 },
        { amountCents: 2_500, description: "Delivery", itemId: "item-1", qty: 1, unitPrice: 25 },
      ],
    };
    expect(appTxnContentHash(untaxed)).toBe("d9031650ca98deded4ec10925520f0cbd42fb8b64c46e54a8d0b0cb9945d1eab");
  });
});

describe("sales tax in twin checks", () => {
  it("a write of taxable lines without a TxnTaxCodeRef is not compared by amount (QBO adds the tax)", () => {
    const sent = {
      CustomerRef: { value: "58" },
      DocNumber: "1037",
      Line: [{ Amount: 150, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { TaxCodeRef: { value: "TAX" } } }],
    };
    const answer = { Id: "130", DocNumber: "1037", CustomerRef: { value: "58" }, TotalAmt: 162.38 };
    expect(answerMismatch({ operation: "create", sent, answer })).toBeNull();
    // Untaxed lines still must add up.
    const untaxed = { ...sent, Line: [{ Amount: 150, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { TaxCodeRef: { value: "NON" } } }] };
    expect(answerMismatch({ operation: "create", sent: untaxed, answer })?.field).toBe("amount");
  });
});

import { describe, expect, it } from "vitest";

import { evaluateInbound } from "@/lib/sync/core/inbound-rules";
import { appTxnContentHash, qboTxnToAppFields } from "@/lib/sync/core/mappers";
import { evaluateOutbound } from "@/lib/sync/core/outbound-rules";
import { planEntitySync } from "@/lib/sync/core/plan";
import { parseQboTxn } from "@/lib/sync/core/qbo-parse";
import { describeReason } from "@/lib/sync/core/reasons";
import { appBill, mappingOf, readyPrefs, tableResolver } from "@/lib/sync/core/test-fixtures";
import type { QboTxnSnapshot } from "@/lib/sync/core/types";

/**
 * Shapes from Intuit's Invoice reference: a GroupLine carries GroupItemRef, Quantity and its
 * component SalesItemLines in GroupLineDetail.Line; the group line's own Amount may be 0 (as in
 * public SDK fixtures), so the components carry the money.
 */
function invoiceJson(lines: unknown[], totalAmt: number, overrides: Record<string, unknown> = {}) {
  return {
    Id: "501",
    SyncToken: "0",
    MetaData: { LastUpdatedTime: "2026-11-02T09:00:00-08:00" },
    DocNumber: "INV-501",
    TxnDate: "2026-11-01",
    CustomerRef: { value: "58", name: "Cool Cars" },
    TotalAmt: totalAmt,
    Balance: totalAmt,
    Line: lines,
    ...overrides,
  };
}

const sales = (id: string, amount: number, item: string, qty: number, unitPrice: number) => ({
  Id: id,
  Amount: amount,
  DetailType: "SalesItemLineDetail",
  Description: `Item ${item}`,
  SalesItemLineDetail: { ItemRef: { value: item, name: `Item ${item}` }, Qty: qty, UnitPrice: unitPrice, TaxCodeRef: { value: "NON" } },
});

const bundleLine = {
  Id: "2",
  LineNum: 2,
  Amount: 0,
  DetailType: "GroupLineDetail",
  GroupLineDetail: {
    GroupItemRef: { value: "19", name: "Deluxe Fountain" },
    Quantity: 3,
    Line: [sales("3", 57, "11", 3, 19), sales("4", 15.45, "5", 3, 5.15)],
  },
};

function parsedInvoice(json: unknown): QboTxnSnapshot {
  const parsed = parseQboTxn(json, "invoice");
  if ("deleted" in parsed) throw new Error("expected a live invoice");
  return parsed;
}

const prefs = readyPrefs();

describe("bundles (GroupLineDetail)", () => {
  const json = invoiceJson(
    [
      sales("1", 100, "1", 1, 100),
      bundleLine,
      { Id: "5", Amount: 10.1, DetailType: "DiscountLineDetail", DiscountLineDetail: { PercentBased: false } },
      { Amount: 172.45, DetailType: "SubTotalLineDetail", SubTotalLineDetail: {} },
      { Id: "6", DetailType: "DescriptionOnly", Description: "Thanks!", DescriptionLineDetail: {} },
    ],
    162.35,
  );

  it("imports the components as lines tagged with the bundle, adding up to the total to the cent", () => {
    const invoice = parsedInvoice(json);
    expect(invoice.unsupportedLines).toBeUndefined();
    expect(invoice.lines.map((line) => [line.detailType, line.amountCents, line.itemQboId, line.bundle?.name])).toEqual([
      ["SalesItemLineDetail", 10_000, "1", undefined],
      ["SalesItemLineDetail", 5_700, "11", "Deluxe Fountain"],
      ["SalesItemLineDetail", 1_545, "5", "Deluxe Fountain"],
      ["DiscountLineDetail", 1_010, undefined, undefined],
    ]);
    expect(invoice.lines[1]?.bundle).toEqual({ key: "2", name: "Deluxe Fountain", qty: 3 });
    expect(invoice.lines[1]).toMatchObject({ qty: 3, unitPrice: 19 });
    expect(evaluateInbound(invoice, "invoice", prefs)).toEqual({ action: "import" });
  });

  it("carries the bundle onto the app lines, and a bundle changes the content hash", () => {
    const invoice = parsedInvoice(json);
    const fields = qboTxnToAppFields(invoice, "invoice", { prefs, resolver: tableResolver({ customer: { "cust-1": "58" }, item: { "item-1": "1", "item-11": "11", "item-5": "5" } }) });
    if (!fields.ok) throw new Error("expected fields");
    expect(fields.value.lines.map((line) => line.bundle?.name ?? null)).toEqual([null, "Deluxe Fountain", "Deluxe Fountain", null]);
    expect(fields.value.totalCents).toBe(16_235);
    const app = { ...appBill(), lines: fields.value.lines };
    const flattened = { ...app, lines: app.lines.map((line) => ({ ...line, bundle: undefined })) };
    expect(appTxnContentHash(app)).not.toBe(appTxnContentHash(flattened));
  });

  it("a bundle without its component lines but with an amount cannot be shown", () => {
    const invoice = parsedInvoice(
      invoiceJson([{ Id: "1", Amount: 40, DetailType: "GroupLineDetail", GroupLineDetail: { GroupItemRef: { value: "19" }, Quantity: 1 } }], 40),
    );
    expect(invoice.unsupportedLines).toEqual(["GroupLineDetail without its component lines"]);
  });

  it("on a bill, a GroupLineDetail is a line type the app does not know", () => {
    const bill = parseQboTxn(
      { ...invoiceJson([bundleLine], 72.45), CustomerRef: undefined, VendorRef: { value: "56" } },
      "bill",
    ) as QboTxnSnapshot;
    expect(bill.unsupportedLines).toEqual(["GroupLineDetail"]);
    expect(bill.lines).toEqual([]);
  });
});

describe("never a wrong total", () => {
  it("an unknown line type → skipped with LINES_NOT_SUPPORTED, naming the type", () => {
    const invoice = parsedInvoice(
      invoiceJson([sales("1", 100, "1", 1, 100), { Id: "2", Amount: 5, DetailType: "TDSLineDetail", TDSLineDetail: {} }], 105),
    );
    const verdict = evaluateInbound(invoice, "invoice", prefs);
    expect(verdict).toMatchObject({ action: "skip", reason: "LINES_NOT_SUPPORTED", params: { lineTypes: ["TDSLineDetail"], docNumber: "INV-501" } });
    if (verdict.action !== "skip") throw new Error("expected a skip");
    const text = describeReason(verdict.reason, verdict.params);
    expect(text.severity).toBe("skip");
    expect(text.fix).toContain("has lines Ledgerbridge can’t show yet: TDSLineDetail");
    expect(text.explanation).toContain("Invoice INV-501 for Cool Cars has lines Ledgerbridge can’t show yet: TDSLineDetail");
  });

  it("a DescriptionOnly line with an amount → skipped; without one it is only text and the invoice imports", () => {
    const withAmount = parsedInvoice(invoiceJson([sales("1", 100, "1", 1, 100), { Id: "2", Amount: 100, DetailType: "DescriptionOnly", Description: "Subtotal" }], 100));
    expect(evaluateInbound(withAmount, "invoice", prefs)).toMatchObject({ reason: "LINES_NOT_SUPPORTED", params: { lineTypes: ["DescriptionOnly with an amount"] } });
    const textOnly = parsedInvoice(invoiceJson([sales("1", 100, "1", 1, 100), { Id: "2", DetailType: "DescriptionOnly", Description: "Note" }], 100));
    expect(evaluateInbound(textOnly, "invoice", prefs)).toEqual({ action: "import" });
  });

  it("lines that do not add up to TotalAmt → skipped, saying both amounts", () => {
    // 100.00 of lines, 108.25 total, and no TxnTaxDetail to explain the difference.
    const invoice = parsedInvoice(invoiceJson([sales("1", 100, "1", 1, 100)], 108.25));
    expect(evaluateInbound(invoice, "invoice", prefs)).toMatchObject({
      action: "skip",
      reason: "LINES_NOT_SUPPORTED",
      params: { lineTypes: ["lines adding up to $100.00 for a total of $108.25"] },
    });
  });

  it("sales tax (TxnTaxDetail.TotalTax) counts: lines + tax = TotalAmt imports", () => {
    const json = { ...invoiceJson([sales("1", 100, "1", 1, 100)], 108.25), TxnTaxDetail: { TxnTaxCodeRef: { value: "2" }, TotalTax: 8.25 } };
    const invoice = parsedInvoice(json);
    expect(evaluateInbound(invoice, "invoice", prefs)).toMatchObject({ action: "import" });
    // …but tax that still does not explain the total is caught.
    const off = parsedInvoice({ ...json, TxnTaxDetail: { TxnTaxCodeRef: { value: "2" }, TotalTax: 8 } });
    expect(evaluateInbound(off, "invoice", prefs)).toMatchObject({
      reason: "LINES_NOT_SUPPORTED",
      params: { lineTypes: ["lines adding up to $100.00 and $8.00 of sales tax for a total of $108.25"] },
    });
  });

  it("discounts subtract and SubTotal lines are not counted, to the cent", () => {
    const invoice = parsedInvoice(
      invoiceJson(
        [
          sales("1", 0.1, "1", 1, 0.1),
          sales("2", 0.2, "1", 1, 0.2),
          { Amount: 0.3, DetailType: "SubTotalLineDetail", SubTotalLineDetail: {} },
          { Id: "3", Amount: 0.05, DetailType: "DiscountLineDetail", DiscountLineDetail: { PercentBased: true, DiscountPercent: 16.6667 } },
        ],
        0.25,
      ),
    );
    expect(evaluateInbound(invoice, "invoice", prefs)).toEqual({ action: "import" });
  });

  it("a linked invoice whose QBO version gains an unknown line is not applied in the app, nor overwritten from it", () => {
    const qbo = parsedInvoice(
      invoiceJson([sales("1", 100, "1", 1, 100), { Id: "2", Amount: 5, DetailType: "TDSLineDetail" }], 105, { SyncToken: "1" }),
    );
    const app = { ...appBill({ id: "inv-1", number: "INV-501", counterpartyId: "cust-1", totalCents: 10_000 }), contentHash: "changed" };
    const resolver = tableResolver({ customer: { "cust-1": "58" } });
    for (const masterInConflict of ["quickbooks", "ledgerbridge"] as const) {
      const [decision] = planEntitySync({
        kind: "invoice",
        appRecords: [app],
        qboRecords: [qbo],
        mappings: [mappingOf("inv-1", "501", { contentHash: "before" })],
        prefs: readyPrefs({ masterInConflict }),
        resolver,
      });
      expect(decision).toMatchObject({ type: "skip", reason: "LINES_NOT_SUPPORTED", localId: "inv-1", qboId: "501" });
    }
  });
});

describe("write-back of an invoice with a bundle", () => {
  const bundled = appBill({
    id: "inv-1",
    number: "INV-501",
    counterpartyId: "cust-1",
    totalCents: 7_245,
    lines: [
      { amountCents: 5_700, itemId: "item-11", bundle: { key: "2", name: "Deluxe Fountain", qty: 3 } },
      { amountCents: 1_545, itemId: "item-5", bundle: { key: "2", name: "Deluxe Fountain", qty: 3 } },
    ],
  });

  it("is never sent: an app edit is skipped with BUNDLE_NOT_WRITABLE naming the bundle", () => {
    expect(evaluateOutbound(bundled, "invoice", { prefs, linked: true, counterpartySynced: true })).toMatchObject({
      action: "skip",
      reason: "BUNDLE_NOT_WRITABLE",
      params: { bundleName: "Deluxe Fountain" },
    });
    const [decision] = planEntitySync({
      kind: "invoice",
      appRecords: [{ ...bundled, contentHash: "edited" }],
      qboRecords: [],
      mappings: [mappingOf("inv-1", "501", { contentHash: "as imported" })],
      prefs,
      resolver: tableResolver({ customer: { "cust-1": "58" } }),
    });
    expect(decision).toMatchObject({ type: "skip", reason: "BUNDLE_NOT_WRITABLE" });
    expect(describeReason("BUNDLE_NOT_WRITABLE", { record: "invoice", docNumber: "INV-501", bundleName: "Deluxe Fountain" }).fix).toMatch(/in QuickBooks/);
  });
});

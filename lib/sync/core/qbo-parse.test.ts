import { describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { looksVoided, parseQboParty, parseQboPayment, parseQboTxn } from "@/lib/sync/core/qbo-parse";

const billJson = {
  Id: "146",
  SyncToken: "2",
  MetaData: { CreateTime: "2026-11-01T09:00:00-08:00", LastUpdatedTime: "2026-11-02T09:00:00-08:00" },
  DocNumber: "B-100",
  TxnDate: "2026-11-01",
  DueDate: "2026-12-01",
  VendorRef: { value: "56", name: "Acme Supplies" },
  TotalAmt: 125.5,
  Balance: "125.50",
  PrivateNote: "QuickBooks Commerce: PO 7",
  Line: [
    { Id: "1", Amount: 100.1, DetailType: "AccountBasedExpenseLineDetail", Description: "Paper", AccountBasedExpenseLineDetail: { AccountRef: { value: "7" }, ClassRef: { value: "200" }, BillableStatus: "NotBillable" } },
    { Id: "2", Amount: 25.4, DetailType: "ItemBasedExpenseLineDetail", ItemBasedExpenseLineDetail: { ItemRef: { value: "5" }, Qty: 2, UnitPrice: 12.7 } },
    { Amount: 125.5, DetailType: "SubTotalLineDetail", SubTotalLineDetail: {} },
  ],
  LinkedTxn: [],
};

describe("parseQboTxn", () => {
  it("parses a bill into a snapshot (USD by default, amounts in cents)", () => {
    expect(parseQboTxn(billJson, "bill")).toEqual({
      id: "146",
      syncToken: "2",
      lastUpdatedTime: "2026-11-02T09:00:00-08:00",
      docNumber: "B-100",
      currency: "USD",
      totalCents: 12_550,
      balanceCents: 12_550,
      voided: false,
      privateNote: "QuickBooks Commerce: PO 7",
      counterpartyQboId: "56",
      counterpartyName: "Acme Supplies",
      txnDate: "2026-11-01",
      dueDate: "2026-12-01",
      lines: [
        { detailType: "AccountBasedExpenseLineDetail", amountCents: 10_010, description: "Paper", accountQboId: "7", classQboId: "200" },
        { detailType: "ItemBasedExpenseLineDetail", amountCents: 2_540, itemQboId: "5", qty: 2, unitPrice: 12.7 },
      ],
    });
  });

  it("reads a partly paid bill as QBO links its payments (BillPaymentCheck / BillPaymentCreditCard) with summer offsets", () => {
    const bill = parseQboTxn(
      {
        ...billJson,
        MetaData: { CreateTime: "2026-07-01T09:00:00-07:00", LastUpdatedTime: "2026-07-02T09:00:00-07:00" },
        Balance: 25.5,
        LinkedTxn: [
          { TxnId: "300", TxnType: "BillPaymentCheck" },
          { TxnId: "301", TxnType: "BillPaymentCreditCard" },
        ],
      },
      "bill",
    );
    expect(bill).toMatchObject({ id: "146", totalCents: 12_550, balanceCents: 2_550, lastUpdatedTime: "2026-07-02T09:00:00-07:00", voided: false });
  });

  it("reads a voided invoice that keeps its lines at zero (as QBO returns it)", () => {
    const voided = parseQboTxn(
      { Id: "171", SyncToken: "3", MetaData: { LastUpdatedTime: "2026-11-02T00:00:00-08:00" }, CustomerRef: { value: "58" }, TotalAmt: 0, Balance: 0, DocNumber: "1042", PrivateNote: "Voided - spring job", Line: [{ Amount: 0, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: "1" }, Qty: 0, UnitPrice: 40 } }, { Amount: 0, DetailType: "SubTotalLineDetail", SubTotalLineDetail: {} }] },
      "invoice",
    );
    expect(voided).toMatchObject({ voided: true, totalCents: 0 });
  });

  it("reads invoices, currency, TxnSource and an empty DocNumber", () => {
    const invoice = parseQboTxn(
      { Id: "170", SyncToken: "0", MetaData: { LastUpdatedTime: "2026-11-02T00:00:00Z" }, CustomerRef: { value: "58" }, CurrencyRef: { value: "CAD" }, TotalAmt: 10, Balance: 10, DocNumber: "", TxnSource: "QuickBooksCommerce", Line: [{ Amount: 10, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: "1" } } }, { Amount: 1, DetailType: "DiscountLineDetail", DiscountLineDetail: { PercentBased: false } }] },
      "invoice",
    );
    expect(invoice).toMatchObject({ currency: "CAD", txnSource: "QuickBooksCommerce", counterpartyQboId: "58" });
    expect("docNumber" in invoice).toBe(false);
    expect("lines" in invoice && invoice.lines).toEqual([
      { detailType: "SalesItemLineDetail", amountCents: 1_000, itemQboId: "1" },
      { detailType: "DiscountLineDetail", amountCents: 100 },
    ]);
  });

  it("recognises voided invoices, never voided bills", () => {
    const voided = { ...billJson, CustomerRef: { value: "58" }, TotalAmt: 0, Balance: 0, PrivateNote: "Voided - was 125.50", Line: [] };
    expect(parseQboTxn(voided, "invoice")).toMatchObject({ voided: true, totalCents: 0 });
    expect(parseQboTxn(voided, "bill")).toMatchObject({ voided: false });
    expect(looksVoided({ TotalAmt: 0, Balance: 0, PrivateNote: "Paid in cash, voided cheque" })).toBe(false);
    expect(looksVoided({ TotalAmt: 5, Balance: 0, PrivateNote: "Voided" })).toBe(false);
  });

  it("parses CDC tombstones", () => {
    expect(parseQboTxn({ Id: "146", status: "Deleted", MetaData: { LastUpdatedTime: "2026-11-03T00:00:00Z" } }, "bill")).toEqual({
      id: "146",
      deleted: true,
      lastUpdatedTime: "2026-11-03T00:00:00Z",
    });
  });

  it("rejects malformed input", () => {
    expect(() => parseQboTxn({ Id: 146 }, "bill")).toThrow(ZodError);
    expect(() => parseQboTxn({ ...billJson, VendorRef: undefined }, "bill")).toThrow(ZodError);
  });
});

describe("parseQboParty", () => {
  it("parses vendors/customers with QBO's defaults", () => {
    expect(parseQboParty({ Id: "56", SyncToken: "1", MetaData: { LastUpdatedTime: "t" }, DisplayName: "Acme", PrimaryEmailAddr: { Address: "ap@acme.test" } })).toEqual({
      id: "56",
      syncToken: "1",
      lastUpdatedTime: "t",
      displayName: "Acme",
      active: true,
      currency: "USD",
      email: "ap@acme.test",
    });
    expect(parseQboParty({ Id: "57", SyncToken: "0", MetaData: { LastUpdatedTime: "t" }, DisplayName: "Old", Active: false })).toMatchObject({ active: false });
    expect(parseQboParty({ Id: "57", status: "Deleted" })).toEqual({ id: "57", deleted: true });
  });
});

describe("parseQboPayment", () => {
  it("collects links with their line amounts", () => {
    const parsed = parseQboPayment(
      {
        Id: "800",
        SyncToken: "0",
        TotalAmt: 70,
        TxnDate: "2026-11-14",
        VendorRef: { value: "56" },
        PayType: "Check",
        Line: [
          { Amount: 100, LinkedTxn: [{ TxnId: "146", TxnType: "Bill" }] },
          { Amount: 30, LinkedTxn: [{ TxnId: "300", TxnType: "VendorCredit" }] },
          { Amount: 1, LinkedTxn: [{ TxnId: "9", TxnType: "Expense" }] },
        ],
      },
      "bill_payment",
    );
    expect(parsed).toEqual({
      id: "800",
      kind: "bill_payment",
      syncToken: "0",
      voided: false,
      totalCents: 7_000,
      counterpartyQboId: "56",
      txnDate: "2026-11-14",
      links: [
        { txnId: "146", txnType: "Bill", amountCents: 10_000 },
        { txnId: "300", txnType: "VendorCredit", amountCents: 3_000 },
      ],
    });
  });

  it("recognises voided and deleted payments", () => {
    expect(parseQboPayment({ Id: "801", SyncToken: "3", TotalAmt: 0, PrivateNote: "Voided", CustomerRef: { value: "58" }, Line: [] }, "payment")).toMatchObject({ voided: true, counterpartyQboId: "58" });
    expect(parseQboPayment({ Id: "802", status: "Deleted" }, "payment")).toMatchObject({ id: "802", deleted: true });
  });
});

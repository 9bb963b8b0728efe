import { describe, expect, it } from "vitest";

import {
  creditSettlementId,
  planBillSettlement,
  planFundsTransfer,
  planInboundPayments,
  planInvoicePayments,
  type AppBillPayment,
  type AppReceivedPayment,
  type AppVendorCreditApplication,
  type BillSettlementInput,
  type QboJournalEntryBody,
  type QboPaymentSnapshot,
} from "@/lib/sync/core/payments-plan";
import { STANDARD_REFS, mappingOf, readyPrefs, tableResolver } from "@/lib/sync/core/test-fixtures";

const resolver = tableResolver({ ...STANDARD_REFS, bill: { "bill-1": "146" }, invoice: { "inv-1": "170" }, vendor_credit: { "vc-1": "300", "vc-2": "301" } });
const bill = { id: "bill-1", number: "B-100", vendorId: "ven-1", vendorName: "Acme Supplies", totalCents: 10_000 };

function payment(overrides: Partial<AppBillPayment> = {}): AppBillPayment {
  return { id: "pay-1", billId: "bill-1", amountCents: 10_000, date: "2026-11-12", method: "electronic", syncToQbo: true, voided: false, ...overrides };
}

function credit(overrides: Partial<AppVendorCreditApplication> = {}): AppVendorCreditApplication {
  return { id: "app-1", vendorCreditId: "vc-1", billId: "bill-1", amountCents: 3_000, date: "2026-11-11", ...overrides };
}

function settle(overrides: Partial<BillSettlementInput>) {
  return planBillSettlement({ bill, payments: [], creditApplications: [], paymentMappings: [], prefs: readyPrefs(), resolver, ...overrides });
}

describe("planBillSettlement — payments", () => {
  it("an electronic payment becomes a BillPayment from Money Out Clearing", () => {
    expect(settle({ payments: [payment({ reference: "EP-1" })] })).toEqual([
      {
        type: "create-bill-payment",
        localId: "pay-1",
        billId: "bill-1",
        creditApplicationIds: [],
        body: {
          VendorRef: { value: "56" },
          PayType: "Check",
          CheckPayment: { BankAccountRef: { value: "80" } },
          TotalAmt: 100,
          TxnDate: "2026-11-12",
          DocNumber: "EP-1",
          Line: [{ Amount: 100, LinkedTxn: [{ TxnId: "146", TxnType: "Bill" }] }],
        },
      },
    ]);
  });

  it("an offline payment syncs from its bank account only when Sync to QuickBooks is ticked", () => {
    const [chosen] = settle({ payments: [payment({ method: "offline", bankAccountId: "acc-bank-2" })] });
    expect(chosen).toMatchObject({ type: "create-bill-payment", body: { CheckPayment: { BankAccountRef: { value: "36" } } } });
    const [fallback] = settle({ payments: [payment({ method: "offline" })] });
    expect(fallback).toMatchObject({ body: { CheckPayment: { BankAccountRef: { value: "35" } } } });
    const [unticked] = settle({ payments: [payment({ method: "offline", syncToQbo: false })] });
    expect(unticked).toMatchObject({ type: "skip", reason: "NOT_MARKED_FOR_SYNC", severity: "skip" });
  });

  it("waits for a missing clearing account, bill or vendor", () => {
    expect(settle({ payments: [payment()], prefs: readyPrefs({ moneyOutClearingAccountId: undefined }) })).toEqual([
      expect.objectContaining({ type: "skip", reason: "PREFERENCES_MISSING", params: expect.objectContaining({ missing: ["Money Out Clearing Account"] }) }),
    ]);
    expect(settle({ payments: [payment()], bill: { ...bill, id: "bill-unsynced" } })).toEqual([expect.objectContaining({ reason: "BILL_NOT_SYNCED" })]);
    expect(settle({ payments: [payment()], bill: { ...bill, vendorId: "ven-x" } })).toEqual([expect.objectContaining({ reason: "VENDOR_NOT_SYNCED" })]);
  });

  it("says the account is not in QuickBooks (not that preferences are missing) when a set account has no QBO twin", () => {
    expect(settle({ payments: [payment({ method: "offline", bankAccountId: "acc-closed-in-qbo" })] })).toEqual([
      expect.objectContaining({ type: "skip", reason: "ACCOUNT_NOT_IN_QBO", severity: "failure", params: expect.objectContaining({ account: "the bank account it was paid from" }) }),
    ]);
    expect(settle({ payments: [payment()], prefs: readyPrefs({ moneyOutClearingAccountId: "acc-closed-in-qbo" }) })).toEqual([
      expect.objectContaining({ reason: "ACCOUNT_NOT_IN_QBO", params: expect.objectContaining({ account: "Money Out Clearing Account" }) }),
    ]);
  });

  it("does not send a synced payment twice", () => {
    expect(settle({ payments: [payment()], paymentMappings: [mappingOf("pay-1", "900")] })).toEqual([{ type: "noop", localId: "pay-1" }]);
  });

  it("voids a synced payment voided in the app; an unsynced void needs nothing", () => {
    const decisions = settle({
      payments: [payment({ voided: true }), payment({ id: "pay-2", voided: true })],
      paymentMappings: [mappingOf("pay-1", "900", { syncToken: "2" })],
    });
    expect(decisions).toEqual([
      { type: "void-bill-payment", localId: "pay-1", qboId: "900", body: { Id: "900", SyncToken: "2", sparse: true } },
      { type: "noop", localId: "pay-2" },
    ]);
  });
});

describe("planBillSettlement — vendor credits follow the bill's payment status", () => {
  it("bill not fully settled → credit stays unapplied in QBO; the partial payment syncs alone", () => {
    const decisions = settle({ payments: [payment({ amountCents: 5_000 })], creditApplications: [credit()] });
    expect(decisions).toEqual([
      { type: "hold-credits", billId: "bill-1", creditApplicationIds: ["app-1"] },
      expect.objectContaining({ type: "create-bill-payment", creditApplicationIds: [], body: expect.objectContaining({ TotalAmt: 50 }) }),
    ]);
  });

  it("rest paid → the BillPayment links the bill and the credit (bill line = cash + credit, TotalAmt = cash)", () => {
    const [decision] = settle({ payments: [payment({ amountCents: 7_000 })], creditApplications: [credit()] });
    expect(decision).toEqual({
      type: "create-bill-payment",
      localId: "pay-1",
      billId: "bill-1",
      creditApplicationIds: ["app-1"],
      body: {
        VendorRef: { value: "56" },
        PayType: "Check",
        CheckPayment: { BankAccountRef: { value: "80" } },
        TotalAmt: 70,
        TxnDate: "2026-11-12",
        Line: [
          { Amount: 100, LinkedTxn: [{ TxnId: "146", TxnType: "Bill" }] },
          { Amount: 30, LinkedTxn: [{ TxnId: "300", TxnType: "VendorCredit" }] },
        ],
      },
    });
  });

  it("only the last of several new payments carries the credit", () => {
    const decisions = settle({
      payments: [payment({ id: "pay-b", amountCents: 3_500, date: "2026-11-13" }), payment({ id: "pay-a", amountCents: 3_500, date: "2026-11-12" })],
      creditApplications: [credit()],
    });
    expect(decisions.map((d) => d.type === "create-bill-payment" && [d.localId, d.creditApplicationIds])).toEqual([
      ["pay-a", []],
      ["pay-b", ["app-1"]],
    ]);
  });

  it("bill settled by the credit alone → a $0 BillPayment linking both", () => {
    const localId = creditSettlementId("bill-1", ["app-1"]);
    expect(settle({ creditApplications: [credit({ amountCents: 10_000 })] })).toEqual([
      {
        type: "create-bill-payment",
        localId,
        billId: "bill-1",
        creditApplicationIds: ["app-1"],
        body: {
          VendorRef: { value: "56" },
          PayType: "Check",
          CheckPayment: { BankAccountRef: { value: "80" } },
          TotalAmt: 0,
          TxnDate: "2026-11-11",
          PrivateNote: "Vendor credit applied in Ledgerbridge",
          Line: [
            { Amount: 100, LinkedTxn: [{ TxnId: "146", TxnType: "Bill" }] },
            { Amount: 100, LinkedTxn: [{ TxnId: "300", TxnType: "VendorCredit" }] },
          ],
        },
      },
    ]);
    expect(settle({ creditApplications: [credit({ amountCents: 10_000 })], paymentMappings: [mappingOf(localId, "901")] })).toEqual([
      { type: "noop", localId },
    ]);
  });

  it("credit applied after the rest was already paid and synced → a $0 BillPayment for the credit", () => {
    const decisions = settle({ payments: [payment({ amountCents: 7_000 })], paymentMappings: [mappingOf("pay-1", "900")], creditApplications: [credit()] });
    expect(decisions).toEqual([
      { type: "noop", localId: "pay-1" },
      expect.objectContaining({ type: "create-bill-payment", creditApplicationIds: ["app-1"], body: expect.objectContaining({ TotalAmt: 0 }) }),
    ]);
  });

  it("a credit already applied in QBO is not applied again, unless its carrier was voided", () => {
    const applied = credit({ appliedInQboBy: "pay-1" });
    expect(settle({ payments: [payment({ amountCents: 7_000 })], paymentMappings: [mappingOf("pay-1", "900")], creditApplications: [applied] })).toEqual([
      { type: "noop", localId: "pay-1" },
    ]);
    const afterVoid = settle({
      payments: [payment({ amountCents: 7_000, voided: true }), payment({ id: "pay-2", amountCents: 7_000 })],
      paymentMappings: [mappingOf("pay-1", "900")],
      creditApplications: [applied],
    });
    expect(afterVoid).toEqual([
      expect.objectContaining({ type: "void-bill-payment", localId: "pay-1" }),
      expect.objectContaining({ type: "create-bill-payment", localId: "pay-2", creditApplicationIds: ["app-1"] }),
    ]);
  });

  it("a credit that has not synced waits; the payment goes alone", () => {
    const decisions = settle({ payments: [payment({ amountCents: 7_000 })], creditApplications: [credit({ vendorCreditId: "vc-unsynced" })] });
    expect(decisions).toEqual([
      expect.objectContaining({ type: "skip", localId: "app-1", reason: "VENDOR_CREDIT_NOT_SYNCED" }),
      expect.objectContaining({ type: "create-bill-payment", creditApplicationIds: [], body: expect.objectContaining({ TotalAmt: 70 }) }),
    ]);
  });

  it("amounts are exact decimals from cents", () => {
    const [decision] = settle({ bill: { ...bill, totalCents: 30 }, payments: [payment({ amountCents: 10 })], creditApplications: [credit({ amountCents: 20 })] });
    expect(JSON.stringify(decision)).toContain('"Amount":0.3,');
    expect(JSON.stringify(decision)).toContain('"TotalAmt":0.1,');
  });
});

describe("planInvoicePayments", () => {
  const invoice = { id: "inv-1", number: "1001", customerId: "cus-1", customerName: "Bob", totalCents: 5_000 };
  const received = (overrides: Partial<AppReceivedPayment> = {}): AppReceivedPayment => ({
    id: "rp-1", invoiceId: "inv-1", amountCents: 5_000, date: "2026-11-12", method: "electronic", syncToQbo: true, voided: false, ...overrides,
  });
  const plan = (payments: AppReceivedPayment[], extra: Partial<Parameters<typeof planInvoicePayments>[0]> = {}) =>
    planInvoicePayments({ invoice, payments, paymentMappings: [], prefs: readyPrefs(), resolver, ...extra });

  it("electronic → Payment into Money In Clearing; offline → into the chosen or default bank", () => {
    expect(plan([received({ reference: "R-9" })])).toEqual([
      {
        type: "create-payment",
        localId: "rp-1",
        invoiceId: "inv-1",
        body: {
          CustomerRef: { value: "58" },
          TotalAmt: 50,
          TxnDate: "2026-11-12",
          DepositToAccountRef: { value: "81" },
          PaymentRefNum: "R-9",
          Line: [{ Amount: 50, LinkedTxn: [{ TxnId: "170", TxnType: "Invoice" }] }],
        },
      },
    ]);
    expect(plan([received({ method: "offline" })])).toEqual([expect.objectContaining({ body: expect.objectContaining({ DepositToAccountRef: { value: "35" } }) })]);
    expect(plan([received({ method: "offline", syncToQbo: false })])).toEqual([expect.objectContaining({ reason: "NOT_MARKED_FOR_SYNC" })]);
  });

  it("voids synced payments, waits for unsynced invoice or customer, missing Money In Clearing", () => {
    expect(plan([received({ voided: true })], { paymentMappings: [mappingOf("rp-1", "950", { syncToken: "1" })] })).toEqual([
      { type: "void-payment", localId: "rp-1", qboId: "950", body: { Id: "950", SyncToken: "1", sparse: true } },
    ]);
    expect(plan([received()], { invoice: { ...invoice, id: "inv-x" } })).toEqual([expect.objectContaining({ reason: "INVOICE_NOT_SYNCED" })]);
    expect(plan([received()], { invoice: { ...invoice, customerId: "cus-x" } })).toEqual([expect.objectContaining({ reason: "CUSTOMER_NOT_SYNCED" })]);
    expect(plan([received()], { prefs: readyPrefs({ moneyInClearingAccountId: undefined }) })).toEqual([
      expect.objectContaining({ reason: "PREFERENCES_MISSING", params: expect.objectContaining({ missing: ["Money In Clearing Account"] }) }),
    ]);
  });
});

describe("planInboundPayments", () => {
  const qboPayment = (overrides: Partial<QboPaymentSnapshot> = {}): QboPaymentSnapshot => ({
    id: "800", kind: "bill_payment", syncToken: "0", voided: false, totalCents: 7_000, txnDate: "2026-11-14", counterpartyQboId: "56",
    links: [{ txnId: "146", txnType: "Bill", amountCents: 10_000 }, { txnId: "300", txnType: "VendorCredit", amountCents: 3_000 }],
    ...overrides,
  });
  const plan = (qboPayments: QboPaymentSnapshot[], twoWay: boolean, extra: Partial<Parameters<typeof planInboundPayments>[0]> = {}) =>
    planInboundPayments({ qboPayments, paymentMappings: [], voidedAppPaymentIds: new Set(), prefs: readyPrefs({ twoWayPaymentSync: twoWay }), resolver, ...extra });

  it("brings nothing in with Enable 2-Way Payment Sync off", () => {
    expect(plan([qboPayment()], false)).toEqual([]);
  });

  it("records QBO payments against synced bills with 2-way payment sync on", () => {
    expect(plan([qboPayment()], true)).toEqual([
      {
        type: "record-payment-in-app",
        kind: "bill_payment",
        qboId: "800",
        syncToken: "0",
        totalCents: 7_000,
        txnDate: "2026-11-14",
        allocations: [{ localTxnId: "bill-1", amountCents: 10_000 }],
        credits: [{ qboId: "300", amountCents: 3_000 }],
      },
    ]);
    expect(plan([qboPayment({ kind: "payment", links: [{ txnId: "170", txnType: "Invoice", amountCents: 5_000 }] })], true)).toEqual([
      expect.objectContaining({ type: "record-payment-in-app", kind: "payment", allocations: [{ localTxnId: "inv-1", amountCents: 5_000 }] }),
    ]);
  });

  it("ignores payments of bills the app does not have, and our own payments", () => {
    expect(plan([qboPayment({ links: [{ txnId: "999", txnType: "Bill", amountCents: 1 }] })], true)).toEqual([{ type: "noop", qboId: "800" }]);
    expect(plan([qboPayment()], true, { paymentMappings: [mappingOf("pay-1", "800")] })).toEqual([{ type: "noop", qboId: "800" }]);
  });

  it("a void (or delete) in QBO voids the app payment once, which reopens the bill", () => {
    const mappings = [mappingOf("pay-1", "800")];
    expect(plan([qboPayment({ voided: true })], true, { paymentMappings: mappings })).toEqual([
      { type: "void-payment-in-app", kind: "bill_payment", localId: "pay-1", qboId: "800" },
    ]);
    expect(plan([qboPayment({ deleted: true })], true, { paymentMappings: mappings })).toEqual([expect.objectContaining({ type: "void-payment-in-app" })]);
    expect(plan([qboPayment({ voided: true })], true, { paymentMappings: mappings, voidedAppPaymentIds: new Set(["pay-1"]) })).toEqual([
      { type: "noop", qboId: "800" },
    ]);
    expect(plan([qboPayment({ voided: true })], false, { paymentMappings: mappings })).toEqual([]);
  });
});

describe("planFundsTransfer", () => {
  const transfer = { id: "ft-1", date: "2026-11-12", direction: "money_out" as const, payments: [{ id: "pay-1", amountCents: 10_010 }, { id: "pay-2", amountCents: 20_020 }] };
  const plan = (extra: Partial<Parameters<typeof planFundsTransfer>[0]> = {}) => planFundsTransfer({ transfer, prefs: readyPrefs(), resolver, ...extra });

  function totals(body: QboJournalEntryBody) {
    const sum = (posting: "Debit" | "Credit") =>
      body.Line.filter((l) => l.JournalEntryLineDetail.PostingType === posting).reduce((s, l) => s + Math.round(l.Amount * 100), 0);
    return { debit: sum("Debit"), credit: sum("Credit") };
  }

  it("money out: credit bank GL, debit Money Out Clearing, balanced at the payments' sum", () => {
    const decision = plan();
    expect(decision.type).toBe("create-journal-entry");
    if (decision.type !== "create-journal-entry") return;
    expect(decision.amountCents).toBe(30_030);
    expect(decision.body.Line.map((l) => [l.JournalEntryLineDetail.PostingType, l.JournalEntryLineDetail.AccountRef.value, l.Amount])).toEqual([
      ["Credit", "35", 300.3],
      ["Debit", "80", 300.3],
    ]);
    expect(totals(decision.body)).toEqual({ debit: 30_030, credit: 30_030 });
  });

  it("money in: debit bank GL, credit Money In Clearing", () => {
    const decision = plan({ transfer: { ...transfer, direction: "money_in" } });
    if (decision.type !== "create-journal-entry") throw new Error(`expected a journal entry, got ${decision.type}`);
    expect(decision.body.Line.map((l) => [l.JournalEntryLineDetail.PostingType, l.JournalEntryLineDetail.AccountRef.value])).toEqual([
      ["Debit", "35"],
      ["Credit", "81"],
    ]);
  });

  it("skips empty transfers, already synced ones, and waits for missing accounts", () => {
    expect(plan({ transfer: { ...transfer, payments: [] } })).toMatchObject({ type: "skip", reason: "ZERO_AMOUNT" });
    expect(plan({ mapping: mappingOf("ft-1", "1200") })).toEqual({ type: "noop", localId: "ft-1" });
    expect(plan({ prefs: readyPrefs({ moneyOutClearingAccountId: undefined }) })).toMatchObject({
      type: "skip",
      reason: "PREFERENCES_MISSING",
      params: { missing: ["Money Out Clearing Account"] },
    });
    expect(plan({ transfer: { ...transfer, bankAccountId: "acc-closed-in-qbo" } })).toMatchObject({
      type: "skip",
      reason: "ACCOUNT_NOT_IN_QBO",
      params: { account: "the transfer’s bank account" },
    });
    // A preference that is not set at all is the thing to fix first.
    expect(plan({ transfer: { ...transfer, bankAccountId: "acc-closed-in-qbo" }, prefs: readyPrefs({ moneyOutClearingAccountId: undefined }) })).toMatchObject({
      reason: "PREFERENCES_MISSING",
      params: { missing: ["Money Out Clearing Account"] },
    });
  });
});

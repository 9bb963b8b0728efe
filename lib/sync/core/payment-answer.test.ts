import { describe, expect, it } from "vitest";
import { describeReason, NOT_APPLIED_HASH, planBillSettlement, unappliedLinks } from "@/lib/sync/core";

const sent = {
  TotalAmt: 150,
  Line: [
    { Amount: 100, LinkedTxn: [{ TxnId: "7", TxnType: "Bill" }] },
    { Amount: 50, LinkedTxn: [{ TxnId: "8", TxnType: "Bill" }] },
  ],
};

describe("unappliedLinks", () => {
  it("names each bill QBO applied less of than was sent", () => {
    const answer = { Id: "90", TotalAmt: 150, Line: [{ Amount: 50, LinkedTxn: [{ TxnId: "8", TxnType: "Bill" }] }] };
    expect(unappliedLinks({ entity: "BillPayment", operation: "create", sent, answer })).toEqual([{ txnType: "Bill", txnId: "7", sentCents: 10_000, appliedCents: 0 }]);
  });

  it("is empty when everything was applied, for other entities, and for voids", () => {
    expect(unappliedLinks({ entity: "BillPayment", operation: "create", sent, answer: { ...sent, Id: "90" } })).toEqual([]);
    expect(unappliedLinks({ entity: "Bill", operation: "create", sent, answer: { Id: "1", Line: [] } })).toEqual([]);
    expect(unappliedLinks({ entity: "Payment", operation: "void", sent, answer: { Id: "1", Line: [] } })).toEqual([]);
  });

  it("reads invoice links of a received payment; vendor-credit lines are not payments of a bill", () => {
    const payment = { Line: [{ Amount: 20.1, LinkedTxn: [{ TxnId: "3", TxnType: "Invoice" }] }, { Amount: 5, LinkedTxn: [{ TxnId: "4", TxnType: "VendorCredit" }] }] };
    expect(unappliedLinks({ entity: "Payment", operation: "create", sent: payment, answer: { Id: "2", Line: [] } })).toEqual([{ txnType: "Invoice", txnId: "3", sentCents: 2010, appliedCents: 0 }]);
  });
});

describe("a payment linked but not applied", () => {
  it("stays an issue on later runs instead of being sent again or counted as synced", () => {
    const resolver = { toQbo: (type: string, id: string) => `${type}-${id}`, toLocal: () => undefined };
    const decisions = planBillSettlement({
      bill: { id: "b1", number: "1042", vendorId: "v1", vendorName: "Acme", totalCents: 10_000 },
      payments: [{ id: "p1", billId: "b1", amountCents: 10_000, date: "2026-11-20", method: "electronic", syncToQbo: true, voided: false }],
      creditApplications: [],
      paymentMappings: [{ localId: "p1", qboId: "90", syncToken: "0", lastUpdatedTime: "", contentHash: NOT_APPLIED_HASH }],
      prefs: {} as never,
      resolver: resolver as never,
    });
    expect(decisions).toEqual([expect.objectContaining({ type: "skip", localId: "p1", reason: "PAYMENT_NOT_APPLIED", severity: "failure" })]);
    const text = describeReason("PAYMENT_NOT_APPLIED", { record: "bill payment", docNumber: "1042", counterpartyName: "Acme", linkDetail: "$100.00" });
    expect(`${text.explanation} ${text.fix}`).toContain("Bill payment 1042 from Acme reached QuickBooks, but the bill it pays was already paid in full there");
    expect(text.fix).toMatch(/^If the bill was paid twice, void this payment in Ledgerbridge/);
  });
});

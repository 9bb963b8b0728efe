import { describe, expect, it } from "vitest";
import { answerMismatch, describeMismatch, identityFits } from "@/lib/sync/core/twin";

const billBody = {
  VendorRef: { value: "56" },
  DocNumber: "B-100",
  Line: [
    { Amount: 100, DetailType: "AccountBasedExpenseLineDetail", AccountBasedExpenseLineDetail: { AccountRef: { value: "7" } } },
    { Amount: 25.5, DetailType: "AccountBasedExpenseLineDetail", AccountBasedExpenseLineDetail: { AccountRef: { value: "7" } } },
  ],
};
const billAnswer = { Id: "146", SyncToken: "0", VendorRef: { value: "56", name: "Acme" }, DocNumber: "B-100", TotalAmt: 125.5 };

describe("answerMismatch", () => {
  it("accepts QBO's answer for the record that was sent", () => {
    expect(answerMismatch({ operation: "create", sent: billBody, answer: billAnswer })).toBeNull();
    expect(answerMismatch({ operation: "update", sent: { ...billBody, Id: "146", SyncToken: "0" }, answer: { ...billAnswer, SyncToken: "1" } })).toBeNull();
    expect(answerMismatch({ operation: "delete", sent: { Id: "146", SyncToken: "1" }, answer: { Id: "146", status: "Deleted" } })).toBeNull();
  });

  it("refuses another record's answer: number, party, amount, id", () => {
    expect(answerMismatch({ operation: "create", sent: billBody, answer: { ...billAnswer, DocNumber: "B-7" } })).toEqual({ field: "number", sent: "B-100", got: "B-7" });
    expect(answerMismatch({ operation: "create", sent: billBody, answer: { ...billAnswer, VendorRef: { value: "57" } } })?.field).toBe("party");
    expect(answerMismatch({ operation: "create", sent: billBody, answer: { ...billAnswer, TotalAmt: 99 } })).toEqual({ field: "amount", sent: "12550", got: "9900" });
    expect(answerMismatch({ operation: "update", sent: { ...billBody, Id: "146" }, answer: { ...billAnswer, Id: "147" } })?.field).toBe("id");
    expect(answerMismatch({ operation: "void", sent: { Id: "9" }, answer: { Id: "10" } })?.field).toBe("id");
    expect(answerMismatch({ operation: "create", sent: billBody, answer: {} })?.field).toBe("id");
  });

  it("compares names as QBO does (case, spaces) and knows a deactivated name gets “(deleted)”", () => {
    expect(answerMismatch({ operation: "create", sent: { DisplayName: "Acme  Supplies" }, answer: { Id: "5", DisplayName: "acme supplies" } })).toBeNull();
    expect(answerMismatch({ operation: "create", sent: { DisplayName: "Acme" }, answer: { Id: "5", DisplayName: "Bolt" } })?.field).toBe("name");
    expect(answerMismatch({ operation: "update", sent: { Id: "5", DisplayName: "Acme", Active: false }, answer: { Id: "5", DisplayName: "Acme (deleted)" } })).toBeNull();
  });

  it("does not judge amounts QBO computes (tax, discounts) or that a sparse body leaves out", () => {
    expect(answerMismatch({ operation: "create", sent: { ...billBody, TxnTaxDetail: { TotalTax: 5 } }, answer: { ...billAnswer, TotalAmt: 130.5 } })).toBeNull();
    const withDiscount = { ...billBody, Line: [...billBody.Line, { Amount: 10, DetailType: "DiscountLineDetail", DiscountLineDetail: {} }] };
    expect(answerMismatch({ operation: "create", sent: withDiscount, answer: { ...billAnswer, TotalAmt: 115.5 } })).toBeNull();
    expect(answerMismatch({ operation: "update", sent: { Id: "146", sparse: true, PrivateNote: "x" }, answer: billAnswer })).toBeNull();
  });

  it("an explicit TotalAmt (payments) must come back as sent", () => {
    const payment = { VendorRef: { value: "56" }, TotalAmt: 40, Line: [{ Amount: 40, LinkedTxn: [{ TxnId: "146", TxnType: "Bill" }] }] };
    expect(answerMismatch({ operation: "create", sent: payment, answer: { Id: "300", VendorRef: { value: "56" }, TotalAmt: 40 } })).toBeNull();
    expect(answerMismatch({ operation: "create", sent: payment, answer: { Id: "300", VendorRef: { value: "56" }, TotalAmt: 41 } })?.field).toBe("amount");
  });

  it("says what differs in plain words", () => {
    expect(describeMismatch({ field: "number", sent: "B-100", got: "B-7" })).toBe("number “B-7” instead of “B-100”");
    expect(describeMismatch({ field: "amount", sent: "12550", got: "9900" })).toBe("total 99.00 instead of 125.50");
  });
});

describe("identityFits", () => {
  it("fits the record's own object, not another record's", () => {
    expect(identityFits({ number: "B-100", partyQboId: "56" }, billAnswer)).toBe(true);
    expect(identityFits({ number: "B-101", partyQboId: "56" }, billAnswer)).toBe(false);
    expect(identityFits({ number: "B-100", partyQboId: "57" }, billAnswer)).toBe(false);
    expect(identityFits({ displayName: "Acme" }, { DisplayName: "ACME" })).toBe(true);
    expect(identityFits({ displayName: "Acme" }, { DisplayName: "Bolt" })).toBe(false);
  });
});

import { describe, expect, it } from "vitest";

import { evaluateInbound } from "@/lib/sync/core/inbound-rules";
import { DEFAULT_SYNC_PREFERENCES, missingSyncPreferences } from "@/lib/sync/core/preferences";
import { mappingOf, qboBill, readyPrefs } from "@/lib/sync/core/test-fixtures";

const prefs = readyPrefs();

describe("missingSyncPreferences", () => {
  it("lists the UI labels of unset required preferences", () => {
    expect(missingSyncPreferences(undefined)).toEqual(["Unallocated Expense Account", "Unallocated Income Account", "Bank Account GL"]);
    expect(missingSyncPreferences(DEFAULT_SYNC_PREFERENCES)).toHaveLength(3);
    expect(missingSyncPreferences(readyPrefs({ bankAccountId: undefined }))).toEqual(["Bank Account GL"]);
    expect(missingSyncPreferences(prefs)).toEqual([]);
  });
});

describe("evaluateInbound", () => {
  it("imports an unpaid USD bill with a number", () => {
    expect(evaluateInbound(qboBill(), "bill", prefs)).toEqual({ action: "import" });
  });

  it("1. skips everything while preferences are missing", () => {
    const verdict = evaluateInbound(qboBill(), "bill", readyPrefs({ unallocatedIncomeAccountId: undefined }));
    expect(verdict).toMatchObject({ action: "skip", reason: "PREFERENCES_MISSING", params: { missing: ["Unallocated Income Account"], docNumber: "B-100", counterpartyName: "Acme Supplies", record: "bill" } });
    expect(evaluateInbound(qboBill(), "invoice", undefined)).toMatchObject({ reason: "PREFERENCES_MISSING" });
  });

  it("2. skips when the company syncs only app → QBO", () => {
    expect(evaluateInbound(qboBill(), "bill", readyPrefs({ direction: "app_to_qbo" }))).toMatchObject({ reason: "APP_TO_QBO_ONLY" });
  });

  it("3. skips paid and 4. partially paid", () => {
    expect(evaluateInbound(qboBill({ balanceCents: 0 }), "bill", prefs)).toMatchObject({ reason: "PAID_IN_QBO" });
    expect(evaluateInbound(qboBill({ balanceCents: 50 }), "invoice", prefs)).toMatchObject({ reason: "PARTIALLY_PAID_IN_QBO", params: { record: "invoice" } });
  });

  it("skips voided ones before calling them paid", () => {
    expect(evaluateInbound(qboBill({ voided: true, totalCents: 0, balanceCents: 0 }), "invoice", prefs)).toMatchObject({ reason: "VOIDED_IN_QBO" });
  });

  it("5. skips non-USD", () => {
    expect(evaluateInbound(qboBill({ currency: "EUR" }), "bill", prefs)).toMatchObject({ reason: "NON_USD_CURRENCY", params: { currency: "EUR" } });
    expect(evaluateInbound(qboBill({ currency: "usd" }), "bill", prefs)).toEqual({ action: "import" });
  });

  it("6. skips a missing or blank number", () => {
    const withoutNumber = qboBill();
    delete withoutNumber.docNumber;
    expect(evaluateInbound(withoutNumber, "bill", prefs)).toMatchObject({ reason: "MISSING_DOC_NUMBER" });
    expect(evaluateInbound(qboBill({ docNumber: "  " }), "bill", prefs)).toMatchObject({ reason: "MISSING_DOC_NUMBER" });
  });

  it("names a record without a number by its amount, date and QuickBooks id (paid ones too)", () => {
    const withoutNumber = qboBill({ id: "148", totalCents: 125_000, balanceCents: 125_000, txnDate: "2026-11-04", counterpartyName: "Nguyễn Electrical Services" });
    delete withoutNumber.docNumber;
    const identity = { counterpartyName: "Nguyễn Electrical Services", amount: "$1,250.00", txnDate: "2026-11-04", qboId: "148" };
    expect(evaluateInbound(withoutNumber, "bill", prefs)).toMatchObject({ reason: "MISSING_DOC_NUMBER", params: identity });
    expect(evaluateInbound({ ...withoutNumber, balanceCents: 0 }, "bill", prefs)).toMatchObject({ reason: "PAID_IN_QBO", params: identity });
    // With a number, the number is what names it.
    expect(evaluateInbound(qboBill({ balanceCents: 0 }), "bill", prefs)).toEqual({
      action: "skip",
      reason: "PAID_IN_QBO",
      params: { record: "bill", docNumber: "B-100", counterpartyName: "Acme Supplies" },
    });
  });

  it("7. skips QuickBooks Commerce", () => {
    expect(evaluateInbound(qboBill({ txnSource: "QuickBooksCommerce" }), "invoice", prefs)).toMatchObject({ reason: "QUICKBOOKS_COMMERCE" });
    expect(evaluateInbound(qboBill({ privateNote: "QuickBooks Commerce: PO 4" }), "bill", prefs)).toMatchObject({ reason: "QUICKBOOKS_COMMERCE" });
    expect(evaluateInbound(qboBill({ privateNote: "PO 4 from quickbooks commerce" }), "bill", prefs)).toMatchObject({
      reason: "QUICKBOOKS_COMMERCE",
      params: { matched: "PrivateNote mentions “QuickBooks Commerce”" },
    });
  });

  it("7. skips on the admin's Commerce markers and says which matched", () => {
    const withMarkers = readyPrefs({ commerceMarkers: { docNumberPrefixes: ["SHOP-"], memoPhrases: ["web order"] } });
    expect(evaluateInbound(qboBill({ docNumber: "SHOP-1001" }), "bill", withMarkers)).toMatchObject({
      reason: "QUICKBOOKS_COMMERCE",
      params: { matched: "DocNumber prefix SHOP-", docNumber: "SHOP-1001" },
    });
    expect(evaluateInbound(qboBill({ privateNote: "Web Order 7" }), "invoice", withMarkers)).toMatchObject({ params: { matched: "PrivateNote phrase “web order”" } });
    expect(evaluateInbound(qboBill({ docNumber: "SHOP-1001" }), "bill", prefs)).toEqual({ action: "import" });
  });

  it("8. skips $0 (as $0, not as paid)", () => {
    expect(evaluateInbound(qboBill({ totalCents: 0, balanceCents: 0 }), "bill", prefs)).toMatchObject({ reason: "ZERO_AMOUNT" });
  });

  it("applies the rules in SPEC order (first match wins)", () => {
    const everythingWrong = qboBill({ balanceCents: 0, currency: "CAD", docNumber: "", txnSource: "QuickBooksCommerce" });
    expect(evaluateInbound(everythingWrong, "bill", readyPrefs({ bankAccountId: undefined, direction: "app_to_qbo" }))).toMatchObject({ reason: "PREFERENCES_MISSING" });
    expect(evaluateInbound(everythingWrong, "bill", readyPrefs({ direction: "app_to_qbo" }))).toMatchObject({ reason: "APP_TO_QBO_ONLY" });
    expect(evaluateInbound(everythingWrong, "bill", prefs)).toMatchObject({ reason: "PAID_IN_QBO" });
    expect(evaluateInbound({ ...everythingWrong, balanceCents: everythingWrong.totalCents }, "bill", prefs)).toMatchObject({ reason: "NON_USD_CURRENCY" });
    expect(evaluateInbound({ ...everythingWrong, balanceCents: everythingWrong.totalCents, currency: "USD" }, "bill", prefs)).toMatchObject({ reason: "MISSING_DOC_NUMBER" });
  });

  it("does not skip a linked record because it was paid in QBO (that is an update)", () => {
    const mapping = mappingOf("bill-1", "146");
    expect(evaluateInbound(qboBill({ balanceCents: 0 }), "bill", prefs, mapping)).toEqual({ action: "import" });
    expect(evaluateInbound(qboBill({ balanceCents: 10 }), "bill", prefs, mapping)).toEqual({ action: "import" });
    expect(evaluateInbound(qboBill({ voided: true, totalCents: 0, balanceCents: 0 }), "invoice", prefs, mapping)).toEqual({ action: "import" });
    expect(evaluateInbound(qboBill({ currency: "EUR" }), "bill", prefs, mapping)).toMatchObject({ reason: "NON_USD_CURRENCY" });
  });
});

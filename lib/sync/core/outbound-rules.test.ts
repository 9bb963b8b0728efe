import { describe, expect, it } from "vitest";

import { evaluateOutbound } from "@/lib/sync/core/outbound-rules";
import { appBill, readyPrefs } from "@/lib/sync/core/test-fixtures";

const ctx = { prefs: readyPrefs(), linked: false, counterpartySynced: true };

describe("evaluateOutbound", () => {
  it("sends a normal bill", () => {
    expect(evaluateOutbound(appBill(), "bill", ctx)).toEqual({ action: "send" });
  });

  it("holds everything while preferences are missing", () => {
    expect(evaluateOutbound(appBill(), "bill", { ...ctx, prefs: undefined })).toMatchObject({ reason: "PREFERENCES_MISSING" });
  });

  it("never sends a $0 bill, but updates a linked one that dropped to $0", () => {
    const zero = appBill({ totalCents: 0, lines: [] });
    expect(evaluateOutbound(zero, "bill", ctx)).toMatchObject({ action: "skip", reason: "ZERO_AMOUNT", params: { record: "bill", docNumber: "B-100" } });
    expect(evaluateOutbound(zero, "bill", { ...ctx, linked: true })).toEqual({ action: "send" });
  });

  it("makes records wait for their vendor or customer", () => {
    expect(evaluateOutbound(appBill(), "bill", { ...ctx, counterpartySynced: false })).toMatchObject({ reason: "VENDOR_NOT_SYNCED", params: { counterpartyName: "Acme Supplies" } });
    expect(evaluateOutbound(appBill(), "vendor_credit", { ...ctx, counterpartySynced: false })).toMatchObject({ reason: "VENDOR_NOT_SYNCED", params: { record: "vendor credit" } });
    expect(evaluateOutbound(appBill(), "invoice", { ...ctx, counterpartySynced: false })).toMatchObject({ reason: "CUSTOMER_NOT_SYNCED" });
  });

  it("does not send a record voided before it was ever synced", () => {
    expect(evaluateOutbound(appBill({ status: "voided" }), "invoice", ctx)).toMatchObject({ reason: "VOIDED_IN_APP" });
    expect(evaluateOutbound(appBill({ status: "voided" }), "invoice", { ...ctx, linked: true })).toEqual({ action: "send" });
  });

  it("skips non-USD and missing numbers", () => {
    expect(evaluateOutbound(appBill({ currency: "GBP" }), "bill", ctx)).toMatchObject({ reason: "NON_USD_CURRENCY", params: { currency: "GBP" } });
    expect(evaluateOutbound(appBill({ number: " " }), "bill", ctx)).toMatchObject({ reason: "MISSING_DOC_NUMBER" });
  });
});

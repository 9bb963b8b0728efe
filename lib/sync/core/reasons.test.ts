import { describe, expect, it } from "vitest";

import {
  BY_DESIGN_REASON_CODES,
  REASON_CODES,
  REASONS,
  describeReason,
  describeRecord,
  isReasonCode,
  issueGroupOf,
  reasonForQboFault,
  reasonNeedsAction,
} from "@/lib/sync/core/reasons";

const REQUIRED = [
  "PREFERENCES_MISSING", "PAID_IN_QBO", "PARTIALLY_PAID_IN_QBO", "NON_USD_CURRENCY", "MISSING_DOC_NUMBER",
  "QUICKBOOKS_COMMERCE", "APP_TO_QBO_ONLY", "ZERO_AMOUNT", "VOIDED_IN_QBO", "DUPLICATE_NAME", "DUPLICATE_DOC_NUMBER", "NUMBER_TAKEN_IN_APP",
  "REFERENCE_NOT_FOUND", "INVALID_REFERENCE", "PERIOD_CLOSED", "STALE_OBJECT", "DEPOSITED_TRANSACTION",
  "BUSINESS_VALIDATION", "REQUIRED_FIELD_MISSING", "AUTH_FAILED", "THROTTLED", "COMPANY_INACTIVE",
  "VENDOR_NOT_SYNCED", "CUSTOMER_NOT_SYNCED", "UNKNOWN_QBO_ERROR", "ACCOUNT_NOT_IN_QBO",
];

describe("reason catalogue", () => {
  it("has every required code, keyed by its own code", () => {
    for (const code of REQUIRED) expect(isReasonCode(code), code).toBe(true);
    for (const code of REASON_CODES) expect(REASONS[code].code).toBe(code);
  });

  it.each(REASON_CODES)("%s renders non-empty, placeholder-free text with and without params", (code) => {
    for (const params of [{}, { record: "bill" as const, docNumber: "B-7", counterpartyName: "Acme", currency: "EUR", qboDetail: "Detail here", qboCode: "6000", missing: ["Bank Account GL"] }]) {
      const d = describeReason(code, params);
      expect(d.code).toBe(code);
      expect(["skip", "failure"]).toContain(d.severity);
      for (const text of [d.title, d.explanation, d.fix]) {
        expect(text.length).toBeGreaterThan(10);
        expect(text).not.toMatch(/undefined|\{|\}/);
      }
    }
  });

  it("interpolates record details", () => {
    const d = describeReason("NON_USD_CURRENCY", { record: "bill", docNumber: "B-7", counterpartyName: "Acme", currency: "EUR" });
    expect(d.explanation).toContain("Bill B-7 from Acme");
    expect(d.explanation).toContain("EUR");
    expect(describeReason("PREFERENCES_MISSING", { missing: ["Bank Account GL"] }).fix).toContain("Settings → Sync → Preferences");
    expect(describeReason("PREFERENCES_MISSING", { missing: ["Bank Account GL"] }).fix).toContain("Bank Account GL");
    // Stored issues keep the list as text; reading one back must describe it the same way.
    expect(describeReason("PREFERENCES_MISSING", { missing: "Bank Account GL, Unallocated Income Account" }).explanation).toContain(
      "Bank Account GL, Unallocated Income Account",
    );
    expect(describeReason("DUPLICATE_NAME", { record: "vendor", displayName: "Acme", qboDetail: "The name supplied already exists." }).explanation)
      .toContain("Vendor “Acme”");
  });

  it("shows which QuickBooks Commerce marker matched, and where to change an admin's marker", () => {
    const byPrefix = describeReason("QUICKBOOKS_COMMERCE", { record: "bill", docNumber: "SHOP-1", matched: "DocNumber prefix SHOP-" });
    expect(byPrefix.explanation).toBe("Bill SHOP-1 was created by QuickBooks Commerce (matched: DocNumber prefix SHOP-). Items and transactions from QuickBooks Commerce never sync.");
    expect(byPrefix.fix).toContain("QuickBooks Commerce markers in Settings → Sync");
    const bySource = describeReason("QUICKBOOKS_COMMERCE", { record: "bill", matched: "TxnSource QuickBooksCommerce" });
    expect(bySource.explanation).toContain("(matched: TxnSource QuickBooksCommerce)");
    expect(bySource.fix).not.toContain("markers");
  });

  it("names records sensibly", () => {
    expect(describeRecord({})).toBe("This record");
    expect(describeRecord({ record: "invoice", docNumber: "1001", counterpartyName: "Bob" })).toBe("Invoice 1001 for Bob");
    expect(describeRecord({ record: "bill" })).toBe("This bill");
  });

  it("tells a record without a number apart by amount, date and QuickBooks id", () => {
    const params = { record: "bill" as const, counterpartyName: "Nguyễn Electrical Services", amount: "$1,250.00", txnDate: "2026-11-04", qboId: "148" };
    expect(describeRecord(params)).toBe("This bill from Nguyễn Electrical Services ($1,250.00, dated 2026-11-04, QuickBooks ID 148)");
    expect(describeRecord({ ...params, amount: "$980.00", qboId: "149" })).not.toBe(describeRecord(params));
    expect(describeRecord({ record: "invoice", qboId: "77" })).toBe("This invoice (QuickBooks ID 77)");
    // A number identifies the record already.
    expect(describeRecord({ ...params, docNumber: "B-7" })).toBe("Bill B-7 from Nguyễn Electrical Services");
    expect(describeReason("MISSING_DOC_NUMBER", params).explanation).toBe(
      "This bill from Nguyễn Electrical Services ($1,250.00, dated 2026-11-04, QuickBooks ID 148) has no bill number. A number is required to sync.",
    );
  });

  it("classifies skips and failures", () => {
    expect(REASONS.PAID_IN_QBO.severity).toBe("skip");
    expect(REASONS.ZERO_AMOUNT.severity).toBe("skip");
    expect(REASONS.DUPLICATE_NAME.severity).toBe("failure");
    expect(REASONS.VENDOR_NOT_SYNCED.severity).toBe("failure");
  });
});

describe("reasonForQboFault", () => {
  it.each([
    ["6240", "DUPLICATE_NAME", "fail-record"],
    ["6140", "DUPLICATE_DOC_NUMBER", "fail-record"],
    ["610", "REFERENCE_NOT_FOUND", "fail-record"],
    ["2500", "INVALID_REFERENCE", "fail-record"],
    ["6210", "PERIOD_CLOSED", "fail-record"],
    ["5010", "STALE_OBJECT", "replan"],
    ["6540", "DEPOSITED_TRANSACTION", "fail-record"],
    ["6000", "BUSINESS_VALIDATION", "fail-record"],
    ["2020", "REQUIRED_FIELD_MISSING", "fail-record"],
    ["3200", "AUTH_FAILED", "reauthorize"],
    ["120", "AUTH_FAILED", "stop-sync"],
    ["3100", "AUTH_FAILED", "stop-sync"],
    ["3001", "THROTTLED", "backoff"],
    ["6190", "COMPANY_INACTIVE", "stop-sync"],
    ["9999", "UNKNOWN_QBO_ERROR", "fail-record"],
  ] as const)("%s → %s (%s)", (code, reason, recovery) => {
    const mapped = reasonForQboFault(code, "some detail");
    expect(mapped.reason).toBe(reason);
    expect(mapped.recovery).toBe(recovery);
    expect(mapped.params).toEqual({ qboCode: code, qboDetail: "some detail" });
  });

  it("tolerates whitespace and a missing detail", () => {
    expect(reasonForQboFault(" 6240 ")).toEqual({ reason: "DUPLICATE_NAME", recovery: "fail-record", params: { qboCode: "6240" } });
  });
});

describe("needs your action vs skipped by design", () => {
  const BY_DESIGN = ["PAID_IN_QBO", "PARTIALLY_PAID_IN_QBO", "QUICKBOOKS_COMMERCE", "ZERO_AMOUNT", "VOIDED_IN_QBO", "DELETED_IN_QBO", "VOIDED_IN_APP", "APP_TO_QBO_ONLY"];
  const FIXABLE_SKIPS = ["PREFERENCES_MISSING", "NOT_MARKED_FOR_SYNC", "MISSING_DOC_NUMBER", "NON_USD_CURRENCY"];

  it.each(REASON_CODES)("%s says whether it needs action, and every failure does", (code) => {
    const def: { needsAction?: unknown; severity: string } = REASONS[code];
    expect(typeof def.needsAction).toBe("boolean");
    if (def.severity === "failure") expect(def.needsAction).toBe(true);
    expect(describeReason(code).needsAction).toBe(def.needsAction);
    expect(issueGroupOf(code)).toBe(def.needsAction ? "action" : "by-design");
  });

  it("puts paid history, Commerce, $0, voided and deleted records in skipped by design, fixable skips in needs action", () => {
    expect([...BY_DESIGN_REASON_CODES].sort()).toEqual([...BY_DESIGN].sort());
    for (const code of FIXABLE_SKIPS) expect(reasonNeedsAction(code), code).toBe(true);
    for (const code of REASON_CODES.filter((c) => c.endsWith("_NOT_SYNCED"))) expect(reasonNeedsAction(code), code).toBe(true);
  });

  it("keeps a stored code this version does not know in needs action", () => {
    expect(reasonNeedsAction("SOMETHING_NEW")).toBe(true);
    expect(issueGroupOf("SOMETHING_NEW")).toBe("action");
  });
});

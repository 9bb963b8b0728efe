import { describe, expect, it } from "vitest";

import { appTxnContentHash, appTxnToQboCreate, appTxnToQboUpdate, qboTxnToAppFields } from "@/lib/sync/core/mappers";
import { parseQboTxn } from "@/lib/sync/core/qbo-parse";
import { STANDARD_REFS, appBill, qboBill, readyPrefs, tableResolver } from "@/lib/sync/core/test-fixtures";
import type { QboTxnSnapshot } from "@/lib/sync/core/types";

// Terms (SalesTermRef), location (DepartmentRef) and the invoice's customer-facing message (CustomerMemo).
const refs = { ...STANDARD_REFS, term: { "term-15": "3" }, department: { "loc-store": "2" } };
const ctx = { prefs: readyPrefs(), resolver: tableResolver(refs) };

describe("app → QBO: terms, location, memos", () => {
  it("a bill sends its own terms and location, by QBO id, with its due date", () => {
    const result = appTxnToQboCreate(appBill({ termsId: "term-15", locationId: "loc-store", dueDate: "2026-11-16" }), "bill", ctx);
    expect(result).toMatchObject({ ok: true, value: { SalesTermRef: { value: "3" }, DepartmentRef: { value: "2" }, DueDate: "2026-11-16" } });
  });

  it("leaves out terms and locations QBO does not know, and bills never get a CustomerMemo", () => {
    const result = appTxnToQboCreate(appBill({ termsId: "term-app-only", locationId: "loc-app-only", customerMemo: "hi" }), "bill", ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect("SalesTermRef" in result.value).toBe(false);
    expect("DepartmentRef" in result.value).toBe(false);
    expect("CustomerMemo" in result.value).toBe(false);
  });

  it("an invoice sends its message as CustomerMemo and its internal note as PrivateNote", () => {
    const invoice = appBill({ counterpartyId: "cus-1", memo: "Internal: check PO", customerMemo: "Thank you for your business", termsId: "term-15", locationId: "loc-store" });
    const result = appTxnToQboCreate(invoice, "invoice", ctx);
    expect(result).toMatchObject({
      ok: true,
      value: {
        CustomerRef: { value: "58" },
        PrivateNote: "Internal: check PO",
        CustomerMemo: { value: "Thank you for your business" },
        SalesTermRef: { value: "3" },
        DepartmentRef: { value: "2" },
      },
    });
  });

  it("vendor credits carry neither (the app keeps no terms or location on them)", () => {
    const result = appTxnToQboCreate(appBill({ termsId: "term-15", locationId: "loc-store" }), "vendor_credit", ctx);
    expect(result.ok && "DepartmentRef" in result.value).toBe(false);
    expect(result.ok && "SalesTermRef" in result.value).toBe(false);
  });

  it("a sparse invoice update clears a removed message", () => {
    const invoice = appBill({ counterpartyId: "cus-1" });
    const result = appTxnToQboUpdate(invoice, "invoice", { qboId: "9", syncToken: "1" }, ctx);
    expect(result.ok && result.value.CustomerMemo).toEqual({ value: "" });
    const bill = appTxnToQboUpdate(appBill(), "bill", { qboId: "9", syncToken: "1" }, ctx);
    expect(bill.ok && "CustomerMemo" in bill.value).toBe(false);
  });
});

describe("QBO → app: terms, location, memos", () => {
  it("maps SalesTermRef and DepartmentRef to the app's terms and location", () => {
    const qbo: QboTxnSnapshot = qboBill({ salesTermQboId: "3", departmentQboId: "2" });
    expect(qboTxnToAppFields(qbo, "bill", ctx)).toMatchObject({ ok: true, value: { termsId: "term-15", locationId: "loc-store" } });
  });

  it("unknown terms or locations are left empty", () => {
    const result = qboTxnToAppFields(qboBill({ salesTermQboId: "99", departmentQboId: "98" }), "bill", ctx);
    expect(result.ok && "termsId" in result.value).toBe(false);
    expect(result.ok && "locationId" in result.value).toBe(false);
  });

  it("an invoice's CustomerMemo becomes its message; bills ignore it", () => {
    const qbo = qboBill({ counterpartyQboId: "58", customerMemo: "Thanks!", privateNote: "internal" });
    expect(qboTxnToAppFields(qbo, "invoice", ctx)).toMatchObject({ ok: true, value: { customerMemo: "Thanks!", memo: "internal" } });
    const bill = qboTxnToAppFields(qboBill({ customerMemo: "Thanks!" }), "bill", ctx);
    expect(bill.ok && "customerMemo" in bill.value).toBe(false);
  });

  it("parses SalesTermRef, DepartmentRef and CustomerMemo", () => {
    const parsed = parseQboTxn(
      {
        Id: "7",
        SyncToken: "0",
        MetaData: { LastUpdatedTime: "2026-11-02T09:00:00-08:00" },
        CustomerRef: { value: "58" },
        SalesTermRef: { value: "3", name: "Net 15" },
        DepartmentRef: { value: "2", name: "Store" },
        CustomerMemo: { value: "Thanks!" },
        TotalAmt: 10,
        Line: [{ Amount: 10, DetailType: "SalesItemLineDetail", SalesItemLineDetail: {} }],
      },
      "invoice",
    );
    expect(parsed).toMatchObject({ salesTermQboId: "3", departmentQboId: "2", customerMemo: "Thanks!" });
  });
});

describe("content hash: terms, location, memos", () => {
  it("changes when terms, location or the invoice message change; records without them hash as before", () => {
    const bill = appBill();
    const before = appTxnContentHash(bill);
    expect(appTxnContentHash({ ...bill, termsId: undefined, locationId: undefined, customerMemo: undefined })).toBe(before);
    expect(appTxnContentHash({ ...bill, termsId: "term-15" })).not.toBe(before);
    expect(appTxnContentHash({ ...bill, locationId: "loc-store" })).not.toBe(before);
    expect(appTxnContentHash({ ...bill, customerMemo: "Thanks!" })).not.toBe(before);
  });
});

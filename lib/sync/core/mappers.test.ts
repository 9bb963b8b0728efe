import { describe, expect, it } from "vitest";

import {
  appLinesTotalCents,
  appPartyContentHash,
  appPartyToQboCreate,
  appPartyToQboUpdate,
  appTxnContentHash,
  appTxnToQboCreate,
  appTxnToQboUpdate,
  qboDeactivateBody,
  qboPartyToAppFields,
  qboTxnToAppFields,
} from "@/lib/sync/core/mappers";
import { STANDARD_REFS, appBill, appParty, qboBill, qboParty, readyPrefs, tableResolver } from "@/lib/sync/core/test-fixtures";

const ctx = { prefs: readyPrefs(), resolver: tableResolver(STANDARD_REFS) };

describe("app → QBO transactions", () => {
  it("maps a bill with account, item and uncoded lines", () => {
    const bill = appBill({
      memo: "November",
      lines: [
        { amountCents: 10_000, accountId: "acc-office", classId: "class-1", customerId: "cus-1", description: "Paper" },
        { amountCents: 2_500, itemId: "item-1", qty: 2, unitPrice: 12.5 },
        { amountCents: 50, description: "uncoded" },
        { amountCents: 5, accountId: "acc-not-in-qbo" },
      ],
    });
    const result = appTxnToQboCreate(bill, "bill", ctx);
    expect(result).toEqual({
      ok: true,
      value: {
        VendorRef: { value: "56" },
        DocNumber: "B-100",
        TxnDate: "2026-11-01",
        DueDate: "2026-12-01",
        PrivateNote: "November",
        CurrencyRef: { value: "USD" },
        Line: [
          { Amount: 100, Description: "Paper", DetailType: "AccountBasedExpenseLineDetail", AccountBasedExpenseLineDetail: { AccountRef: { value: "7" }, ClassRef: { value: "200" }, CustomerRef: { value: "58" } } },
          { Amount: 25, DetailType: "ItemBasedExpenseLineDetail", ItemBasedExpenseLineDetail: { ItemRef: { value: "5" }, Qty: 2, UnitPrice: 12.5 } },
          { Amount: 0.5, Description: "uncoded", DetailType: "AccountBasedExpenseLineDetail", AccountBasedExpenseLineDetail: { AccountRef: { value: "90" } } },
          { Amount: 0.05, DetailType: "AccountBasedExpenseLineDetail", AccountBasedExpenseLineDetail: { AccountRef: { value: "90" } } },
        ],
      },
    });
  });

  it("maps an invoice with item, itemless and discount lines", () => {
    const invoice = appBill({
      counterpartyId: "cus-1",
      lines: [
        { amountCents: 20_000, itemId: "item-1", qty: 1, unitPrice: 200 },
        { amountCents: 1_000, description: "Consulting" },
        { amountCents: 500, discount: true },
      ],
    });
    const result = appTxnToQboCreate(invoice, "invoice", ctx);
    expect(result.ok && result.value.CustomerRef).toEqual({ value: "58" });
    expect(result.ok && result.value.Line).toEqual([
      { Amount: 200, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: "5" }, Qty: 1, UnitPrice: 200 } },
      { Amount: 10, Description: "Consulting", DetailType: "SalesItemLineDetail", SalesItemLineDetail: {} },
      { Amount: 5, DetailType: "DiscountLineDetail", DiscountLineDetail: { PercentBased: false } },
    ]);
    expect(appLinesTotalCents(invoice.lines)).toBe(20_500);
  });

  it("vendor credits use VendorRef and no DueDate", () => {
    const result = appTxnToQboCreate(appBill(), "vendor_credit", ctx);
    expect(result.ok && result.value.VendorRef).toEqual({ value: "56" });
    expect(result.ok && "DueDate" in result.value).toBe(false);
  });

  it("fails when the vendor is not synced, or an uncoded line has no Unallocated Expense account", () => {
    expect(appTxnToQboCreate(appBill({ counterpartyId: "ven-x" }), "bill", ctx)).toMatchObject({ ok: false, reason: "VENDOR_NOT_SYNCED" });
    expect(appTxnToQboCreate(appBill({ counterpartyId: "cus-x" }), "invoice", ctx)).toMatchObject({ ok: false, reason: "CUSTOMER_NOT_SYNCED" });
    const noUnallocated = { ...ctx, prefs: readyPrefs({ unallocatedExpenseAccountId: undefined }) };
    expect(appTxnToQboCreate(appBill({ lines: [{ amountCents: 1 }] }), "bill", noUnallocated)).toMatchObject({
      ok: false,
      reason: "PREFERENCES_MISSING",
      params: { missing: ["Unallocated Expense Account"], docNumber: "B-100" },
    });
  });

  it("sparse update carries Id, SyncToken and clears a removed memo", () => {
    const result = appTxnToQboUpdate(appBill(), "bill", { qboId: "146", syncToken: "4" }, ctx);
    expect(result).toMatchObject({ ok: true, value: { Id: "146", SyncToken: "4", sparse: true, PrivateNote: "", DocNumber: "B-100" } });
    const withMemo = appTxnToQboUpdate(appBill({ memo: "kept" }), "bill", { qboId: "146", syncToken: "4" }, ctx);
    expect(withMemo.ok && withMemo.value.PrivateNote).toBe("kept");
  });
});

describe("QBO → app transactions", () => {
  it("maps lines, sending unknown accounts and items to the Unallocated accounts", () => {
    const qbo = qboBill({
      privateNote: "memo",
      dueDate: "2026-12-01",
      lines: [
        { detailType: "AccountBasedExpenseLineDetail", amountCents: 100, accountQboId: "7", classQboId: "200", customerQboId: "58" },
        { detailType: "AccountBasedExpenseLineDetail", amountCents: 200, accountQboId: "4444" },
        { detailType: "ItemBasedExpenseLineDetail", amountCents: 300, itemQboId: "5", qty: 3, unitPrice: 1 },
        { detailType: "ItemBasedExpenseLineDetail", amountCents: 400, itemQboId: "5555" },
      ],
    });
    expect(qboTxnToAppFields(qbo, "bill", ctx)).toEqual({
      ok: true,
      value: {
        number: "B-100",
        counterpartyId: "ven-1",
        txnDate: "2026-11-01",
        dueDate: "2026-12-01",
        memo: "memo",
        currency: "USD",
        totalCents: 12_550,
        lines: [
          { amountCents: 100, accountId: "acc-office", classId: "class-1", customerId: "cus-1" },
          { amountCents: 200, accountId: "acc-unalloc-exp" },
          { amountCents: 300, itemId: "item-1", qty: 3, unitPrice: 1 },
          { amountCents: 400, accountId: "acc-unalloc-exp" },
        ],
      },
    });
  });

  it("invoice lines with unknown items land on the Unallocated Income account; discounts stay discounts", () => {
    const qbo = qboBill({
      counterpartyQboId: "58",
      lines: [
        { detailType: "SalesItemLineDetail", amountCents: 1_000, itemQboId: "777" },
        { detailType: "DiscountLineDetail", amountCents: 100 },
      ],
    });
    const result = qboTxnToAppFields(qbo, "invoice", ctx);
    expect(result.ok && result.value.lines).toEqual([{ amountCents: 1_000, accountId: "acc-unalloc-inc" }, { amountCents: 100, discount: true }]);
  });

  it("fails when the counterparty is not synced", () => {
    expect(qboTxnToAppFields(qboBill({ counterpartyQboId: "999" }), "bill", ctx)).toMatchObject({ ok: false, reason: "VENDOR_NOT_SYNCED", params: { counterpartyName: "Acme Supplies" } });
  });
});

describe("names", () => {
  it("maps vendors/customers both ways and deactivates instead of deleting", () => {
    expect(appPartyToQboCreate(appParty({ email: "ap@acme.test", displayName: " Acme " }))).toEqual({
      DisplayName: "Acme",
      Active: true,
      PrimaryEmailAddr: { Address: "ap@acme.test" },
      CurrencyRef: { value: "USD" },
    });
    expect(appPartyToQboUpdate(appParty(), { qboId: "56", syncToken: "2" })).toMatchObject({ Id: "56", SyncToken: "2", sparse: true, DisplayName: "Acme Supplies", Active: true });
    expect(qboDeactivateBody({ qboId: "56", syncToken: "2" })).toEqual({ Id: "56", SyncToken: "2", sparse: true, Active: false });
    expect(qboPartyToAppFields(qboParty({ email: "x@y.test", currency: "usd" }))).toEqual({ displayName: "Acme Supplies", email: "x@y.test", active: true, currency: "USD" });
  });
});

describe("content hashes", () => {
  it("change with synced fields only", () => {
    const bill = appBill();
    const otherTotal = { ...bill, totalCents: 1, updatedAt: "2030-01-01T00:00:00.000Z" };
    expect(appTxnContentHash(bill)).toBe(appTxnContentHash(otherTotal));
    expect(appTxnContentHash(bill)).not.toBe(appTxnContentHash({ ...bill, memo: "x" }));
    expect(appTxnContentHash(bill)).not.toBe(appTxnContentHash({ ...bill, status: "voided" }));
    expect(appTxnContentHash(bill)).not.toBe(appTxnContentHash({ ...bill, lines: [{ amountCents: 12_550, accountId: "acc-bank" }] }));
    const party = appParty();
    expect(appPartyContentHash(party)).toBe(appPartyContentHash({ ...party, displayName: " Acme Supplies " }));
    expect(appPartyContentHash(party)).not.toBe(appPartyContentHash({ ...party, active: false }));
  });
});

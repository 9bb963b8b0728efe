import { describe, expect, it } from "vitest";

import { COMMERCE_PRIVATE_NOTE_PREFIX, COMMERCE_TXN_SOURCE, isFromQuickBooksCommerce } from "@/lib/sync/core/commerce";

describe("isFromQuickBooksCommerce", () => {
  it("recognises the TxnSource marker", () => {
    expect(COMMERCE_TXN_SOURCE).toBe("QuickBooksCommerce");
    expect(isFromQuickBooksCommerce({ txnSource: "QuickBooksCommerce" })).toBe(true);
  });

  it("recognises the PrivateNote prefix case-insensitively, after leading spaces", () => {
    expect(isFromQuickBooksCommerce({ privateNote: `${COMMERCE_PRIVATE_NOTE_PREFIX} order #1001` })).toBe(true);
    expect(isFromQuickBooksCommerce({ privateNote: "quickbooks commerce: PO 17" })).toBe(true);
    expect(isFromQuickBooksCommerce({ privateNote: "  QUICKBOOKS COMMERCE:daily summary" })).toBe(true);
  });

  it("does not flag ordinary transactions", () => {
    expect(isFromQuickBooksCommerce({})).toBe(false);
    expect(isFromQuickBooksCommerce({ txnSource: "BankFeed" })).toBe(false);
    expect(isFromQuickBooksCommerce({ txnSource: "quickbookscommerce" })).toBe(false);
    expect(isFromQuickBooksCommerce({ privateNote: "Ordered via QuickBooks Commerce: no" })).toBe(false);
    expect(isFromQuickBooksCommerce({ privateNote: "QuickBooks Commerce order" })).toBe(false);
    expect(isFromQuickBooksCommerce({ privateNote: "" })).toBe(false);
  });
});

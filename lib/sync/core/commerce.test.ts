import { describe, expect, it } from "vitest";

import {
  COMMERCE_PRIVATE_NOTE_PREFIX,
  COMMERCE_TXN_SOURCE,
  commerceTracesOfQboJson,
  isFromQuickBooksCommerce,
  matchQuickBooksCommerce,
} from "@/lib/sync/core/commerce";

const label = (...args: Parameters<typeof matchQuickBooksCommerce>) => matchQuickBooksCommerce(...args)?.label;

describe("matchQuickBooksCommerce", () => {
  it("recognises the TxnSource marker, exactly", () => {
    expect(COMMERCE_TXN_SOURCE).toBe("QuickBooksCommerce");
    expect(matchQuickBooksCommerce({ txnSource: "QuickBooksCommerce" })).toEqual({ kind: "txn_source", marker: "QuickBooksCommerce", label: "TxnSource QuickBooksCommerce" });
    expect(isFromQuickBooksCommerce({ txnSource: "BankFeed" })).toBe(false);
    expect(isFromQuickBooksCommerce({ txnSource: "quickbookscommerce" })).toBe(false);
  });

  it("recognises a memo that mentions QuickBooks Commerce anywhere, in any case and spacing", () => {
    for (const privateNote of [
      `${COMMERCE_PRIVATE_NOTE_PREFIX} order #1001`,
      "quickbooks commerce: PO 17",
      "  QUICKBOOKS COMMERCE:daily summary",
      "Ordered via QuickBooks Commerce: no",
      "QuickBooks Commerce order",
      "PO-2207 (synced from Quickbooks  Commerce)",
      "QuickBooksCommerce PO-1",
    ]) {
      expect(label({ privateNote }), privateNote).toBe("PrivateNote mentions “QuickBooks Commerce”");
    }
    expect(label({ customerMemo: "Thank you for your QuickBooks Commerce order" })).toBe("CustomerMemo mentions “QuickBooks Commerce”");
  });

  it("does not flag ordinary transactions", () => {
    for (const traces of [
      {},
      { privateNote: "" },
      { privateNote: "QuickBooks" },
      { privateNote: "Commerce Bank wire" },
      { privateNote: "QB Commerce order 5" }, // not sourced as a Commerce trace (see commerce.ts)
      { privateNote: "quickbooks e-commerce" },
      { docNumber: "SHOP-1001" }, // a prefix only counts once an admin adds it
    ]) {
      expect(matchQuickBooksCommerce(traces), JSON.stringify(traces)).toBeUndefined();
    }
  });

  it("applies the admin's DocNumber prefixes, case-insensitively, and says which matched", () => {
    const custom = { docNumberPrefixes: ["WEB-", "SHOP-"], memoPhrases: [] };
    expect(matchQuickBooksCommerce({ docNumber: "SHOP-1001" }, custom)).toEqual({ kind: "doc_number_prefix", marker: "SHOP-", label: "DocNumber prefix SHOP-" });
    expect(label({ docNumber: "shop-7" }, custom)).toBe("DocNumber prefix SHOP-");
    expect(label({ docNumber: "1001-SHOP-" }, custom)).toBeUndefined();
    expect(label({ docNumber: "SHOP" }, custom)).toBeUndefined();
    expect(label({}, custom)).toBeUndefined();
  });

  it("applies the admin's memo phrases anywhere in either memo, ignoring case and extra spaces", () => {
    const custom = { docNumberPrefixes: [], memoPhrases: ["Shopify order"] };
    expect(matchQuickBooksCommerce({ privateNote: "Imported: SHOPIFY   order #12" }, custom)).toEqual({ kind: "memo_phrase", marker: "Shopify order", label: "PrivateNote phrase “Shopify order”" });
    expect(label({ customerMemo: "your shopify order" }, custom)).toBe("CustomerMemo phrase “Shopify order”");
    expect(label({ privateNote: "Shopify" }, custom)).toBeUndefined();
  });

  it("names the first marker in order: TxnSource, Commerce memo, prefix, phrase", () => {
    const custom = { docNumberPrefixes: ["PO-"], memoPhrases: ["order"] };
    expect(label({ txnSource: COMMERCE_TXN_SOURCE, privateNote: "QuickBooks Commerce", docNumber: "PO-1" }, custom)).toBe("TxnSource QuickBooksCommerce");
    expect(label({ privateNote: "QuickBooks Commerce order", docNumber: "PO-1" }, custom)).toBe("PrivateNote mentions “QuickBooks Commerce”");
    expect(label({ privateNote: "order", docNumber: "PO-1" }, custom)).toBe("DocNumber prefix PO-");
    expect(label({ privateNote: "order", docNumber: "B-1" }, custom)).toBe("PrivateNote phrase “order”");
  });

  it("reads the traces of raw QBO JSON (the sandbox's records)", () => {
    expect(commerceTracesOfQboJson({ TxnSource: "QuickBooksCommerce", PrivateNote: "n", CustomerMemo: { value: "m" }, DocNumber: "7" })).toEqual({
      txnSource: "QuickBooksCommerce",
      privateNote: "n",
      customerMemo: "m",
      docNumber: "7",
    });
    expect(commerceTracesOfQboJson({ TxnSource: 3, CustomerMemo: "not an object" })).toEqual({});
  });
});

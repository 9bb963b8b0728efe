import { describe, expect, it } from "vitest";
import { idsNamedBy, txnHistoryChanges, txnHistorySnapshot, type HistoryFields, type HistoryNames } from "@/lib/sync/core/txn-history";

const names: HistoryNames = {
  party: (id) => ({ v1: "Acme Supplies" })[id],
  account: (id) => ({ a1: "Office Expenses", a2: "Rent or Lease" })[id],
  item: (id) => ({ i1: "Consulting" })[id],
  term: (id) => ({ t15: "Net 15", t30: "Net 30" })[id],
  location: (id) => ({ l1: "Downtown" })[id],
};

const bill: HistoryFields = {
  number: "B-1",
  counterpartyId: "v1",
  txnDate: "2026-11-02",
  dueDate: "2026-12-02",
  memo: "",
  currency: "USD",
  totalCents: 37_650,
  lines: [{ amountCents: 37_650, description: "Paper", accountId: "a1" }],
};

describe("txnHistoryChanges", () => {
  it("shows money as money, never cents", () => {
    const after = { ...bill, totalCents: 50_000, lines: [{ ...bill.lines[0]!, amountCents: 50_000 }] };
    const changes = txnHistoryChanges(bill, after, names, "Vendor");
    expect(changes).toContainEqual({ field: "totalCents", label: "Total", old: "$376.50", new: "$500.00" });
    expect(changes).toContainEqual({ field: "lines", label: "Lines", old: "Paper · Office Expenses · $376.50", new: "Paper · Office Expenses · $500.00" });
  });

  it("names a line by its account or item as it is now, and the party by name", () => {
    const after = { ...bill, counterpartyId: "v2", lines: [{ amountCents: 37_650, accountId: "a2" }, { amountCents: 100, itemId: "i1", discount: true }] };
    const changes = txnHistoryChanges(bill, after, names, "Vendor");
    expect(changes.find((c) => c.field === "lines")?.new).toBe("Rent or Lease · $376.50; Consulting · −$1.00");
    expect(changes.find((c) => c.field === "counterpartyId")).toEqual({ field: "counterpartyId", label: "Vendor", old: "Acme Supplies", new: "(unknown)" });
  });

  it("is empty when nothing a person can see changed (blank memo vs none)", () => {
    const withoutMemo: HistoryFields = { ...bill };
    delete withoutMemo.memo;
    expect(txnHistoryChanges(bill, withoutMemo, names, "Vendor")).toEqual([]);
  });

  it("shows tax only when there is some", () => {
    const withTax = { ...bill, taxCents: 619 };
    expect(txnHistoryChanges(bill, withTax, names, "Customer")).toEqual([{ field: "taxCents", label: "Tax", old: null, new: "$6.19" }]);
  });

  it("names terms and location, and an invoice's two memos truthfully", () => {
    const invoice = { ...bill, termsId: "t30" };
    const after = { ...invoice, termsId: "t15", locationId: "l1", customerMemo: "Thank you!", memo: "Call before delivery" };
    expect(txnHistoryChanges(invoice, after, names, "Customer")).toEqual([
      { field: "termsId", label: "Terms", old: "Net 30", new: "Net 15" },
      { field: "locationId", label: "Location", old: null, new: "Downtown" },
      { field: "customerMemo", label: "Message on invoice", old: null, new: "Thank you!" },
      { field: "memo", label: "Internal note", old: null, new: "Call before delivery" },
    ]);
  });
});

describe("txnHistorySnapshot", () => {
  it("holds every field of a version, readable", () => {
    const snapshot = txnHistorySnapshot("QuickBooks version (not kept)", bill, names, "Vendor");
    expect(snapshot.title).toBe("QuickBooks version (not kept)");
    expect(snapshot.fields).toEqual([
      { label: "Number", value: "B-1" },
      { label: "Vendor", value: "Acme Supplies" },
      { label: "Date", value: "2026-11-02" },
      { label: "Due date", value: "2026-12-02" },
      { label: "Terms", value: null },
      { label: "Location", value: null },
      { label: "Message on invoice", value: null },
      { label: "Memo", value: null },
      { label: "Lines", value: "Paper · Office Expenses · $376.50" },
      { label: "Tax", value: null },
      { label: "Total", value: "$376.50" },
    ]);
  });
});

describe("idsNamedBy", () => {
  it("lists the party, line accounts and items to look up", () => {
    expect(idsNamedBy({ ...bill, termsId: "t15", lines: [...bill.lines, { amountCents: 1, itemId: "i1", accountId: "a9" }] })).toEqual({ terms: ["t15"], locations: [], parties: ["v1"], accounts: ["a1"], items: ["i1"] });
  });
});

import { describe, expect, it } from "vitest";
import { auditDiff, type AuditField } from "./audit-diff";

interface BillRecord {
  billNumber: string;
  totalCents: number;
  dueDate: string;
  vendorId: string;
  memo: string | null;
  syncToQbo: boolean;
  lines: { amountCents: number }[];
}

const fields: AuditField<BillRecord>[] = [
  { field: "billNumber", label: "Bill number" },
  { field: "totalCents", label: "Amount", kind: "money" },
  { field: "dueDate", label: "Due date", kind: "date" },
  { field: "vendorId", label: "Vendor", format: (value) => (value === "v1" ? "Acme" : "Beta") },
  { field: "memo", label: "Memo" },
  { field: "syncToQbo", label: "Sync to QuickBooks", kind: "boolean" },
  { field: "lines", label: "Lines" },
];

const before: BillRecord = {
  billNumber: "B-1",
  totalCents: 1000,
  dueDate: "2026-03-01",
  vendorId: "v1",
  memo: null,
  syncToQbo: true,
  lines: [{ amountCents: 1000 }],
};

describe("auditDiff", () => {
  it("lists only changed fields, formatted, in field order", () => {
    const after = { ...before, totalCents: 1250, dueDate: "2026-03-15", vendorId: "v2", memo: "Rush", syncToQbo: false };
    expect(auditDiff(before, after, fields)).toEqual([
      { field: "totalCents", label: "Amount", old: "$10.00", new: "$12.50" },
      { field: "dueDate", label: "Due date", old: "2026-03-01", new: "2026-03-15" },
      { field: "vendorId", label: "Vendor", old: "Acme", new: "Beta" },
      { field: "memo", label: "Memo", old: null, new: "Rush" },
      { field: "syncToQbo", label: "Sync to QuickBooks", old: "Yes", new: "No" },
    ]);
  });

  it("returns nothing for identical records, treating null/undefined/empty alike and comparing arrays by content", () => {
    expect(auditDiff(before, { ...before, memo: "", lines: [{ amountCents: 1000 }] }, fields)).toEqual([]);
  });

  it("notices nested changes", () => {
    const changes = auditDiff(before, { ...before, lines: [{ amountCents: 999 }] }, fields);
    expect(changes).toEqual([{ field: "lines", label: "Lines", old: '[{"amountCents":1000}]', new: '[{"amountCents":999}]' }]);
  });

  it("treats a created record as every non-empty field changing", () => {
    const changes = auditDiff(null, before, fields);
    expect(changes.map((change) => change.field)).toEqual(["billNumber", "totalCents", "dueDate", "vendorId", "syncToQbo", "lines"]);
    expect(changes.every((change) => change.old === null)).toBe(true);
  });

  it("treats a deleted record as every field emptied", () => {
    const changes = auditDiff(before, null, fields);
    expect(changes[0]).toEqual({ field: "billNumber", label: "Bill number", old: "B-1", new: null });
  });

  it("uses the currency given for money", () => {
    expect(auditDiff(before, { ...before, totalCents: 2000 }, fields, { currency: "EUR" })[0]).toMatchObject({ old: "€10.00", new: "€20.00" });
  });

  it("shows Date values as calendar dates and zero amounts as money", () => {
    const dateFields: AuditField<{ at: Date; amount: number }>[] = [
      { field: "at", label: "Date", kind: "date" },
      { field: "amount", label: "Amount", kind: "money" },
    ];
    expect(auditDiff({ at: new Date("2026-01-01T00:00:00Z"), amount: 5 }, { at: new Date("2026-01-02T00:00:00Z"), amount: 0 }, dateFields)).toEqual([
      { field: "at", label: "Date", old: "2026-01-01", new: "2026-01-02" },
      { field: "amount", label: "Amount", old: "$0.05", new: "$0.00" },
    ]);
    expect(auditDiff({ at: new Date("2026-01-01T00:00:00Z"), amount: 5 }, { at: new Date("2026-01-01T00:00:00Z"), amount: 5 }, dateFields)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { compareAccountTypes, describeTerms, toPaymentTerms } from "./queries";

const row = (overrides: Partial<Parameters<typeof toPaymentTerms>[0]>) => ({
  type: "standard" as const,
  dueDays: null,
  dayOfMonthDue: null,
  dueNextMonthDays: null,
  ...overrides,
});

describe("terms rows", () => {
  it("maps standard and date-driven rows to lib/ap payment terms", () => {
    expect(toPaymentTerms(row({ dueDays: 30 }))).toEqual({ type: "STANDARD", dueDays: 30 });
    expect(toPaymentTerms(row({ type: "date_driven", dayOfMonthDue: 15, dueNextMonthDays: 5 }))).toEqual({
      type: "DATE_DRIVEN",
      dayOfMonthDue: 15,
      dueNextMonthDays: 5,
    });
    expect(toPaymentTerms(row({}))).toBeNull();
    expect(toPaymentTerms(row({ type: "date_driven" }))).toBeNull();
  });

  it("describes when documents fall due", () => {
    expect(describeTerms(row({ dueDays: 30 }))).toBe("Due 30 days after the document date");
    expect(describeTerms(row({ dueDays: 1 }))).toBe("Due 1 day after the document date");
    expect(describeTerms(row({ dueDays: 0 }))).toBe("Due on the document date");
    expect(describeTerms(row({ type: "date_driven", dayOfMonthDue: 1 }))).toBe("Due on the 1st of the month");
    expect(describeTerms(row({ type: "date_driven", dayOfMonthDue: 12 }))).toBe("Due on the 12th of the month");
    expect(describeTerms(row({ type: "date_driven", dayOfMonthDue: 22, dueNextMonthDays: 3 }))).toBe(
      "Due on the 22nd of the month, next month if dated within 3 days of it",
    );
    expect(describeTerms(row({ type: "date_driven", dayOfMonthDue: 31 }))).toBe("Due on the last day of the month");
  });
});

describe("compareAccountTypes", () => {
  it("orders a chart like a balance sheet then a P&L, unknown types last", () => {
    const types = ["Expense", "Income", "Mystery", "Bank", "Accounts Payable", "Other Current Asset", "Cost of Goods Sold"];
    expect([...types].sort(compareAccountTypes)).toEqual([
      "Bank",
      "Other Current Asset",
      "Accounts Payable",
      "Income",
      "Cost of Goods Sold",
      "Expense",
      "Mystery",
    ]);
  });
});

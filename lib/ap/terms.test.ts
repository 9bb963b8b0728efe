import { describe, expect, it } from "vitest";
import { DEFAULT_DUE_DAYS, dueDateFromTerms, TermsError } from "./terms";

describe("dueDateFromTerms — no terms", () => {
  it("is due on the document date by default", () => {
    expect(DEFAULT_DUE_DAYS).toBe(0);
    expect(dueDateFromTerms("2026-03-15", null)).toBe("2026-03-15");
    expect(dueDateFromTerms("2026-03-15", undefined)).toBe("2026-03-15");
  });

  it("uses a configured default", () => {
    expect(dueDateFromTerms("2026-03-15", null, 30)).toBe("2026-04-14");
  });
});

describe("dueDateFromTerms — STANDARD", () => {
  it("adds the due days", () => {
    expect(dueDateFromTerms("2026-01-15", { type: "STANDARD", dueDays: 30 })).toBe("2026-02-14");
    expect(dueDateFromTerms("2026-01-31", { type: "STANDARD", dueDays: 30 })).toBe("2026-03-02");
    expect(dueDateFromTerms("2024-01-31", { type: "STANDARD", dueDays: 30 })).toBe("2024-03-01");
    expect(dueDateFromTerms("2026-12-15", { type: "STANDARD", dueDays: 60 })).toBe("2027-02-13");
    expect(dueDateFromTerms("2026-05-05", { type: "STANDARD", dueDays: 0 })).toBe("2026-05-05");
  });

  it("rejects negative or fractional days", () => {
    expect(() => dueDateFromTerms("2026-01-01", { type: "STANDARD", dueDays: -1 })).toThrow(TermsError);
    expect(() => dueDateFromTerms("2026-01-01", { type: "STANDARD", dueDays: 2.5 })).toThrow(TermsError);
  });
});

describe("dueDateFromTerms — DATE_DRIVEN", () => {
  it("is due on the day of this month when it is still ahead", () => {
    expect(dueDateFromTerms("2026-03-05", { type: "DATE_DRIVEN", dayOfMonthDue: 20 })).toBe("2026-03-20");
  });

  it("is due on the document date when issued on the due day without a rollover window", () => {
    expect(dueDateFromTerms("2026-03-20", { type: "DATE_DRIVEN", dayOfMonthDue: 20 })).toBe("2026-03-20");
  });

  it("moves to next month when the day has passed", () => {
    expect(dueDateFromTerms("2026-03-21", { type: "DATE_DRIVEN", dayOfMonthDue: 20 })).toBe("2026-04-20");
    expect(dueDateFromTerms("2026-12-25", { type: "DATE_DRIVEN", dayOfMonthDue: 10 })).toBe("2027-01-10");
  });

  it("rolls over a month when issued within dueNextMonthDays of the due day", () => {
    const terms = { type: "DATE_DRIVEN", dayOfMonthDue: 10, dueNextMonthDays: 5 } as const;
    expect(dueDateFromTerms("2026-03-04", terms)).toBe("2026-03-10"); // 6 days before: this month
    expect(dueDateFromTerms("2026-03-05", terms)).toBe("2026-04-10"); // 5 days before: next month
    expect(dueDateFromTerms("2026-03-10", terms)).toBe("2026-04-10"); // on the day
    expect(dueDateFromTerms("2026-03-11", terms)).toBe("2026-04-10"); // passed; next one is far enough
  });

  it("can roll twice when the next month's due day is also too close", () => {
    expect(dueDateFromTerms("2026-01-30", { type: "DATE_DRIVEN", dayOfMonthDue: 1, dueNextMonthDays: 5 })).toBe("2026-03-01");
  });

  it("clamps the due day to the month's length (end-of-month terms), leap years included", () => {
    const endOfMonth = { type: "DATE_DRIVEN", dayOfMonthDue: 31 } as const;
    expect(dueDateFromTerms("2026-02-10", endOfMonth)).toBe("2026-02-28");
    expect(dueDateFromTerms("2024-02-10", endOfMonth)).toBe("2024-02-29");
    expect(dueDateFromTerms("2026-04-10", endOfMonth)).toBe("2026-04-30");
    expect(dueDateFromTerms("2026-01-31", { type: "DATE_DRIVEN", dayOfMonthDue: 31, dueNextMonthDays: 3 })).toBe("2026-02-28");
    expect(dueDateFromTerms("2024-01-31", { type: "DATE_DRIVEN", dayOfMonthDue: 30 })).toBe("2024-02-29");
  });

  it("treats a null rollover window as none", () => {
    expect(dueDateFromTerms("2026-03-19", { type: "DATE_DRIVEN", dayOfMonthDue: 20, dueNextMonthDays: null })).toBe("2026-03-20");
  });

  it("rejects impossible terms", () => {
    expect(() => dueDateFromTerms("2026-01-01", { type: "DATE_DRIVEN", dayOfMonthDue: 0 })).toThrow(TermsError);
    expect(() => dueDateFromTerms("2026-01-01", { type: "DATE_DRIVEN", dayOfMonthDue: 32 })).toThrow(TermsError);
    expect(() => dueDateFromTerms("2026-01-01", { type: "DATE_DRIVEN", dayOfMonthDue: 5, dueNextMonthDays: -2 })).toThrow(TermsError);
  });
});

describe("due date without terms", () => {
  it("is the document's own date, whatever day it is today", () => {
    expect(dueDateFromTerms("2026-11-20", null)).toBe("2026-11-20");
    expect(dueDateFromTerms("2026-11-20", undefined)).toBe("2026-11-20");
  });
});

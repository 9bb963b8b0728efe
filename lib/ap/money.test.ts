import { describe, expect, it } from "vitest";
import {
  allocateCents,
  centsToDecimalString,
  formatMoney,
  MAX_AMOUNT_CENTS,
  MoneyError,
  safeParseMoney,
  sumCents,
} from "./money";

/** The cents of a valid amount (the test fails on an invalid one). */
function parsedCents(input: string, options?: Parameters<typeof safeParseMoney>[1]): number {
  const result = safeParseMoney(input, options);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to parse: ${result.error}`);
  return result.cents;
}

describe("safeParseMoney", () => {
  it.each([
    ["1,234.56", 123456],
    ["1234.56", 123456],
    ["$1,234.56", 123456],
    ["  12  ", 1200],
    ["0.5", 50],
    [".5", 50],
    ["12.", 1200],
    ["0", 0],
    ["0.01", 1],
    ["1,000,000", 100000000],
    ["007.10", 710],
    ["99,999,999,999.99", MAX_AMOUNT_CENTS],
  ])("parses %j as %i cents", (input, cents) => {
    expect(parsedCents(input)).toBe(cents);
  });

  it("is exact where float math is not (0.29 * 100 = 28.999…)", () => {
    expect(parsedCents("0.29")).toBe(29);
    expect(parsedCents("1.15")).toBe(115);
    expect(parsedCents("4.35")).toBe(435);
  });

  it.each(["", "   ", "abc", "12abc", "1.234", "1,23.45", "12,34", "1,2345", "1e3", "NaN", "Infinity", "--1", "$-5", "1 000", "(12.00)", ".", "$", "0x10", "+5"])(
    "rejects %j",
    (input) => {
      expect(safeParseMoney(input).ok).toBe(false);
    },
  );

  it("explains what is wrong in plain English", () => {
    expect(safeParseMoney("1.234")).toEqual({ ok: false, error: "Amounts can have at most 2 decimal places." });
    expect(safeParseMoney("")).toEqual({ ok: false, error: "Enter an amount." });
    expect(safeParseMoney("abc")).toEqual({ ok: false, error: "Enter an amount like 1,234.56." });
    expect(safeParseMoney("-5")).toEqual({ ok: false, error: "The amount can't be negative." });
  });

  it("accepts negatives only when allowed, without producing -0", () => {
    expect(parsedCents("-1,234.50", { allowNegative: true })).toBe(-123450);
    expect(parsedCents("-$3", { allowNegative: true })).toBe(-300);
    expect(Object.is(parsedCents("-0.00", { allowNegative: true }), 0)).toBe(true);
  });

  it("rejects amounts above the maximum", () => {
    expect(safeParseMoney("100,000,000,000.00").ok).toBe(false);
    expect(safeParseMoney("999999999999999999999").ok).toBe(false);
  });
});

describe("formatMoney", () => {
  it("formats cents with Intl", () => {
    expect(formatMoney(123456)).toBe("$1,234.56");
    expect(formatMoney(5)).toBe("$0.05");
    expect(formatMoney(0)).toBe("$0.00");
    expect(formatMoney(-1999)).toBe("-$19.99");
    expect(formatMoney(MAX_AMOUNT_CENTS)).toBe("$99,999,999,999.99");
  });

  it("uses the currency given", () => {
    expect(formatMoney(123456, "EUR", "en-US")).toBe("€1,234.56");
    expect(formatMoney(100, "CAD")).toBe("CA$1.00");
  });

  it("refuses fractional cents", () => {
    expect(() => formatMoney(1.5)).toThrow(MoneyError);
  });

  it("gives exact decimal text", () => {
    expect(centsToDecimalString(7)).toBe("0.07");
    expect(centsToDecimalString(-123456)).toBe("-1234.56");
    expect(centsToDecimalString(100)).toBe("1.00");
  });
});

describe("sumCents", () => {
  it("sums integers exactly", () => {
    expect(sumCents([10, 20, 70])).toBe(100);
    expect(sumCents([])).toBe(0);
    expect(sumCents(new Set([1, 2]))).toBe(3);
  });

  it("throws on floats and NaN", () => {
    expect(() => sumCents([1, 0.1])).toThrow(MoneyError);
    expect(() => sumCents([Number.NaN])).toThrow(MoneyError);
  });
});

describe("allocateCents", () => {
  it("splits evenly with the remainder going to the earliest largest remainders", () => {
    expect(allocateCents(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateCents(200, [1, 1, 1])).toEqual([67, 67, 66]);
  });

  it("always sums exactly to the total", () => {
    const weights = [333, 1, 7, 0, 12345, 99];
    for (const total of [0, 1, 7, 99, 100, 12345, 9_999_999]) {
      const parts = allocateCents(total, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(parts[3]).toBe(0);
    }
  });

  it("follows proportions (largest remainder)", () => {
    // 1000 split 1:2:3 → 166.67, 333.33, 500 → 167, 333, 500
    expect(allocateCents(1000, [1, 2, 3])).toEqual([167, 333, 500]);
  });

  it("handles negative totals symmetrically", () => {
    expect(allocateCents(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
  });

  it("stays exact for big numbers", () => {
    const parts = allocateCents(MAX_AMOUNT_CENTS, [MAX_AMOUNT_CENTS, 1, 3]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(MAX_AMOUNT_CENTS);
  });

  it("rejects bad weights", () => {
    expect(() => allocateCents(100, [])).toThrow(MoneyError);
    expect(() => allocateCents(100, [0, 0])).toThrow(MoneyError);
    expect(() => allocateCents(100, [-1, 2])).toThrow(MoneyError);
    expect(() => allocateCents(100, [0.5, 2])).toThrow(MoneyError);
    expect(() => allocateCents(1.5, [1])).toThrow(MoneyError);
  });
});

import { describe, expect, it } from "vitest";

import { amountToCents, centsToAmount, sumCents } from "@/lib/sync/core/money";

describe("money", () => {
  it("builds decimal amounts that serialise exactly", () => {
    expect(JSON.stringify({ TotalAmt: centsToAmount(10 + 20) })).toBe('{"TotalAmt":0.3}');
    expect(JSON.stringify(centsToAmount(1_234_567))).toBe("12345.67");
    expect(centsToAmount(-505)).toBe(-5.05);
    expect(() => centsToAmount(1.5)).toThrow(RangeError);
  });
  it("reads QBO decimals into cents", () => {
    expect(amountToCents(0.1 + 0.2)).toBe(30);
    expect(amountToCents(12345.67)).toBe(1_234_567);
    expect(amountToCents(1.005)).toBe(101);
    expect(amountToCents(-19.99)).toBe(-1999);
    expect(() => amountToCents(Number.NaN)).toThrow(RangeError);
  });
  it("sums integer cents only", () => {
    expect(sumCents([1, 2, 3])).toBe(6);
    expect(() => sumCents([1, 0.5])).toThrow(/whole number of cents/);
  });
});

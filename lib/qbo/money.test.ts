import { describe, expect, it } from "vitest";
import { fromCents, sumAmounts, toCents } from "@/lib/qbo/money";

describe("toCents", () => {
  it.each([
    [0, 0],
    [1, 100],
    [12.34, 1234],
    [1234.5, 123450],
    [0.1, 10],
    [1.005, 101],
    [1.0049, 100],
    [2.675, 268],
    [-2.675, -268],
    [-0.001, 0],
    [0.29, 29],
    [19.99, 1999],
    [1e-7, 0],
    [99999999999.99, 9999999999999],
  ])("%s → %s", (amount, cents) => {
    expect(toCents(amount)).toBe(cents);
  });

  it("accepts numeric strings and rejects junk", () => {
    expect(toCents("12.345")).toBe(1235);
    expect(toCents(".5")).toBe(50);
    expect(toCents("-3")).toBe(-300);
    expect(() => toCents("12,50")).toThrow(RangeError);
    expect(() => toCents("")).toThrow(RangeError);
    expect(() => toCents(Number.NaN)).toThrow(RangeError);
    expect(() => toCents(1e21)).toThrow(RangeError);
  });

  it("never returns -0", () => {
    expect(Object.is(toCents(-0.001), 0)).toBe(true);
  });
});

describe("fromCents and sums", () => {
  it("round-trips", () => {
    for (const cents of [0, 1, 10, 29, 1999, 123456789, -1005]) {
      expect(toCents(fromCents(cents))).toBe(cents);
    }
    expect(fromCents(1234)).toBe(12.34);
    expect(() => fromCents(1.5)).toThrow(RangeError);
  });

  it("adds without float drift", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumAmounts([0.1, 0.2])).toBe(0.3);
    expect(sumAmounts(Array.from({ length: 100 }, () => 0.01))).toBe(1);
  });
});

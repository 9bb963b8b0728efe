import { describe, expect, it } from "vitest";
import { decimalToCents, decimalToString, multiplyToCents, parseDecimal, type ExactDecimal } from "./decimal";

function dec(text: string, maxScale = 4): ExactDecimal {
  const result = parseDecimal(text, { maxScale });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe("parseDecimal", () => {
  it("parses exact values", () => {
    expect(dec("1.5")).toEqual({ units: 15n, scale: 1 });
    expect(dec("1,000.25")).toEqual({ units: 100025n, scale: 2 });
    expect(dec("3")).toEqual({ units: 3n, scale: 0 });
    expect(dec(".125")).toEqual({ units: 125n, scale: 3 });
  });

  it.each(["", "abc", "1e2", "1.2.3", "1,00", " - 1", "Infinity"])("rejects %j", (text) => {
    expect(parseDecimal(text, { maxScale: 4 }).ok).toBe(false);
  });

  it("enforces the decimal places and sign", () => {
    expect(parseDecimal("1.23456", { maxScale: 4, what: "quantity" })).toEqual({
      ok: false,
      error: "The quantity can have at most 4 decimal places.",
    });
    expect(parseDecimal("-1", { maxScale: 4 }).ok).toBe(false);
    expect(parseDecimal("-1", { maxScale: 4, allowNegative: true })).toEqual({ ok: true, value: { units: -1n, scale: 0 } });
  });

  it("rejects absurdly long numbers", () => {
    expect(parseDecimal("1234567890123456", { maxScale: 4 }).ok).toBe(false);
  });
});

describe("multiplyToCents", () => {
  it("rounds half-up once at the end", () => {
    expect(multiplyToCents(dec("1.5"), dec("0.99"))).toBe(149); // 1.485
    expect(multiplyToCents(dec("3"), dec("0.3333"))).toBe(100); // 0.9999
    expect(multiplyToCents(dec("2"), dec("0.125"))).toBe(25); // exactly 0.25
    expect(multiplyToCents(dec("1"), dec("0.125"))).toBe(13); // 0.125 → 0.13
    expect(multiplyToCents(dec("1"), dec("0.1249"))).toBe(12);
    expect(multiplyToCents(dec("0.1"), dec("0.2"))).toBe(2); // 0.02, not 0.020000000000000004
  });

  it("rounds negative amounts away from zero", () => {
    const negative = parseDecimal("-0.125", { maxScale: 4, allowNegative: true });
    if (!negative.ok) throw new Error("parse");
    expect(multiplyToCents(dec("1"), negative.value)).toBe(-13);
  });

  it("handles zero without -0", () => {
    expect(Object.is(multiplyToCents(dec("0"), dec("5")), 0)).toBe(true);
  });
});

describe("decimal conversions", () => {
  it("converts to cents and text", () => {
    expect(decimalToCents(dec("12.3"))).toBe(1230);
    expect(decimalToCents(dec("0.005"))).toBe(1);
    expect(decimalToString(dec("1.50"))).toBe("1.50");
    expect(decimalToString(dec("0.05"))).toBe("0.05");
    expect(decimalToString(dec("7"))).toBe("7");
    expect(decimalToString({ units: -5n, scale: 2 })).toBe("-0.05");
  });
});

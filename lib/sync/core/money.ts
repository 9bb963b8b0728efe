/**
 * Cents ↔ QBO decimal amounts without float drift.
 *
 * The core computes only in integer cents. QBO JSON wants decimal numbers: `cents / 100` is the
 * double closest to the two-decimal value, and JSON.stringify prints exactly that value (e.g.
 * 1234567 → 12345.67), so building amounts this way never yields 0.30000000000000004.
 */

export function assertCents(cents: number, what = "amount"): void {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`${what} must be integer cents, got ${cents}`);
}

export function centsToAmount(cents: number): number {
  assertCents(cents);
  return cents / 100;
}

/** QBO decimal → cents. Rounds half away from zero at the cent (QBO totals have two decimals). */
export function amountToCents(amount: number): number {
  if (!Number.isFinite(amount)) throw new RangeError(`amount must be finite, got ${amount}`);
  const sign = amount < 0 ? -1 : 1;
  // toFixed(6) first strips binary noise such as 12.345000000000001 before rounding to cents.
  const scaled = Number((Math.abs(amount) * 100).toFixed(6));
  return sign * Math.round(scaled);
}

/** One exact cents sum for the app and the core (lib/ap/money.ts). */
export { sumCents } from "@/lib/ap/money";

/**
 * QBO JSON carries money as decimal numbers (e.g. 1234.5). The app computes in integer cents;
 * these convert at the boundary without binary-float drift (1.005 → 101, 0.1 + 0.2 stays out).
 */

/** Decimal amount (number or numeric string) → integer cents, rounding half away from zero. */
export function toCents(amount: number | string): number {
  const text = typeof amount === "string" ? amount.trim() : numberToPlainString(amount);
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) {
    throw new RangeError(`Not a decimal amount: ${String(amount)}`);
  }
  const negative = match[1] === "-";
  const whole = match[2] || "0";
  const fraction = `${match[3] ?? ""}000`;
  let cents = Number(whole) * 100 + Number(fraction.slice(0, 2));
  // Only the third decimal decides: anything below x.xx5 rounds down.
  if (Number(fraction[2]) >= 5) cents += 1;
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Amount out of range: ${String(amount)}`);
  return negative && cents !== 0 ? -cents : cents;
}

/** Integer cents → the decimal number QBO expects (the nearest double to the exact value). */
export function fromCents(cents: number): number {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Cents must be a safe integer, got ${cents}`);
  // Integer ÷ 100 is correctly rounded, so this equals parsing the two-decimal string.
  return cents / 100;
}

/** Sums decimal amounts exactly (via cents) and returns a decimal number. */
export function sumAmounts(amounts: readonly number[]): number {
  return fromCents(amounts.reduce((total, amount) => total + toCents(amount), 0));
}

function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite amount: ${value}`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // Exponent form only appears below 1e-6 (rounds to 0 cents) or at/above 1e21 (out of range).
  if (Math.abs(value) < 1) return "0";
  throw new RangeError(`Amount out of range: ${value}`);
}

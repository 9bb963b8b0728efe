/**
 * Money as integer cents (hundredths of the document currency).
 *
 * Every amount in Ledgerbridge is an integer number of cents; floats are never used for arithmetic.
 * Parsing works on the digits of the string, allocation uses BigInt, and formatting hands Intl a
 * decimal *string* so no binary fraction is ever involved.
 */

/** Largest amount we accept anywhere: $99,999,999,999.99 (well below 2^53 cents, above any QBO total). */
export const MAX_AMOUNT_CENTS = 9_999_999_999_999;

export class MoneyError extends Error {
  override name = "MoneyError";
}

export interface ParseMoneyOptions {
  /** Accept a leading minus sign (credits, adjustments). Default false. */
  allowNegative?: boolean;
}

export type ParseMoneyResult = { ok: true; cents: number } | { ok: false; error: string };

// Optional sign, optional "$", then either plain digits or correctly grouped thousands, then ≤ any decimals
// (the decimal count is checked separately so the message can say what is wrong).
const MONEY_PATTERN = /^(-)?\$?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/;

/**
 * Parses user-typed money ("1,234.56", "$12", "0.5", "-3.10") into cents without floats.
 * Strict: rejects more than 2 decimals, misplaced commas, letters, exponents, empty input,
 * negatives unless allowed, and amounts above {@link MAX_AMOUNT_CENTS}.
 */
export function safeParseMoney(input: string, options: ParseMoneyOptions = {}): ParseMoneyResult {
  const text = input.trim();
  if (text === "") return { ok: false, error: "Enter an amount." };
  const match = MONEY_PATTERN.exec(text);
  const whole = match?.[2];
  const fraction = match?.[3];
  if (!match || (whole === undefined && !fraction)) {
    return { ok: false, error: "Enter an amount like 1,234.56." };
  }
  if (fraction !== undefined && fraction.length > 2) {
    return { ok: false, error: "Amounts can have at most 2 decimal places." };
  }
  const negative = match[1] === "-";
  if (negative && !options.allowNegative) {
    return { ok: false, error: "The amount can't be negative." };
  }
  const wholeDigits = (whole ?? "0").replaceAll(",", "").replace(/^0+(?=\d)/, "");
  // Length guard first so Number() below only ever sees values that are exact integers.
  if (wholeDigits.length > 11) return { ok: false, error: "The amount is too large." };
  const centsDigits = (fraction ?? "").padEnd(2, "0");
  const magnitude = Number(wholeDigits) * 100 + Number(centsDigits);
  if (magnitude > MAX_AMOUNT_CENTS) return { ok: false, error: "The amount is too large." };
  // Avoid returning -0.
  return { ok: true, cents: negative && magnitude !== 0 ? -magnitude : magnitude };
}

/** Throws unless `value` is an integer number of cents within the safe range. */
export function assertCents(value: number, what = "amount"): void {
  if (!Number.isSafeInteger(value)) {
    throw new MoneyError(`The ${what} must be a whole number of cents, got ${String(value)}.`);
  }
}

/** "12345" → "123.45", "-5" → "-0.05": exact decimal text for display and for QBO's Amount fields. */
export function centsToDecimalString(cents: number): string {
  assertCents(cents);
  const sign = cents < 0 ? "-" : "";
  const digits = String(Math.abs(cents)).padStart(3, "0");
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats cents for people: formatMoney(123456) → "$1,234.56".
 * Amounts are stored in hundredths for every currency, so the format always shows two decimals.
 */
export function formatMoney(cents: number, currency = "USD", locale = "en-US"): string {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    formatters.set(key, formatter);
  }
  // Intl accepts exact decimal strings (ES2023); the cast is only because lib.d.ts lags behind.
  return formatter.format(centsToDecimalString(cents) as unknown as number);
}

/** Exact sum of cents; throws on a non-integer so a stray float can't creep into a total. */
export function sumCents(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) {
    assertCents(value);
    total += value;
  }
  assertCents(total, "total");
  return total;
}

/**
 * Splits `totalCents` in proportion to non-negative integer `weights` (e.g. line amounts in cents)
 * by the largest-remainder method, so the parts always sum exactly to the total.
 * Ties in remainder go to the earlier weight, keeping the result deterministic.
 * A negative total is split like its magnitude and then negated.
 */
export function allocateCents(totalCents: number, weights: readonly number[]): number[] {
  assertCents(totalCents, "total");
  if (weights.length === 0) throw new MoneyError("Nothing to allocate the amount to.");
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0) {
      throw new MoneyError("Allocation weights must be non-negative whole numbers.");
    }
  }
  const weightSum = weights.reduce((sum, weight) => sum + BigInt(weight), 0n);
  if (weightSum === 0n) throw new MoneyError("Allocation weights can't all be zero.");

  const sign = totalCents < 0 ? -1 : 1;
  const total = BigInt(Math.abs(totalCents));
  const shares = weights.map((weight, index) => {
    const product = total * BigInt(weight);
    return { index, floor: product / weightSum, remainder: product % weightSum };
  });
  let leftover = total - shares.reduce((sum, share) => sum + share.floor, 0n);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const share of byRemainder) {
    if (leftover === 0n) break;
    share.floor += 1n;
    leftover -= 1n;
  }
  return shares.map((share) => {
    const cents = Number(share.floor) * sign;
    return cents === 0 ? 0 : cents;
  });
}

/**
 * Exact decimals for quantities and unit prices (invoice item lines), kept as a BigInt count of
 * 10^-scale units so "1.5 × 0.99" is computed exactly and only the final amount is rounded.
 */

export interface ExactDecimal {
  /** The number scaled by 10^scale, e.g. 1.25 → units 125n, scale 2. */
  units: bigint;
  scale: number;
}

export type ParseDecimalResult = { ok: true; value: ExactDecimal } | { ok: false; error: string };

const DECIMAL_PATTERN = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/;

/**
 * Parses "1,234.5678" strictly (no exponents, no spaces inside, no stray characters).
 * `maxScale` caps the number of decimals; `what` names the value in error messages.
 */
export function parseDecimal(
  input: string,
  options: { maxScale: number; allowNegative?: boolean; what?: string },
): ParseDecimalResult {
  const what = options.what ?? "number";
  const text = input.trim();
  if (text === "") return { ok: false, error: `Enter a ${what}.` };
  const match = DECIMAL_PATTERN.exec(text);
  const whole = match?.[2];
  const fraction = match?.[3] ?? "";
  if (!match || (whole === undefined && fraction === "")) {
    return { ok: false, error: `Enter the ${what} as a number, like 2 or 1.5.` };
  }
  if (fraction.length > options.maxScale) {
    return { ok: false, error: `The ${what} can have at most ${options.maxScale} decimal places.` };
  }
  if (match[1] === "-" && !options.allowNegative) {
    return { ok: false, error: `The ${what} can't be negative.` };
  }
  const digits = `${(whole ?? "0").replaceAll(",", "")}${fraction}`;
  // 15 significant digits keeps every later Number() conversion of amounts exact.
  if (digits.replace(/^0+/, "").length > 15) return { ok: false, error: `The ${what} is too large.` };
  const magnitude = BigInt(digits);
  return { ok: true, value: { units: match[1] === "-" ? -magnitude : magnitude, scale: fraction.length } };
}

/** Rounds a scaled BigInt to a coarser scale, half away from zero (the bookkeeping "round half-up"). */
function roundToScale(units: bigint, fromScale: number, toScale: number): bigint {
  if (fromScale <= toScale) return units * 10n ** BigInt(toScale - fromScale);
  const divisor = 10n ** BigInt(fromScale - toScale);
  const negative = units < 0n;
  const magnitude = negative ? -units : units;
  const rounded = (magnitude + divisor / 2n) / divisor;
  return negative ? -rounded : rounded;
}

/** quantity × unitPrice in cents, rounded half-up once at the end (1.5 × 0.99 = 1.485 → 149). */
export function multiplyToCents(quantity: ExactDecimal, unitPrice: ExactDecimal): number {
  const product = quantity.units * unitPrice.units;
  const cents = roundToScale(product, quantity.scale + unitPrice.scale, 2);
  const result = Number(cents);
  return result === 0 ? 0 : result;
}

/** Converts an exact decimal with ≤ 2 decimals to integer cents; more decimals are rounded half-up. */
export function decimalToCents(value: ExactDecimal): number {
  const result = Number(roundToScale(value.units, value.scale, 2));
  return result === 0 ? 0 : result;
}

/** Canonical text without grouping, e.g. { units: 150n, scale: 2 } → "1.50". */
export function decimalToString(value: ExactDecimal): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, "0");
  const text = value.scale === 0 ? digits : `${digits.slice(0, -value.scale)}.${digits.slice(-value.scale)}`;
  return negative ? `-${text}` : text;
}

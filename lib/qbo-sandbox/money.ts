/**
 * Money arithmetic in integer cents: JSON amounts are parsed into cents, summed, and turned back into
 * numbers with at most two decimals, so 0.1 + 0.2 never leaks binary float error into a TotalAmt.
 */

export function toCents(value: unknown): number {
  if (typeof value === "number" && Number.isFinite(value)) return Math.round(value * 100);
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) {
    return Math.round(Number(value) * 100);
  }
  return 0;
}

export function fromCents(cents: number): number {
  return Math.round(cents) / 100;
}

export function isAmount(value: unknown): boolean {
  return (
    (typeof value === "number" && Number.isFinite(value)) ||
    (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
  );
}

/** Rounds any amount to two decimals (QBO stores money with cent precision). */
export function roundMoney(value: unknown): number {
  return fromCents(toCents(value));
}

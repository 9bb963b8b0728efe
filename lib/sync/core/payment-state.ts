/**
 * Payment state of a QBO Bill or Invoice, derived from TotalAmt and Balance (QBO.md).
 *
 * Voided comes first: a voided transaction also has Balance 0 and TotalAmt 0 and would otherwise
 * look paid.
 */

export type QboPaymentState = "voided" | "paid" | "partially_paid" | "unpaid";

export interface PaymentStateInput {
  voided: boolean;
  totalCents: number;
  balanceCents: number;
}

export function qboPaymentState(txn: PaymentStateInput): QboPaymentState {
  if (txn.voided) return "voided";
  if (txn.balanceCents <= 0) return "paid";
  if (txn.balanceCents < txn.totalCents) return "partially_paid";
  return "unpaid";
}

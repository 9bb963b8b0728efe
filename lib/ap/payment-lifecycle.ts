/**
 * Bill payment lifecycle. The only moves allowed:
 *   scheduled  → processing  (the process date arrived; it joins a funds transfer)
 *   processing → paid        (the funds transfer settled)
 *   scheduled  → voided      (cancelled before any money moved)
 *   paid       → voided      (voided afterwards; the bill reopens for the amount)
 * Everything else — including a processing payment being voided (its money is already moving with
 * the day's funds transfer) and any move out of `voided` — is refused with a plain-English reason.
 */
import type { PaymentStatus } from "./document-status";

export type PaymentTransitionEffect = "start_processing" | "settle" | "cancel" | "void";

const TRANSITIONS: Partial<Record<PaymentStatus, Partial<Record<PaymentStatus, PaymentTransitionEffect>>>> = {
  scheduled: { processing: "start_processing", voided: "cancel" },
  processing: { paid: "settle" },
  paid: { voided: "void" },
};

export class PaymentTransitionError extends Error {
  override name = "PaymentTransitionError";
  constructor(
    readonly from: PaymentStatus,
    readonly to: PaymentStatus,
    message: string,
  ) {
    super(message);
  }
}

export type PaymentTransition =
  | {
      ok: true;
      from: PaymentStatus;
      to: PaymentStatus;
      effect: PaymentTransitionEffect;
      /** The bill's open balance grows back by the payment amount (a paid payment was voided). */
      reopensBill: boolean;
    }
  | { ok: false; from: PaymentStatus; to: PaymentStatus; error: string };

function refusal(from: PaymentStatus, to: PaymentStatus): string {
  if (from === to) return `The payment is already ${to}.`;
  if (from === "voided") return "A voided payment can't be changed.";
  if (from === "processing" && to === "voided") {
    return "A payment that is processing can't be cancelled; void it once it is paid.";
  }
  if (to === "scheduled") return `A ${from} payment can't go back to scheduled.`;
  if (from === "scheduled" && to === "paid") return "A scheduled payment must be processed before it is paid.";
  return `A ${from} payment can't become ${to}.`;
}

export function transitionPayment(from: PaymentStatus, to: PaymentStatus): PaymentTransition {
  const effect = TRANSITIONS[from]?.[to];
  if (!effect) return { ok: false, from, to, error: refusal(from, to) };
  return { ok: true, from, to, effect, reopensBill: effect === "void" };
}

export function canTransitionPayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return transitionPayment(from, to).ok;
}

/** Throws {@link PaymentTransitionError} for a disallowed move; returns the transition otherwise. */
export function assertPaymentTransition(from: PaymentStatus, to: PaymentStatus): PaymentTransitionEffect {
  const transition = transitionPayment(from, to);
  if (!transition.ok) throw new PaymentTransitionError(from, to, transition.error);
  return transition.effect;
}

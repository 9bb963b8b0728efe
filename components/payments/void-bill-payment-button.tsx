import type { PaymentStatus } from "@/lib/ap/document-status";
import { canTransitionPayment } from "@/lib/ap/payment-lifecycle";
import { voidPaymentAction } from "@/lib/payments/actions";
import { ActionButton } from "@/components/bills/action-button";

/**
 * Cancel (scheduled) or Void (processing, paid) one bill payment, after a confirmation. Renders
 * nothing when the payment can no longer be voided or the person's role may not (`allowed`).
 */
export function VoidBillPaymentButton({
  orgSlug,
  payment,
  allowed,
  variant = "ghost",
  long = false,
}: {
  orgSlug: string;
  payment: { id: string; status: PaymentStatus };
  allowed: boolean;
  variant?: "ghost" | "secondary";
  /** "Cancel payment" / "Void payment" where the button stands alone (a payment's page). */
  long?: boolean;
}) {
  if (!allowed || !canTransitionPayment(payment.status, "voided")) return null;
  const scheduled = payment.status === "scheduled";
  return (
    <ActionButton
      action={voidPaymentAction}
      orgSlug={orgSlug}
      fields={{ paymentId: payment.id }}
      variant={variant}
      confirm={scheduled ? "Cancel this scheduled payment?" : "Void this payment? The bill reopens for its amount."}
    >
      {scheduled ? "Cancel" : "Void"}
      {long ? " payment" : ""}
    </ActionButton>
  );
}

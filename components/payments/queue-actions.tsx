"use client";

import { processPaymentsAction, settleProcessingPaymentsAction } from "@/lib/payments/actions";
import { ActionButton } from "@/components/bills/action-button";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "Process payments": scheduled payments due by today leave as funds transfers. */
export function ProcessPaymentsButton({ orgSlug }: { orgSlug: string }) {
  return (
    <ActionButton
      action={processPaymentsAction}
      orgSlug={orgSlug}
      variant="primary"
      pendingLabel="Processing…"
      successMessage={(data) =>
        data.paymentCount === 0
          ? "Nothing was due."
          : `${plural(data.paymentCount, "payment", "payments")} sent in ${plural(data.transferIds.length, "funds transfer", "funds transfers")}.`
      }
    >
      Process payments
    </ActionButton>
  );
}

/** "Mark processed as paid": the admin records the bank's confirmation. */
export function SettleProcessingButton({ orgSlug }: { orgSlug: string }) {
  return (
    <ActionButton
      action={settleProcessingPaymentsAction}
      orgSlug={orgSlug}
      variant="secondary"
      pendingLabel="Updating…"
      successMessage={(data) => (data.paymentCount === 0 ? "Nothing was processing." : `${plural(data.paymentCount, "payment", "payments")} marked paid.`)}
    >
      Mark processed as paid
    </ActionButton>
  );
}

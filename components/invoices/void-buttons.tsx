"use client";

import { voidInvoiceAction } from "@/lib/invoices/actions";
import { voidReceivedPaymentAction } from "@/lib/received-payments/actions";
import { ConfirmActionButton } from "./confirm-action-button";

export function VoidInvoiceButton({ orgSlug, invoiceId }: { orgSlug: string; invoiceId: string }) {
  return (
    <ConfirmActionButton
      action={voidInvoiceAction}
      orgSlug={orgSlug}
      id={invoiceId}
      label="Void invoice"
      confirmLabel="Yes, void invoice"
      question="Void this invoice? Its balance drops to zero."
    />
  );
}

export function VoidPaymentButton({ orgSlug, paymentId }: { orgSlug: string; paymentId: string }) {
  return (
    <ConfirmActionButton
      action={voidReceivedPaymentAction}
      orgSlug={orgSlug}
      id={paymentId}
      label="Void"
      confirmLabel="Yes, void payment"
      question="Void this payment? The invoice reopens."
      size="small"
    />
  );
}

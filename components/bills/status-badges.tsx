import { BILL_STATUS_LABELS, type BillStatus, type PaymentStatus, type VendorCreditStatus } from "@/lib/ap";
import { Badge } from "@/components/ui/card";

const billTones = { unpaid: "amber", scheduled: "blue", partially_paid: "amber", paid: "green", voided: "slate" } as const;

export function BillStatusBadge({ status, overdue = false }: { status: BillStatus; overdue?: boolean }) {
  if (overdue && (status === "unpaid" || status === "partially_paid")) {
    return <Badge tone="red">{status === "unpaid" ? "Overdue" : "Partially paid · overdue"}</Badge>;
  }
  return <Badge tone={billTones[status]}>{BILL_STATUS_LABELS[status]}</Badge>;
}

const paymentLabels: Record<PaymentStatus, string> = { scheduled: "Scheduled", processing: "Processing", paid: "Paid", voided: "Voided" };
const paymentTones = { scheduled: "blue", processing: "amber", paid: "green", voided: "slate" } as const;

export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  return <Badge tone={paymentTones[status]}>{paymentLabels[status]}</Badge>;
}

const creditLabels: Record<VendorCreditStatus, string> = {
  unapplied: "Unapplied",
  partially_applied: "Partially applied",
  applied: "Fully applied",
  voided: "Voided",
};
const creditTones = { unapplied: "blue", partially_applied: "amber", applied: "green", voided: "slate" } as const;

export function VendorCreditStatusBadge({ status }: { status: VendorCreditStatus }) {
  return <Badge tone={creditTones[status]}>{creditLabels[status]}</Badge>;
}

import { Badge } from "@/components/ui/card";
import { INVOICE_STATUS_LABELS, type InvoiceStatus } from "@/lib/ap";

const tones = { unpaid: "amber", partially_paid: "blue", paid: "green", voided: "slate" } as const;

export function InvoiceStatusBadge({ status, overdue = false }: { status: InvoiceStatus; overdue?: boolean }) {
  if (overdue && (status === "unpaid" || status === "partially_paid")) {
    return (
      <span className="inline-flex items-center gap-1">
        <Badge tone={tones[status]}>{INVOICE_STATUS_LABELS[status]}</Badge>
        <Badge tone="red">Overdue</Badge>
      </span>
    );
  }
  return <Badge tone={tones[status]}>{INVOICE_STATUS_LABELS[status]}</Badge>;
}

import { and, eq } from "drizzle-orm";
import { BILL_STATUS_LABELS, formatMoney, type BillStatusSummary } from "@/lib/ap";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db, Tx } from "@/lib/db/connection";
import { bills } from "@/lib/db/schema";
import { loadBillSummaries } from "./bill-balances";

/** Who caused the recomputation, so the bill's history says why its status moved. */
export type StatusChangeCause = { actorUserId: string | null; action: string };

/**
 * Recomputes a bill's stored status and open balance from its payments and credit applications
 * (lib/ap `summarizeBill`). Call it inside the transaction of every payment, credit or void change.
 * Returns the fresh summary, or null when the bill is not in this organisation.
 */
export async function refreshBillStatus(
  tx: Db | Tx,
  organizationId: string,
  billId: string,
  cause?: StatusChangeCause,
): Promise<BillStatusSummary | null> {
  const loaded = (await loadBillSummaries(tx, organizationId, [billId])).get(billId);
  if (!loaded) return null;
  const { bill, summary } = loaded;
  if (bill.status === summary.status && bill.openBalanceCents === summary.openBalanceCents) return summary;
  await tx
    .update(bills)
    .set({ status: summary.status, openBalanceCents: summary.openBalanceCents })
    .where(and(eq(bills.organizationId, organizationId), eq(bills.id, billId)));
  if (cause) {
    const changes = [];
    if (bill.status !== summary.status) {
      changes.push({ field: "status", label: "Status", old: BILL_STATUS_LABELS[bill.status], new: BILL_STATUS_LABELS[summary.status] });
    }
    if (bill.openBalanceCents !== summary.openBalanceCents) {
      changes.push({
        field: "openBalanceCents",
        label: "Open balance",
        old: formatMoney(bill.openBalanceCents, bill.currency),
        new: formatMoney(summary.openBalanceCents, bill.currency),
      });
    }
    await recordAudit(tx, { organizationId, actorUserId: cause.actorUserId, entityType: "bill", entityId: billId, action: cause.action, changes });
  }
  return summary;
}

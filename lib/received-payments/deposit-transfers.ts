/**
 * Electronic received payments reach the bank as funds transfers (Money In Clearing → bank), the
 * mirror of `processDuePayments` for money out. The sync calls this before it pushes funds
 * transfers, so the day's electronic receipts that QBO already holds in Money In Clearing become one
 * transfer per (date, bank account), which the funds-transfer phase sends as one journal entry.
 * A receipt QBO does not hold yet waits for a later run; a transfer already in QBO is never changed.
 */
import { and, eq, inArray, isNotNull, isNull, lte } from "drizzle-orm";
import { formatMoney, groupReceivedDeposits } from "@/lib/ap";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/connection";
import { fundsTransfers, receivedPayments } from "@/lib/db/schema";

export async function groupReceivedDepositsIntoTransfers(db: Db, organizationId: string, today: string): Promise<{ transferIds: string[] }> {
  return db.transaction(async (tx) => {
    const candidates = await tx
      .select()
      .from(receivedPayments)
      .where(
        and(
          eq(receivedPayments.organizationId, organizationId),
          eq(receivedPayments.kind, "electronic"),
          eq(receivedPayments.status, "paid"),
          isNull(receivedPayments.fundsTransferId),
          isNotNull(receivedPayments.qboId),
          lte(receivedPayments.receivedDate, today),
        ),
      )
      .orderBy(receivedPayments.receivedDate, receivedPayments.id)
      .for("update");
    const drafts = groupReceivedDeposits(
      candidates.map((payment) => ({
        id: payment.id,
        amountCents: payment.amountCents,
        receivedDate: payment.receivedDate,
        bankAccountId: payment.depositAccountId,
        kind: payment.kind,
        status: payment.status,
        fundsTransferId: payment.fundsTransferId,
        inQbo: payment.qboId !== null,
      })),
      today,
    );
    const transferIds: string[] = [];
    for (const draft of drafts) {
      const [transfer] = await tx
        .insert(fundsTransfers)
        .values({
          organizationId,
          direction: "in",
          bankAccountId: draft.bankAccountId,
          transferDate: draft.transferDate,
          amountCents: draft.totalCents,
        })
        .returning({ id: fundsTransfers.id });
      transferIds.push(transfer!.id);
      await tx
        .update(receivedPayments)
        .set({ fundsTransferId: transfer!.id })
        .where(and(eq(receivedPayments.organizationId, organizationId), inArray(receivedPayments.id, draft.paymentIds)));
      for (const paymentId of draft.paymentIds) {
        await recordAudit(tx, {
          organizationId,
          actorUserId: null,
          actorKind: "sync",
          entityType: "received_payment",
          entityId: paymentId,
          action: "reached the bank in a funds transfer",
          changes: [{ field: "fundsTransfer", label: "Funds transfer", old: null, new: `${draft.transferDate} · ${formatMoney(draft.totalCents)}` }],
        });
      }
    }
    return { transferIds };
  });
}

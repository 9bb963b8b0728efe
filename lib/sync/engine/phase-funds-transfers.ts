import { and, eq, isNotNull, ne } from "drizzle-orm";
import { billPayments, fundsTransfers, receivedPayments } from "@/lib/db/schema";
import { organizationToday } from "@/lib/orgs/organizations";
import { groupReceivedDepositsIntoTransfers } from "@/lib/received-payments/deposit-transfers";
import { planFundsTransfer } from "@/lib/sync/core";
import type { RunContext } from "@/lib/sync/engine/context";
import type { QboWriter, WriteRequest } from "@/lib/sync/engine/writer";

/** Funds transfers → balanced journal entries bank GL ↔ clearing account (app → QBO only). */
export async function syncFundsTransfers(ctx: RunContext, writer: QboWriter): Promise<void> {
  const { db, organizationId, realmId, mappings, issues, progress } = ctx;
  // The payments phase has just put today's electronic receipts in Money In Clearing: group them first
  // ("today" in the organisation's time zone).
  await groupReceivedDepositsIntoTransfers(db, organizationId, await organizationToday(db, organizationId, ctx.now()));
  const transfers = await db.select().from(fundsTransfers).where(eq(fundsTransfers.organizationId, organizationId));
  progress.setPhase("funds_transfers", transfers.length);
  if (transfers.length === 0) return;
  const out = await db
    .select({ id: billPayments.id, amountCents: billPayments.amountCents, transferId: billPayments.fundsTransferId })
    .from(billPayments)
    .where(and(eq(billPayments.organizationId, organizationId), isNotNull(billPayments.fundsTransferId), ne(billPayments.status, "voided")));
  const incoming = await db
    .select({ id: receivedPayments.id, amountCents: receivedPayments.amountCents, transferId: receivedPayments.fundsTransferId })
    .from(receivedPayments)
    .where(and(eq(receivedPayments.organizationId, organizationId), isNotNull(receivedPayments.fundsTransferId), ne(receivedPayments.status, "voided")));
  const writes: WriteRequest[] = [];
  for (const transfer of transfers) {
    progress.tick();
    const direction = transfer.direction === "out" ? "money_out" : "money_in";
    const members = (transfer.direction === "out" ? out : incoming).filter((p) => p.transferId === transfer.id);
    const mapping = mappings.get("funds_transfer", transfer.id);
    const decision = planFundsTransfer({
      transfer: { id: transfer.id, date: transfer.transferDate, direction, payments: members.map((p) => ({ id: p.id, amountCents: p.amountCents })), bankAccountId: transfer.bankAccountId },
      ...(mapping ? { mapping } : {}),
      prefs: ctx.prefs,
      resolver: mappings.resolver(),
    });
    if (decision.type === "noop") issues.resolve("funds_transfer", { localId: transfer.id });
    else if (decision.type === "skip") {
      issues.record({ objectType: "funds_transfer", localId: transfer.id, reason: decision.reason, params: decision.params });
      progress.count("funds_transfer", decision.severity === "failure" ? "failed" : "skipped");
    } else {
      writes.push({
        intentionKey: `${realmId}:funds_transfer:${transfer.id}:create`,
        entity: "JournalEntry",
        operation: "create",
        body: { ...decision.body },
        confirm: { objectType: "funds_transfer", localId: transfer.id, contentHash: String(decision.amountCents), appTable: "funds_transfers" },
        issue: { objectType: "funds_transfer", localId: transfer.id, params: { record: "funds transfer" } },
      });
    }
  }
  await issues.flush(db);
  const outcomes = await writer.writeAll(writes);
  for (const outcome of outcomes) progress.count("funds_transfer", outcome.ok ? "created" : "failed");
  await issues.flush(db);
}

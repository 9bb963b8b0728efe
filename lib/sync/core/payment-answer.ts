/**
 * Did QBO apply a payment the way it was sent? A BillPayment line paying a bill that is already
 * paid in full is dropped by QBO without a fault, the money staying with the vendor as an unapplied
 * credit (QBO.md, BillPayment). The answer then carries fewer (or smaller) linked lines than the
 * request: such a payment exists in QuickBooks but did not pay what the app paid.
 */
import { amountToCents } from "@/lib/sync/core/money";

/** Mapping content hash of a payment that reached QBO but was not applied: never sent again, never "synced". */
export const NOT_APPLIED_HASH = "not-applied";

/** One bill or invoice the request paid more of than the answer applied. */
export interface UnappliedLink {
  txnType: string;
  txnId: string;
  sentCents: number;
  appliedCents: number;
}

type Json = Record<string, unknown>;

const PAID_TYPES = new Set(["Bill", "Invoice"]);

/** Cents applied per paid bill/invoice (`Bill:42`), read from a payment's lines. */
function appliedByLink(payment: Json): Map<string, number> {
  const applied = new Map<string, number>();
  const lines = Array.isArray(payment["Line"]) ? (payment["Line"] as unknown[]) : [];
  for (const line of lines) {
    if (typeof line !== "object" || line === null) continue;
    const { Amount, LinkedTxn } = line as Json;
    if (typeof Amount !== "number" || !Array.isArray(LinkedTxn)) continue;
    for (const txn of LinkedTxn as unknown[]) {
      if (typeof txn !== "object" || txn === null) continue;
      const { TxnType, TxnId } = txn as Json;
      if (typeof TxnType !== "string" || !PAID_TYPES.has(TxnType) || TxnId === undefined) continue;
      const key = `${TxnType}:${String(TxnId)}`;
      applied.set(key, (applied.get(key) ?? 0) + amountToCents(Amount));
    }
  }
  return applied;
}

/** The bills/invoices a written payment did not pay as sent (empty when QBO applied everything). */
export function unappliedLinks(input: { entity: string; operation: string; sent: Json; answer: Json }): UnappliedLink[] {
  if (input.entity !== "BillPayment" && input.entity !== "Payment") return [];
  if (input.operation !== "create" && input.operation !== "update") return [];
  const answered = appliedByLink(input.answer);
  const short: UnappliedLink[] = [];
  for (const [key, sentCents] of appliedByLink(input.sent)) {
    const appliedCents = answered.get(key) ?? 0;
    if (appliedCents >= sentCents) continue;
    const [txnType = "", txnId = ""] = key.split(":");
    short.push({ txnType, txnId, sentCents, appliedCents });
  }
  return short;
}

import { and, eq, inArray } from "drizzle-orm";
import { billPayments, vendorCreditApplications } from "@/lib/db/schema";
import { QboError } from "@/lib/qbo";
import { CREDIT_RELEASED_HASH, planCreditUnapplications, type CreditCarrierState, type MappingEntry, type QboPaymentLine } from "@/lib/sync/core";
import type { RunContext } from "@/lib/sync/engine/context";
import type { MappingWrite } from "@/lib/sync/engine/mapping-store";
import type { QboWriter, WriteRequest } from "@/lib/sync/engine/writer";

/**
 * Credits unapplied in the app (Unapply, or released by a bill void) that QBO still applies: their
 * BillPayment is changed so QBO no longer links the credit (lib/sync/core/credit-unapply.ts). Runs
 * before the bills phase, so a voided bill's deletion and a voided credit's deletion find nothing
 * linked to them any more (QBO refuses to delete a transaction with credits or payments applied).
 */
export async function syncCreditUnapplications(ctx: RunContext, writer: QboWriter): Promise<void> {
  const { db, organizationId, realmId, mappings, gateway, progress } = ctx;
  const applied = mappings.list("vendor_credit_application").filter((mapping) => mapping.contentHash !== CREDIT_RELEASED_HASH);
  if (applied.length === 0) return;
  const rows = await db
    .select({ id: vendorCreditApplications.id, voidedAt: vendorCreditApplications.voidedAt })
    .from(vendorCreditApplications)
    .where(and(eq(vendorCreditApplications.organizationId, organizationId), inArray(vendorCreditApplications.id, applied.map((m) => m.localId))));
  const removed = new Set(rows.filter((row) => row.voidedAt !== null).map((row) => row.id));
  if (removed.size === 0) return;

  const byCarrier = new Map<string, MappingEntry[]>();
  for (const mapping of applied) byCarrier.set(mapping.qboId, [...(byCarrier.get(mapping.qboId) ?? []), mapping]);
  const carriers: CreditCarrierState[] = [];
  for (const [qboId, group] of byCarrier) {
    if (!group.some((mapping) => removed.has(mapping.localId))) continue;
    const paymentId = mappings.localIdOf("bill_payment", qboId);
    const [payment] = paymentId
      ? await db
          .select({ id: billPayments.id, amountCents: billPayments.amountCents, status: billPayments.status, voidedAt: billPayments.voidedAt })
          .from(billPayments)
          .where(and(eq(billPayments.organizationId, organizationId), eq(billPayments.id, paymentId)))
      : [];
    const carrier: CreditCarrierState = { qboId, applications: group.map((mapping) => ({ id: mapping.localId, removed: removed.has(mapping.localId) })) };
    if (payment) carrier.payment = { id: payment.id, amountCents: payment.amountCents, voided: payment.status === "voided" || payment.voidedAt !== null };
    const current = await readBillPayment(ctx, qboId);
    if (current) carrier.current = current;
    carriers.push(carrier);
  }

  const writes: WriteRequest[] = [];
  const releasedNow: MappingWrite[] = [];
  const released = (qboId: string, ids: readonly string[]): MappingWrite[] =>
    ids.map((localId) => ({ objectType: "vendor_credit_application", localId, qboId, syncToken: mappings.get("vendor_credit_application", localId)?.syncToken ?? "0", contentHash: CREDIT_RELEASED_HASH }));
  for (const decision of planCreditUnapplications(carriers)) {
    const ids = [...decision.releaseApplicationIds].sort();
    if (decision.type === "release") {
      releasedNow.push(...released(decision.qboId, ids));
      continue;
    }
    const issue = { objectType: "vendor_credit_application" as const, qboId: decision.qboId, params: { record: "vendor credit" as const } };
    // One intention per carrier and set of unapplied credits: a retry after a crash reuses its request id.
    const intentionKey = `${realmId}:credit_unapply:${decision.qboId}:${ids.filter((id) => removed.has(id)).join(",")}`;
    if (decision.type === "void-settlement") {
      writes.push({
        intentionKey,
        entity: "BillPayment",
        operation: "void",
        body: { ...decision.body },
        confirm: { objectType: "vendor_credit_application", contentHash: "", releaseCreditApplicationIds: ids },
        issue,
      });
    } else {
      writes.push({
        intentionKey,
        entity: "BillPayment",
        operation: "update",
        body: { ...decision.body },
        confirm: {
          objectType: "bill_payment",
          localId: decision.paymentId,
          contentHash: mappings.get("bill_payment", decision.paymentId)?.contentHash ?? "",
          releaseCreditApplicationIds: ids,
        },
        issue,
      });
    }
  }
  if (releasedNow.length > 0) await db.transaction((tx) => mappings.upsert(tx, releasedNow));
  if (writes.length === 0) return;
  const outcomes = await writer.writeAll(writes);
  for (const outcome of outcomes) progress.count("vendor_credit_application", outcome.ok ? "updated" : "failed");
  // QBO bumped the bills and credits those BillPayments linked: later phases must see their new SyncTokens.
  const changed = outcomes.filter((outcome) => outcome.ok).map((outcome) => String(outcome.request.body["Id"]));
  const linked = new Map<string, "Bill" | "VendorCredit">();
  for (const carrier of carriers.filter((c) => changed.includes(c.qboId))) {
    for (const link of carrier.current?.lines.flatMap((line) => line.LinkedTxn) ?? []) {
      if (link.TxnType === "Bill" || link.TxnType === "VendorCredit") linked.set(`${link.TxnType}:${link.TxnId}`, link.TxnType);
    }
  }
  for (const [key, entity] of linked) {
    const id = key.slice(entity.length + 1);
    try {
      await ctx.source.refresh(entity, await gateway.read(entity, id));
    } catch (error) {
      if (!(error instanceof QboError && error.kind === "not_found")) throw error;
    }
  }
}

/** QBO's BillPayment as it is now, or undefined when it is gone there (deleted). */
async function readBillPayment(ctx: RunContext, qboId: string): Promise<CreditCarrierState["current"]> {
  try {
    const record = await ctx.gateway.read("BillPayment", qboId);
    const lines: QboPaymentLine[] = record.Line.map((line) => ({
      Amount: line.Amount,
      LinkedTxn: line.LinkedTxn.map((link) => ({ TxnId: link.TxnId, TxnType: link.TxnType as QboPaymentLine["LinkedTxn"][number]["TxnType"] })),
    }));
    // A voided BillPayment has its lines emptied (QBO.md): nothing is applied by it any more.
    return { syncToken: record.SyncToken, voided: lines.length === 0, lines };
  } catch (error) {
    if (error instanceof QboError && error.kind === "not_found") return undefined;
    throw error;
  }
}

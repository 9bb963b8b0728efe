import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { billPayments, bills, customers, invoices, receivedPayments, vendorCreditApplications, vendors } from "@/lib/db/schema";
import {
  CREDIT_RELEASED_HASH,
  creditSettlementId,
  parseQboPayment,
  planBillSettlement,
  planInboundPayments,
  planInvoicePayments,
  type AppBillPayment,
  type AppReceivedPayment,
  type AppVendorCreditApplication,
  type InboundPaymentDecision,
  type MappingEntry,
  type QboPaymentSnapshot,
  type ReasonCode,
  type ReasonParams,
  type ReasonSeverity,
} from "@/lib/sync/core";
import type { RunContext } from "@/lib/sync/engine/context";
import type { MappingWrite } from "@/lib/sync/engine/mapping-store";
import { recordSyncAudit } from "@/lib/sync/engine/sync-audit";
import { refreshStatus } from "@/lib/sync/engine/txn-store";
import type { SyncObjectType } from "@/lib/sync/engine/types";
import type { QboWriter, WriteRequest } from "@/lib/sync/engine/writer";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Mapping content hash of a payment whose void is already true in QBO. */
const VOIDED = "voided";

/** Payments (phase "payments"): QBO → app first (2-way payment sync), then app → QBO. */
export async function syncPayments(ctx: RunContext, writer: QboWriter): Promise<void> {
  ctx.progress.setPhase("payments", 3);
  if (ctx.prefs.twoWayPaymentSync) await syncInboundPayments(ctx);
  ctx.progress.tick();
  await syncBillSettlements(ctx, writer);
  ctx.progress.tick();
  await syncReceivedPayments(ctx, writer);
  ctx.progress.tick();
  await ctx.issues.flush(ctx.db);
}

function recordSkip(ctx: RunContext, objectType: SyncObjectType, skip: { localId: string; reason: ReasonCode; severity: ReasonSeverity; params: ReasonParams }): void {
  const type: SyncObjectType = skip.reason === "VENDOR_CREDIT_NOT_SYNCED" ? "vendor_credit_application" : objectType;
  ctx.issues.record({ objectType: type, localId: UUID.test(skip.localId) ? skip.localId : undefined, qboId: UUID.test(skip.localId) ? undefined : skip.localId, reason: skip.reason, params: skip.params });
  ctx.progress.count(objectType, skip.severity === "failure" ? "failed" : "skipped");
}

/* ───────────────────────────── QBO → app ───────────────────────────── */

async function syncInboundPayments(ctx: RunContext): Promise<void> {
  const { db, organizationId, mappings, source } = ctx;
  const qboPayments: QboPaymentSnapshot[] = [];
  for (const [entity, kind] of [["BillPayment", "bill_payment"], ["Payment", "payment"]] as const) {
    const records = await source.records(entity);
    for (const raw of records.live) {
      try {
        qboPayments.push(parseQboPayment(raw, kind));
      } catch {
        // A payment QBO sends in a shape we cannot read is not the app's to record.
      }
    }
    for (const tomb of records.deleted) qboPayments.push({ id: tomb.id, kind, syncToken: "", voided: false, deleted: true, totalCents: 0, links: [] });
  }
  const voidedBill = await db.select({ id: billPayments.id }).from(billPayments).where(and(eq(billPayments.organizationId, organizationId), eq(billPayments.status, "voided")));
  const voidedReceived = await db.select({ id: receivedPayments.id }).from(receivedPayments).where(and(eq(receivedPayments.organizationId, organizationId), eq(receivedPayments.status, "voided")));
  const decisions = planInboundPayments({
    qboPayments,
    paymentMappings: [...mappings.list("bill_payment"), ...mappings.list("payment")],
    voidedAppPaymentIds: new Set([...voidedBill, ...voidedReceived].map((r) => r.id)),
    prefs: ctx.prefs,
    resolver: mappings.resolver(),
  });
  ctx.observer?.plannedPayments(decisions);
  await db.transaction(async (tx) => {
    const mappingWrites: MappingWrite[] = [];
    for (const decision of decisions) {
      if (decision.type === "record-payment-in-app") await recordInApp(tx, ctx, decision, mappingWrites);
      else if (decision.type === "void-payment-in-app") await voidInApp(tx, ctx, decision);
    }
    await mappings.upsert(tx, mappingWrites);
  });
}

async function recordInApp(tx: Tx, ctx: RunContext, decision: Extract<InboundPaymentDecision, { type: "record-payment-in-app" }>, mappingWrites: MappingWrite[]): Promise<void> {
  const { organizationId } = ctx;
  const bankAccountId = ctx.prefs.bankAccountId;
  if (!bankAccountId) return;
  const date = decision.txnDate ?? ctx.now().toISOString().slice(0, 10);
  // Cash is TotalAmt; credits QBO applied in the same payment are not cash, so they come off first.
  let creditsLeft = decision.credits.reduce((sum, c) => sum + c.amountCents, 0);
  const baseType = decision.kind === "bill_payment" ? "bill_payment" : "payment";
  for (const [index, allocation] of decision.allocations.entries()) {
    const fromCredits = Math.min(creditsLeft, allocation.amountCents);
    creditsLeft -= fromCredits;
    const amountCents = allocation.amountCents - fromCredits;
    if (amountCents <= 0) continue;
    const id = randomUUID();
    if (decision.kind === "bill_payment") {
      const [bill] = await tx.select({ vendorId: bills.vendorId }).from(bills).where(and(eq(bills.organizationId, organizationId), eq(bills.id, allocation.localTxnId)));
      if (!bill) continue;
      await tx.insert(billPayments).values({
        id,
        organizationId,
        billId: allocation.localTxnId,
        vendorId: bill.vendorId,
        kind: "offline",
        status: "paid",
        amountCents,
        bankAccountId,
        processDate: date,
        paidDate: date,
        syncToQbo: true,
        qboId: decision.qboId,
      });
      await refreshStatus(tx, organizationId, "bill", allocation.localTxnId);
      await recordSyncAudit(tx, { organizationId, entityType: "bill", entityId: allocation.localTxnId, action: "payment recorded in QuickBooks", changes: [{ field: "payment", label: "Payment", old: null, new: (amountCents / 100).toFixed(2) }] });
    } else {
      const [invoice] = await tx.select({ customerId: invoices.customerId }).from(invoices).where(and(eq(invoices.organizationId, organizationId), eq(invoices.id, allocation.localTxnId)));
      if (!invoice) continue;
      await tx.insert(receivedPayments).values({
        id,
        organizationId,
        invoiceId: allocation.localTxnId,
        customerId: invoice.customerId,
        status: "paid",
        amountCents,
        depositAccountId: bankAccountId,
        receivedDate: date,
        qboId: decision.qboId,
      });
      await refreshStatus(tx, organizationId, "invoice", allocation.localTxnId);
      await recordSyncAudit(tx, { organizationId, entityType: "invoice", entityId: allocation.localTxnId, action: "payment recorded in QuickBooks", changes: [{ field: "payment", label: "Payment", old: null, new: (amountCents / 100).toFixed(2) }] });
    }
    // One QBO payment may pay several bills: the first allocation holds the mapping, the others
    // are "split" parts (the mapping ledger allows one row per QBO id and type).
    mappingWrites.push({
      objectType: index === 0 ? baseType : `${baseType}_split`,
      localId: id,
      qboId: index === 0 ? decision.qboId : `${decision.qboId}#${index}`,
      syncToken: decision.syncToken,
      contentHash: "",
    });
    ctx.progress.count(baseType, "created");
  }
}

async function voidInApp(tx: Tx, ctx: RunContext, decision: Extract<InboundPaymentDecision, { type: "void-payment-in-app" }>): Promise<void> {
  const { organizationId, mappings } = ctx;
  const baseType = decision.kind === "bill_payment" ? "bill_payment" : "payment";
  const splitIds = mappings
    .list(`${baseType}_split`)
    .filter((m) => m.qboId.startsWith(`${decision.qboId}#`))
    .map((m) => m.localId);
  const ids = [decision.localId, ...splitIds];
  const at = ctx.now();
  // Already void in QBO: the mapping says so, so the app → QBO pass never sends the void back.
  const mapping = mappings.get(baseType, decision.localId);
  if (mapping) await mappings.upsert(tx, [{ ...mapping, objectType: baseType, contentHash: VOIDED }]);
  if (decision.kind === "bill_payment") {
    const rows = await tx
      .update(billPayments)
      .set({ status: "voided", voidedAt: at })
      .where(and(eq(billPayments.organizationId, organizationId), inArray(billPayments.id, ids), ne(billPayments.status, "voided")))
      .returning({ billId: billPayments.billId });
    for (const billId of new Set(rows.map((r) => r.billId))) {
      await refreshStatus(tx, organizationId, "bill", billId);
      await recordSyncAudit(tx, { organizationId, entityType: "bill", entityId: billId, action: "payment voided in QuickBooks" });
    }
  } else {
    const rows = await tx
      .update(receivedPayments)
      .set({ status: "voided", voidedAt: at })
      .where(and(eq(receivedPayments.organizationId, organizationId), inArray(receivedPayments.id, ids), ne(receivedPayments.status, "voided")))
      .returning({ invoiceId: receivedPayments.invoiceId });
    for (const invoiceId of new Set(rows.map((r) => r.invoiceId))) {
      await refreshStatus(tx, organizationId, "invoice", invoiceId);
      await recordSyncAudit(tx, { organizationId, entityType: "invoice", entityId: invoiceId, action: "payment voided in QuickBooks" });
    }
  }
  ctx.progress.count(baseType, "updated");
}

/* ───────────────────────────── app → QBO: bill payments and vendor credits ───────────────────────────── */

async function syncBillSettlements(ctx: RunContext, writer: QboWriter): Promise<void> {
  const { db, organizationId, realmId, mappings, issues, progress } = ctx;
  const payments = await db
    .select()
    .from(billPayments)
    .where(and(eq(billPayments.organizationId, organizationId), ne(billPayments.status, "scheduled")));
  const applications = await db
    .select()
    .from(vendorCreditApplications)
    .where(and(eq(vendorCreditApplications.organizationId, organizationId), isNull(vendorCreditApplications.voidedAt)));
  const billIds = [...new Set([...payments.map((p) => p.billId), ...applications.map((a) => a.billId)])];
  if (billIds.length === 0) return;
  const billRows = await db
    .select({ id: bills.id, number: bills.billNumber, vendorId: bills.vendorId, totalCents: bills.totalCents, vendorName: vendors.displayName })
    .from(bills)
    .innerJoin(vendors, eq(vendors.id, bills.vendorId))
    .where(and(eq(bills.organizationId, organizationId), inArray(bills.id, billIds)));

  // Which BillPayment carried each credit application: an app payment, or a $0 credit settlement.
  const carrierOf = new Map<string, string>();
  const settlementMappings: MappingEntry[] = [];
  const byCarrierQboId = new Map<string, AppVendorCreditApplication[]>();
  const appApplications = new Map<string, AppVendorCreditApplication[]>();
  for (const application of applications) {
    const entry: AppVendorCreditApplication = {
      id: application.id,
      vendorCreditId: application.vendorCreditId,
      billId: application.billId,
      amountCents: application.amountCents,
      date: application.createdAt.toISOString().slice(0, 10),
    };
    const mapping = mappings.get("vendor_credit_application", application.id);
    // Released: QBO no longer applies it (credit-unapply.ts), so it is applied again when the bill is settled.
    if (mapping && mapping.contentHash !== CREDIT_RELEASED_HASH) {
      const paymentId = mappings.localIdOf("bill_payment", mapping.qboId);
      if (paymentId) carrierOf.set(application.id, paymentId);
      else byCarrierQboId.set(mapping.qboId, [...(byCarrierQboId.get(mapping.qboId) ?? []), entry]);
    }
    appApplications.set(application.billId, [...(appApplications.get(application.billId) ?? []), entry]);
  }
  for (const [qboId, group] of byCarrierQboId) {
    const first = group[0];
    if (!first) continue;
    const settlement = creditSettlementId(first.billId, group.map((a) => a.id));
    for (const application of group) carrierOf.set(application.id, settlement);
    const base = mappings.get("vendor_credit_application", first.id);
    settlementMappings.push({ localId: settlement, qboId, syncToken: base?.syncToken ?? "0", lastUpdatedTime: "", contentHash: "" });
  }
  const paymentMappings = [...mappings.list("bill_payment"), ...mappings.list("bill_payment_split"), ...settlementMappings];
  const resolver = mappings.resolver();

  const writes: WriteRequest[] = [];
  for (const bill of billRows) {
    const appPayments: AppBillPayment[] = payments
      .filter((p) => p.billId === bill.id)
      .map((p) => {
        const payment: AppBillPayment = {
          id: p.id,
          billId: p.billId,
          amountCents: p.amountCents,
          date: p.paidDate ?? p.processDate,
          method: p.kind,
          syncToQbo: p.syncToQbo,
          voided: p.status === "voided" || p.voidedAt !== null,
        };
        if (p.kind === "offline") payment.bankAccountId = p.bankAccountId;
        if (p.reference) payment.reference = p.reference;
        return payment;
      });
    const credits = (appApplications.get(bill.id) ?? []).map((a) => {
      const carrier = carrierOf.get(a.id);
      return carrier ? { ...a, appliedInQboBy: carrier } : a;
    });
    const decisions = planBillSettlement({
      bill: { id: bill.id, number: bill.number, vendorId: bill.vendorId, vendorName: bill.vendorName, totalCents: bill.totalCents },
      payments: appPayments,
      creditApplications: credits,
      paymentMappings,
      prefs: ctx.prefs,
      resolver,
    });
    for (const decision of decisions) {
      if (decision.type === "noop") issues.resolve("bill_payment", { localId: decision.localId });
      else if (decision.type === "skip") recordSkip(ctx, "bill_payment", decision);
      else if (decision.type === "create-bill-payment") {
        const isAppPayment = UUID.test(decision.localId);
        writes.push({
          intentionKey: `${realmId}:bill_payment:${decision.localId}:create`,
          entity: "BillPayment",
          operation: "create",
          body: { ...decision.body },
          confirm: {
            objectType: "bill_payment",
            ...(isAppPayment ? { localId: decision.localId, appTable: "bill_payments" as const } : {}),
            contentHash: "",
            creditApplicationIds: decision.creditApplicationIds,
          },
          issue: { objectType: "bill_payment", ...(isAppPayment ? { localId: decision.localId } : {}), params: { record: "bill payment", docNumber: bill.number, counterpartyName: bill.vendorName } },
        });
      } else if (decision.type === "void-bill-payment") {
        if (mappings.get("bill_payment", decision.localId)?.contentHash === VOIDED) continue;
        writes.push({
          intentionKey: `${realmId}:bill_payment:${decision.localId}:void`,
          entity: "BillPayment",
          operation: "void",
          body: { ...decision.body },
          confirm: { objectType: "bill_payment", localId: decision.localId, contentHash: VOIDED },
          issue: { objectType: "bill_payment", localId: decision.localId, qboId: decision.qboId, params: { record: "bill payment", docNumber: bill.number } },
        });
      }
    }
  }
  await issues.flush(db);
  const outcomes = await writer.writeAll(writes);
  for (const outcome of outcomes) {
    const type = outcome.request.confirm.creditApplicationIds?.length && !outcome.request.confirm.localId ? "vendor_credit_application" : "bill_payment";
    progress.count(type, outcome.ok ? (outcome.request.operation === "void" ? "updated" : "created") : "failed");
  }
}

/* ───────────────────────────── app → QBO: received payments ───────────────────────────── */

async function syncReceivedPayments(ctx: RunContext, writer: QboWriter): Promise<void> {
  const { db, organizationId, realmId, mappings, issues, progress } = ctx;
  const payments = await db
    .select()
    .from(receivedPayments)
    .where(and(eq(receivedPayments.organizationId, organizationId), inArray(receivedPayments.status, ["paid", "voided"])));
  if (payments.length === 0) return;
  const invoiceRows = await db
    .select({ id: invoices.id, number: invoices.invoiceNumber, customerId: invoices.customerId, totalCents: invoices.totalCents, customerName: customers.displayName })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(and(eq(invoices.organizationId, organizationId), inArray(invoices.id, [...new Set(payments.map((p) => p.invoiceId))])));
  const paymentMappings = [...mappings.list("payment"), ...mappings.list("payment_split")];
  const writes: WriteRequest[] = [];
  for (const invoice of invoiceRows) {
    const appPayments: AppReceivedPayment[] = payments
      .filter((p) => p.invoiceId === invoice.id)
      .map((p) => {
        // Electronic receipts (and any already in a funds transfer) pass the Money In Clearing account.
        const electronic = p.kind === "electronic" || p.fundsTransferId !== null;
        const payment: AppReceivedPayment = {
          id: p.id,
          invoiceId: p.invoiceId,
          amountCents: p.amountCents,
          date: p.receivedDate,
          method: electronic ? "electronic" : "offline",
          syncToQbo: true,
          voided: p.status === "voided" || p.voidedAt !== null,
        };
        if (!electronic) payment.depositAccountId = p.depositAccountId;
        if (p.reference) payment.reference = p.reference;
        return payment;
      });
    const decisions = planInvoicePayments({
      invoice: { id: invoice.id, number: invoice.number, customerId: invoice.customerId, customerName: invoice.customerName, totalCents: invoice.totalCents },
      payments: appPayments,
      paymentMappings,
      prefs: ctx.prefs,
      resolver: mappings.resolver(),
    });
    for (const decision of decisions) {
      if (decision.type === "noop") issues.resolve("payment", { localId: decision.localId });
      else if (decision.type === "skip") recordSkip(ctx, "payment", decision);
      else if (decision.type === "create-payment") {
        writes.push({
          intentionKey: `${realmId}:payment:${decision.localId}:create`,
          entity: "Payment",
          operation: "create",
          body: { ...decision.body },
          confirm: { objectType: "payment", localId: decision.localId, contentHash: "", appTable: "received_payments" },
          issue: { objectType: "payment", localId: decision.localId, params: { record: "payment", docNumber: invoice.number, counterpartyName: invoice.customerName } },
        });
      } else {
        if (mappings.get("payment", decision.localId)?.contentHash === VOIDED) continue;
        writes.push({
          intentionKey: `${realmId}:payment:${decision.localId}:void`,
          entity: "Payment",
          operation: "void",
          body: { ...decision.body },
          confirm: { objectType: "payment", localId: decision.localId, contentHash: VOIDED },
          issue: { objectType: "payment", localId: decision.localId, qboId: decision.qboId, params: { record: "payment", docNumber: invoice.number } },
        });
      }
    }
  }
  await issues.flush(db);
  const outcomes = await writer.writeAll(writes);
  for (const outcome of outcomes) progress.count("payment", outcome.ok ? (outcome.request.operation === "void" ? "updated" : "created") : "failed");
}

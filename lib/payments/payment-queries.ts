import { and, count, desc, eq, inArray, lte, sum, type SQL } from "drizzle-orm";
import { z } from "zod";
import { loadBillSummaries } from "@/lib/bills/bill-balances";
import type { Db } from "@/lib/db/connection";
import { accounts, billPayments, bills, fundsTransfers, vendors } from "@/lib/db/schema";
import { isRecordId } from "@/lib/forms/record-id";

export const PAYMENT_TABS = [
  { value: "all", label: "All" },
  { value: "scheduled", label: "Scheduled" },
  { value: "processing", label: "Processing" },
  { value: "paid", label: "Paid" },
  { value: "voided", label: "Voided" },
] as const;

export type PaymentTab = (typeof PAYMENT_TABS)[number]["value"];
export const PAYMENT_PAGE_SIZE = 25;

export const paymentListQuerySchema = z.object({
  status: z.enum(["all", "scheduled", "processing", "paid", "voided"]).catch("all"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type PaymentListQuery = z.output<typeof paymentListQuerySchema>;

/** The list's filter (status tab) as SQL over bill payments; the CSV export shares it. */
export function billPaymentListFilter(organizationId: string, query: Pick<PaymentListQuery, "status">): SQL {
  const filters: SQL[] = [eq(billPayments.organizationId, organizationId)];
  if (query.status !== "all") filters.push(eq(billPayments.status, query.status));
  return and(...filters)!;
}

/** One shape for a bill payment wherever it is shown: with its bill, vendor and bank account. */
export function selectBillPayments(db: Db) {
  return db
    .select({
      id: billPayments.id,
      billId: billPayments.billId,
      billNumber: bills.billNumber,
      currency: bills.currency,
      vendorId: billPayments.vendorId,
      vendorName: vendors.displayName,
      kind: billPayments.kind,
      status: billPayments.status,
      amountCents: billPayments.amountCents,
      processDate: billPayments.processDate,
      paidDate: billPayments.paidDate,
      reference: billPayments.reference,
      syncToQbo: billPayments.syncToQbo,
      fundsTransferId: billPayments.fundsTransferId,
      bankAccountName: accounts.name,
      createdAt: billPayments.createdAt,
      voidedAt: billPayments.voidedAt,
    })
    .from(billPayments)
    .innerJoin(bills, and(eq(bills.id, billPayments.billId), eq(bills.organizationId, billPayments.organizationId)))
    .innerJoin(vendors, and(eq(vendors.id, billPayments.vendorId), eq(vendors.organizationId, billPayments.organizationId)))
    .innerJoin(accounts, and(eq(accounts.id, billPayments.bankAccountId), eq(accounts.organizationId, billPayments.organizationId)))
    .$dynamic();
}

/** Bill payments, newest process date first, with the bill, vendor and bank account they belong to. */
export async function listBillPayments(db: Db, organizationId: string, query: PaymentListQuery) {
  const where = billPaymentListFilter(organizationId, query);
  const [rows, [aggregate]] = await Promise.all([
    selectBillPayments(db)
      .where(where)
      .orderBy(desc(billPayments.processDate), desc(billPayments.createdAt), desc(billPayments.id))
      .limit(PAYMENT_PAGE_SIZE)
      .offset((query.page - 1) * PAYMENT_PAGE_SIZE),
    db.select({ n: count(), total: sum(billPayments.amountCents) }).from(billPayments).where(where),
  ]);
  return { rows, total: aggregate?.n ?? 0, totalCents: Number(aggregate?.total ?? 0), page: query.page, pageSize: PAYMENT_PAGE_SIZE };
}

export type BillPaymentRow = Awaited<ReturnType<typeof listBillPayments>>["rows"][number];

/** One bill payment of this organisation with the funds transfer it left in, or null (also for a malformed id). */
export async function getBillPaymentDetail(db: Db, organizationId: string, paymentId: string) {
  if (!isRecordId(paymentId)) return null;
  const [payment] = await selectBillPayments(db).where(and(eq(billPayments.organizationId, organizationId), eq(billPayments.id, paymentId)));
  if (!payment) return null;
  const [transfer] = payment.fundsTransferId
    ? await db
        .select({ id: fundsTransfers.id, transferDate: fundsTransfers.transferDate, amountCents: fundsTransfers.amountCents, qboId: fundsTransfers.qboId })
        .from(fundsTransfers)
        .where(and(eq(fundsTransfers.organizationId, organizationId), eq(fundsTransfers.id, payment.fundsTransferId)))
    : [];
  return { ...payment, transfer: transfer ?? null };
}

export type BillPaymentDetail = NonNullable<Awaited<ReturnType<typeof getBillPaymentDetail>>>;

/** What the process actions would touch right now. */
export async function paymentQueueSummary(db: Db, organizationId: string, today: string) {
  const [[due], [processing]] = await Promise.all([
    db
      .select({ n: count(), total: sum(billPayments.amountCents) })
      .from(billPayments)
      .where(
        and(
          eq(billPayments.organizationId, organizationId),
          eq(billPayments.status, "scheduled"),
          lte(billPayments.processDate, today),
        ),
      ),
    db
      .select({ n: count(), total: sum(billPayments.amountCents) })
      .from(billPayments)
      .where(and(eq(billPayments.organizationId, organizationId), eq(billPayments.status, "processing"))),
  ]);
  return {
    dueCount: due?.n ?? 0,
    dueCents: Number(due?.total ?? 0),
    processingCount: processing?.n ?? 0,
    processingCents: Number(processing?.total ?? 0),
  };
}

/** The most recent outgoing funds transfers with the bill payments each one carries. */
export async function listRecentFundsTransfers(db: Db, organizationId: string, limit = 10) {
  const transfers = await db
    .select({
      id: fundsTransfers.id,
      transferDate: fundsTransfers.transferDate,
      amountCents: fundsTransfers.amountCents,
      qboId: fundsTransfers.qboId,
      bankAccountName: accounts.name,
    })
    .from(fundsTransfers)
    .innerJoin(accounts, eq(accounts.id, fundsTransfers.bankAccountId))
    .where(and(eq(fundsTransfers.organizationId, organizationId), eq(fundsTransfers.direction, "out")))
    .orderBy(desc(fundsTransfers.transferDate), desc(fundsTransfers.createdAt))
    .limit(limit);
  if (transfers.length === 0) return [];
  const payments = await db
    .select({
      id: billPayments.id,
      fundsTransferId: billPayments.fundsTransferId,
      billId: billPayments.billId,
      billNumber: bills.billNumber,
      vendorName: vendors.displayName,
      status: billPayments.status,
      amountCents: billPayments.amountCents,
    })
    .from(billPayments)
    .innerJoin(bills, eq(bills.id, billPayments.billId))
    .innerJoin(vendors, eq(vendors.id, billPayments.vendorId))
    .where(
      and(
        eq(billPayments.organizationId, organizationId),
        inArray(
          billPayments.fundsTransferId,
          transfers.map((transfer) => transfer.id),
        ),
      ),
    )
    .orderBy(bills.billNumber);
  return transfers.map((transfer) => ({
    ...transfer,
    payments: payments.filter((payment) => payment.fundsTransferId === transfer.id),
  }));
}

/** The chosen bills for the pay form (this organisation's only), with what can still be paid on each. */
export async function loadBillsToPay(db: Db, organizationId: string, billIds: readonly string[]) {
  const ids = billIds.filter(isRecordId).slice(0, 100);
  const loaded = await loadBillSummaries(db, organizationId, ids);
  if (loaded.size === 0) return [];
  const vendorRows = await db
    .select({ id: vendors.id, name: vendors.displayName })
    .from(vendors)
    .where(and(eq(vendors.organizationId, organizationId), inArray(vendors.id, [...loaded.values()].map(({ bill }) => bill.vendorId))));
  const vendorNames = new Map(vendorRows.map((vendor) => [vendor.id, vendor.name]));
  return ids.flatMap((id) => {
    const entry = loaded.get(id);
    if (!entry) return [];
    const { bill, summary } = entry;
    return [
      {
        id: bill.id,
        billNumber: bill.billNumber,
        vendorName: vendorNames.get(bill.vendorId) ?? "Unknown vendor",
        dueDate: bill.dueDate,
        currency: bill.currency,
        status: summary.status,
        totalCents: summary.totalCents,
        openBalanceCents: summary.openBalanceCents,
        payableCents: summary.payableCents,
      },
    ];
  });
}

export type BillToPay = Awaited<ReturnType<typeof loadBillsToPay>>[number];

/**
 * Loads the rows behind the **Funds Transfer Detail** report and hands them to lib/ap's
 * `fundsTransferDetailReport`, which does the reconciling.
 *
 * Through clearing: electronic bill payments once they are processing or paid (Money Out Clearing),
 * and received payments that are electronic (Money In Clearing until their day's transfer), sit in a
 * transfer, or were deposited to the Money In Clearing account.
 * Scheduled payments haven't touched clearing yet and offline ("mark as paid") payments never do.
 */
import { and, asc, eq, gte, inArray, lte, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { fundsTransferDetailReport, type ClearingPaymentRecord, type FundsTransferDetailReport, type FundsTransferRecord } from "@/lib/ap";
import type { Db } from "@/lib/db/connection";
import { accounts, billPayments, bills, customers, fundsTransfers, invoices, receivedPayments, syncPreferences, vendors } from "@/lib/db/schema";

export type DateRange = { from?: string; to?: string };

function inRange(column: Parameters<typeof gte>[0], range: DateRange): SQL[] {
  const filters: SQL[] = [];
  if (range.from) filters.push(gte(column, range.from));
  if (range.to) filters.push(lte(column, range.to));
  return filters;
}

export type FundsTransferReportData = FundsTransferDetailReport & { range: DateRange };

export async function loadFundsTransferReport(db: Db, organizationId: string, range: DateRange): Promise<FundsTransferReportData> {
  const bank = alias(accounts, "bank");
  const transferRows = await db
    .select({
      id: fundsTransfers.id,
      direction: fundsTransfers.direction,
      transferDate: fundsTransfers.transferDate,
      bankAccountId: fundsTransfers.bankAccountId,
      bankAccountName: bank.name,
      amountCents: fundsTransfers.amountCents,
      qboId: fundsTransfers.qboId,
    })
    .from(fundsTransfers)
    .leftJoin(bank, and(eq(bank.id, fundsTransfers.bankAccountId), eq(bank.organizationId, organizationId)))
    .where(and(eq(fundsTransfers.organizationId, organizationId), ...inRange(fundsTransfers.transferDate, range)))
    .orderBy(asc(fundsTransfers.transferDate), asc(fundsTransfers.id));
  const transferIds = transferRows.map((row) => row.id);

  // Payments in the listed transfers, plus payments in clearing within the range that no transfer covers yet.
  const outMembership = or(
    transferIds.length ? inArray(billPayments.fundsTransferId, transferIds) : undefined,
    and(
      eq(billPayments.kind, "electronic"),
      inArray(billPayments.status, ["processing", "paid"]),
      ...inRange(billPayments.processDate, range),
    ),
  );
  const outRows = await db
    .select({
      id: billPayments.id,
      status: billPayments.status,
      amountCents: billPayments.amountCents,
      date: billPayments.processDate,
      qboId: billPayments.qboId,
      partyName: vendors.displayName,
      documentNumber: bills.billNumber,
      fundsTransferId: billPayments.fundsTransferId,
    })
    .from(billPayments)
    .innerJoin(vendors, and(eq(vendors.id, billPayments.vendorId), eq(vendors.organizationId, organizationId)))
    .leftJoin(bills, and(eq(bills.id, billPayments.billId), eq(bills.organizationId, organizationId)))
    .where(and(eq(billPayments.organizationId, organizationId), outMembership));

  const [preferences] = await db
    .select({ moneyInClearingAccountId: syncPreferences.moneyInClearingAccountId })
    .from(syncPreferences)
    .where(eq(syncPreferences.organizationId, organizationId));
  const clearingInId = preferences?.moneyInClearingAccountId ?? null;
  const inMembership = or(
    transferIds.length ? inArray(receivedPayments.fundsTransferId, transferIds) : undefined,
    // Electronic receipts sit in Money In Clearing until their day's funds transfer is made.
    and(eq(receivedPayments.kind, "electronic"), eq(receivedPayments.status, "paid"), ...inRange(receivedPayments.receivedDate, range)),
    clearingInId
      ? and(eq(receivedPayments.depositAccountId, clearingInId), eq(receivedPayments.status, "paid"), ...inRange(receivedPayments.receivedDate, range))
      : undefined,
  );
  const inRows = !inMembership
    ? []
    : await db
        .select({
          id: receivedPayments.id,
          status: receivedPayments.status,
          amountCents: receivedPayments.amountCents,
          date: receivedPayments.receivedDate,
          qboId: receivedPayments.qboId,
          partyName: customers.displayName,
          documentNumber: invoices.invoiceNumber,
          fundsTransferId: receivedPayments.fundsTransferId,
        })
        .from(receivedPayments)
        .innerJoin(customers, and(eq(customers.id, receivedPayments.customerId), eq(customers.organizationId, organizationId)))
        .leftJoin(invoices, and(eq(invoices.id, receivedPayments.invoiceId), eq(invoices.organizationId, organizationId)))
        .where(and(eq(receivedPayments.organizationId, organizationId), inMembership));

  const paymentIdsByTransfer = new Map<string, string[]>();
  for (const row of [...outRows, ...inRows]) {
    if (!row.fundsTransferId) continue;
    const ids = paymentIdsByTransfer.get(row.fundsTransferId) ?? [];
    ids.push(row.id);
    paymentIdsByTransfer.set(row.fundsTransferId, ids);
  }
  const transfers: FundsTransferRecord[] = transferRows.map((row) => ({
    id: row.id,
    direction: row.direction,
    transferDate: row.transferDate,
    bankAccountId: row.bankAccountId,
    bankAccountName: row.bankAccountName ?? undefined,
    amountCents: row.amountCents,
    qboId: row.qboId,
    paymentIds: paymentIdsByTransfer.get(row.id) ?? [],
  }));
  const toRecord =
    (direction: "out" | "in") =>
    (row: (typeof outRows)[number]): ClearingPaymentRecord => ({
      id: row.id,
      direction,
      status: direction === "in" && row.status === "paid" ? "received" : row.status,
      amountCents: row.amountCents,
      date: row.date,
      qboId: row.qboId,
      partyName: row.partyName,
      documentNumber: row.documentNumber,
    });
  const report = fundsTransferDetailReport({ transfers, payments: [...outRows.map(toRecord("out")), ...inRows.map(toRecord("in"))] });
  return { ...report, range };
}

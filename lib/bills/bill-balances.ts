import { and, eq, inArray } from "drizzle-orm";
import { summarizeBill, type BillStatusSummary } from "@/lib/ap";
import type { Db, Tx } from "@/lib/db/connection";
import { billPayments, bills, vendorCreditApplications } from "@/lib/db/schema";

export type BillRow = typeof bills.$inferSelect;
export type BillWithSummary = { bill: BillRow; summary: BillStatusSummary };

/**
 * Bills with their status derived from the money linked to them (payments and credit applications).
 * `lock` takes row locks on the bills so two people paying the same bill at once can't overpay it.
 */
export async function loadBillSummaries(
  db: Db | Tx,
  organizationId: string,
  billIds: readonly string[],
  options: { lock?: boolean } = {},
): Promise<Map<string, BillWithSummary>> {
  const result = new Map<string, BillWithSummary>();
  if (billIds.length === 0) return result;
  const ids = [...new Set(billIds)];
  const billQuery = db
    .select()
    .from(bills)
    .where(and(eq(bills.organizationId, organizationId), inArray(bills.id, ids)))
    .orderBy(bills.id);
  const billRows = options.lock ? await billQuery.for("update") : await billQuery;
  if (billRows.length === 0) return result;
  const foundIds = billRows.map((bill) => bill.id);
  const [payments, applications] = await Promise.all([
    db
      .select({ billId: billPayments.billId, status: billPayments.status, amountCents: billPayments.amountCents })
      .from(billPayments)
      .where(and(eq(billPayments.organizationId, organizationId), inArray(billPayments.billId, foundIds))),
    db
      .select({
        billId: vendorCreditApplications.billId,
        amountCents: vendorCreditApplications.amountCents,
        voidedAt: vendorCreditApplications.voidedAt,
      })
      .from(vendorCreditApplications)
      .where(and(eq(vendorCreditApplications.organizationId, organizationId), inArray(vendorCreditApplications.billId, foundIds))),
  ]);
  for (const bill of billRows) {
    const summary = summarizeBill({
      totalCents: bill.totalCents,
      voided: bill.voidedAt !== null,
      payments: payments.filter((payment) => payment.billId === bill.id),
      creditApplications: applications
        .filter((application) => application.billId === bill.id)
        .map((application) => ({ amountCents: application.amountCents, voided: application.voidedAt !== null })),
    });
    result.set(bill.id, { bill, summary });
  }
  return result;
}

/**
 * AP and AR aging from stored bills and invoices, bucketed by lib/ap's `agingReport`. Documents dated
 * after the as-of date are left out; balances are today's open balances (payments aren't replayed).
 */
import { and, eq, gt, isNull, lte } from "drizzle-orm";
import { agingReport, type AgingReport } from "@/lib/ap";
import type { Db } from "@/lib/db/connection";
import { bills, customers, invoices, vendors } from "@/lib/db/schema";

export async function loadApAging(db: Db, organizationId: string, asOf: string): Promise<AgingReport> {
  const rows = await db
    .select({ id: bills.id, partyId: bills.vendorId, partyName: vendors.displayName, dueDate: bills.dueDate, openBalanceCents: bills.openBalanceCents })
    .from(bills)
    .innerJoin(vendors, and(eq(vendors.id, bills.vendorId), eq(vendors.organizationId, organizationId)))
    .where(
      and(eq(bills.organizationId, organizationId), isNull(bills.voidedAt), gt(bills.openBalanceCents, 0), lte(bills.billDate, asOf)),
    );
  return agingReport(rows, asOf);
}

export async function loadArAging(db: Db, organizationId: string, asOf: string): Promise<AgingReport> {
  const rows = await db
    .select({
      id: invoices.id,
      partyId: invoices.customerId,
      partyName: customers.displayName,
      dueDate: invoices.dueDate,
      openBalanceCents: invoices.openBalanceCents,
    })
    .from(invoices)
    .innerJoin(customers, and(eq(customers.id, invoices.customerId), eq(customers.organizationId, organizationId)))
    .where(
      and(
        eq(invoices.organizationId, organizationId),
        isNull(invoices.voidedAt),
        gt(invoices.openBalanceCents, 0),
        lte(invoices.invoiceDate, asOf),
      ),
    );
  return agingReport(rows, asOf);
}

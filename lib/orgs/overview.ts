import { and, count, eq, inArray, sum } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { bills, customers, invoices, vendors } from "@/lib/db/schema";

/** The numbers on the overview page: what is owed, what is due in, and who to. */
export async function loadOverview(db: Db, organizationId: string) {
  const openBillStatuses = ["unpaid", "scheduled", "partially_paid"] as const;
  const openInvoiceStatuses = ["unpaid", "partially_paid"] as const;
  const [[billTotals], [invoiceTotals], [vendorCount], [customerCount]] = await Promise.all([
    db
      .select({ n: count(), open: sum(bills.openBalanceCents) })
      .from(bills)
      .where(and(eq(bills.organizationId, organizationId), inArray(bills.status, [...openBillStatuses]))),
    db
      .select({ n: count(), open: sum(invoices.openBalanceCents) })
      .from(invoices)
      .where(and(eq(invoices.organizationId, organizationId), inArray(invoices.status, [...openInvoiceStatuses]))),
    db.select({ n: count() }).from(vendors).where(and(eq(vendors.organizationId, organizationId), eq(vendors.active, true))),
    db
      .select({ n: count() })
      .from(customers)
      .where(and(eq(customers.organizationId, organizationId), eq(customers.active, true))),
  ]);
  return {
    openBills: { count: billTotals?.n ?? 0, cents: Number(billTotals?.open ?? 0) },
    openInvoices: { count: invoiceTotals?.n ?? 0, cents: Number(invoiceTotals?.open ?? 0) },
    vendors: vendorCount?.n ?? 0,
    customers: customerCount?.n ?? 0,
  };
}

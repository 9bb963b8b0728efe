import { and, count, eq, inArray, sum } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { bills, customers, invoices, qboConnections, syncState, vendors } from "@/lib/db/schema";
import { firstRunChecklist, missingSyncPreferences, type FirstRunChecklist } from "@/lib/sync/core";
import { getSyncPreferences } from "@/lib/sync/preferences";

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

/** Where a new organisation is on connect → preferences → first sync (null once it has synced). */
export async function loadFirstRun(db: Db, organizationId: string): Promise<FirstRunChecklist | null> {
  const [[connection], prefs, [state]] = await Promise.all([
    db.select({ status: qboConnections.status }).from(qboConnections).where(eq(qboConnections.organizationId, organizationId)),
    getSyncPreferences(db, organizationId),
    db.select({ lastSuccessfulSyncAt: syncState.lastSuccessfulSyncAt }).from(syncState).where(eq(syncState.organizationId, organizationId)),
  ]);
  return firstRunChecklist({
    connected: Boolean(connection && connection.status !== "disconnected"),
    preferencesSet: missingSyncPreferences(prefs).length === 0,
    firstSyncDone: Boolean(state?.lastSuccessfulSyncAt),
  });
}

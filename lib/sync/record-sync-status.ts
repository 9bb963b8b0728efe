import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { billPayments, bills, invoices, qboConnections, receivedPayments, syncMappings, syncPreferences, vendorCredits } from "@/lib/db/schema";
import { deriveRecordStatus, type RecordStatus } from "@/lib/sync/core/record-status";
import { issuesForRecord } from "./history";

export type RecordSyncIssue = Awaited<ReturnType<typeof issuesForRecord>>[number];
export type RecordSyncStatus = RecordStatus<RecordSyncIssue>;

/** The app record's void and open balance, which decide what its page may say about its twin. */
async function recordFacts(db: Db, organizationId: string, objectType: string, localId: string) {
  const where = <T extends typeof bills | typeof invoices | typeof vendorCredits | typeof billPayments | typeof receivedPayments>(t: T) =>
    and(eq(t.organizationId, organizationId), eq(t.id, localId));
  if (objectType === "bill") {
    const [row] = await db.select({ voidedAt: bills.voidedAt, totalCents: bills.totalCents, openBalanceCents: bills.openBalanceCents }).from(bills).where(where(bills));
    return row;
  }
  if (objectType === "invoice") {
    const [row] = await db.select({ voidedAt: invoices.voidedAt, totalCents: invoices.totalCents, openBalanceCents: invoices.openBalanceCents }).from(invoices).where(where(invoices));
    return row;
  }
  const table = objectType === "vendor_credit" ? vendorCredits : objectType === "bill_payment" ? billPayments : objectType === "payment" ? receivedPayments : null;
  if (!table) return undefined;
  const [row] = await db.select({ voidedAt: table.voidedAt }).from(table).where(where(table));
  return row;
}

/** Synced, waiting for the next sync, voided or deleted on one side, or skipped/failed with its reason — for a record's page. */
export async function recordSyncStatus(db: Db, organizationId: string, objectType: string, localId: string): Promise<RecordSyncStatus> {
  const [[connection], [mapping], issues, facts, [prefs]] = await Promise.all([
    db.select({ status: qboConnections.status }).from(qboConnections).where(eq(qboConnections.organizationId, organizationId)),
    db
      .select()
      .from(syncMappings)
      .where(and(eq(syncMappings.organizationId, organizationId), eq(syncMappings.objectType, objectType), eq(syncMappings.localId, localId))),
    issuesForRecord(db, organizationId, objectType, localId),
    recordFacts(db, organizationId, objectType, localId),
    db.select({ twoWayPaymentSync: syncPreferences.twoWayPaymentSync }).from(syncPreferences).where(eq(syncPreferences.organizationId, organizationId)),
  ]);
  return deriveRecordStatus({
    objectType,
    connection: connection?.status ?? null,
    mapping: mapping
      ? { qboId: mapping.qboId, syncedAt: mapping.syncedAt, qboState: mapping.qboState, qboBalanceCents: mapping.qboBalanceCents }
      : null,
    issues,
    record: facts ?? { voidedAt: null },
    twoWayPaymentSync: prefs?.twoWayPaymentSync ?? false,
  });
}

import { and, count, eq, isNull, max } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/connection";
import { billPayments, bills, customers, invoices, receivedPayments, syncMappings, vendorCredits, vendors } from "@/lib/db/schema";
import { decideConnect, hasAnyRecords, type AppRecordCounts, type ConnectDecision } from "./company-switch-rule";

type Reader = Db | Tx;

/** The companies the organisation's links point to, with when each was last written. */
export async function linkedRealms(db: Reader, organizationId: string) {
  const rows = await db
    .select({ realmId: syncMappings.realmId, lastSyncedAt: max(syncMappings.syncedAt) })
    .from(syncMappings)
    .where(eq(syncMappings.organizationId, organizationId))
    .groupBy(syncMappings.realmId);
  return rows.map((r) => ({ realmId: r.realmId, lastSyncedAt: r.lastSyncedAt ?? new Date(0) }));
}

const firstCount = async (query: Promise<Array<{ n: number }>>) => (await query)[0]?.n ?? 0;

/** The app's records a first sync with a company would create there (active parties, live transactions). */
export async function appRecordCounts(db: Reader, organizationId: string): Promise<AppRecordCounts> {
  const n = { n: count() };
  const [v, c, b, i, vc, bp, rp] = await Promise.all([
    firstCount(db.select(n).from(vendors).where(and(eq(vendors.organizationId, organizationId), eq(vendors.active, true)))),
    firstCount(db.select(n).from(customers).where(and(eq(customers.organizationId, organizationId), eq(customers.active, true)))),
    firstCount(db.select(n).from(bills).where(and(eq(bills.organizationId, organizationId), isNull(bills.voidedAt)))),
    firstCount(db.select(n).from(invoices).where(and(eq(invoices.organizationId, organizationId), isNull(invoices.voidedAt)))),
    firstCount(db.select(n).from(vendorCredits).where(and(eq(vendorCredits.organizationId, organizationId), isNull(vendorCredits.voidedAt)))),
    firstCount(db.select(n).from(billPayments).where(and(eq(billPayments.organizationId, organizationId), isNull(billPayments.voidedAt), eq(billPayments.syncToQbo, true)))),
    firstCount(db.select(n).from(receivedPayments).where(and(eq(receivedPayments.organizationId, organizationId), isNull(receivedPayments.voidedAt)))),
  ]);
  return { vendors: v, customers: c, bills: b, invoices: i, vendorCredits: vc, billPayments: bp, receivedPayments: rp };
}

/** Whether a connection to `realmId` may sync at once, or waits for an admin (see company-switch-rule.ts). */
export async function connectDecisionFor(db: Reader, organizationId: string, realmId: string): Promise<ConnectDecision> {
  const realms = await linkedRealms(db, organizationId);
  const hasAppRecords = realms.length === 0 ? hasAnyRecords(await appRecordCounts(db, organizationId)) : true;
  return decideConnect({ realmId, linkedRealms: realms, hasAppRecords });
}


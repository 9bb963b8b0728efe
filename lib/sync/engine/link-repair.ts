/**
 * Repairing links that are not what they claim (issue 11, points 2 and 3). A broken link — its
 * QBO object is another record's, or gone — is dropped in one transaction: the mapping row, the
 * app row's QBO id, and the record's create intention, which is marked failed so that sending the
 * record again uses a new request id (QBO would otherwise replay the old, wrong answer). The
 * record is then unlinked: this run's planner links it to its twin if QBO has one (see
 * `findTwinsInQbo`), or sends it again — once, under that new request id.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/connection";
import { bills, customers, invoices, syncIntentions, syncMappings, vendorCredits, vendors } from "@/lib/db/schema";
import { quoteQboString } from "@/lib/qbo";
import { isQboDeleted, parseQboTxn, type BrokenLink, type LinkProblem, type QboTxnSnapshot, type TxnKind } from "@/lib/sync/core";
import type { RunContext } from "@/lib/sync/engine/context";
import type { SyncedEntity } from "@/lib/sync/engine/qbo-source";
import { recordSyncAudit } from "@/lib/sync/engine/sync-audit";

/** Record types whose links are checked and repaired; their app tables carry the QBO id. */
export type RepairableType = "bill" | "invoice" | "vendor_credit" | "vendor" | "customer";

const APP_TABLES = { bill: bills, invoice: invoices, vendor_credit: vendorCredits, vendor: vendors, customer: customers } as const;

const PROBLEM_WORDS: Record<LinkProblem, string> = {
  "older-object": "it pointed at a different QuickBooks record (an older one than the record it was linked to)",
  "not-twin": "it pointed at a different QuickBooks record (another number or vendor/customer)",
  missing: "its QuickBooks record no longer existed",
  "held-by-another": "QuickBooks showed its record belongs to another Ledgerbridge record",
};

export function isRepairable(objectType: string): objectType is RepairableType {
  return Object.hasOwn(APP_TABLES, objectType);
}

/** Drops broken links inside the caller's transaction (and from the run's in-memory view). */
export async function dropBrokenLinks(tx: Tx, ctx: RunContext, objectType: RepairableType, links: readonly BrokenLink[]): Promise<void> {
  if (links.length === 0) return;
  const { organizationId } = ctx;
  const table = APP_TABLES[objectType];
  const localIds = links.map((link) => link.localId);
  await tx.delete(syncMappings).where(and(eq(syncMappings.organizationId, organizationId), eq(syncMappings.objectType, objectType), inArray(syncMappings.localId, localIds)));
  for (const link of links) {
    ctx.mappings.forget(objectType, link.localId);
    await tx.update(table).set({ qboId: null }).where(and(eq(table.organizationId, organizationId), eq(table.id, link.localId), eq(table.qboId, link.qboId)));
    await recordSyncAudit(tx, {
      organizationId,
      entityType: objectType,
      entityId: link.localId,
      action: `QuickBooks link repaired: ${PROBLEM_WORDS[link.problem]}; it is linked to its twin or sent again`,
    });
  }
  // The old answers must not be replayed for this record: its next send is a new attempt.
  await tx
    .update(syncIntentions)
    .set({ status: "failed", error: "link repaired" })
    .where(
      and(
        eq(syncIntentions.organizationId, organizationId),
        eq(syncIntentions.objectType, objectType),
        inArray(syncIntentions.localId, localIds),
        inArray(syncIntentions.status, ["pending", "confirmed"]),
      ),
    );
}

/**
 * Records sent to QBO before whose create did not end in a link (it failed, or its link was
 * repaired): QBO may hold their twin already — a write QBO took whose answer was lost or wrong.
 */
export async function recordsSentBefore(db: Db, organizationId: string, objectType: RepairableType): Promise<Set<string>> {
  const rows = await db
    .select({ localId: syncIntentions.localId })
    .from(syncIntentions)
    .where(and(eq(syncIntentions.organizationId, organizationId), eq(syncIntentions.objectType, objectType), eq(syncIntentions.operation, "create"), eq(syncIntentions.status, "failed")));
  return new Set(rows.map((row) => row.localId).filter((id): id is string => id !== null));
}

const ENTITY_OF: Record<TxnKind, SyncedEntity> = { bill: "Bill", invoice: "Invoice", vendor_credit: "VendorCredit" };

/**
 * QBO's bills (invoices, credits) carrying these numbers, so the planner can link a record to a
 * twin QBO already holds instead of sending it again. One query per number, 30 to a batch request.
 */
export async function findTwinsInQbo(ctx: RunContext, kind: TxnKind, numbers: readonly string[]): Promise<QboTxnSnapshot[]> {
  const unique = [...new Set(numbers.map((n) => n.trim()).filter((n) => n.length > 0))];
  if (unique.length === 0) return [];
  const entity = ENTITY_OF[kind];
  const responses = await ctx.gateway.queryEach(unique.map((number) => `SELECT * FROM ${entity} WHERE DocNumber = ${quoteQboString(number)}`));
  const found: QboTxnSnapshot[] = [];
  for (const response of responses) {
    const rows = response[entity];
    if (!Array.isArray(rows)) continue;
    for (const raw of rows) {
      try {
        const parsed = parseQboTxn(raw, kind);
        if (!isQboDeleted(parsed)) found.push(parsed);
      } catch {
        // Unreadable: it cannot be linked; the record is sent again (and QBO may refuse a duplicate number).
      }
    }
  }
  return found;
}

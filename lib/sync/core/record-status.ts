/**
 * What a record's page says about its QuickBooks twin. Pure: the caller loads the mapping, the
 * open issues, the record's void/balance and the connection, and this decides which statement is
 * true — so a page never says "Synced … Open in QuickBooks" about a twin that is gone or voided.
 */

/** What the QBO twin is as of the last sync (sync_mappings.qbo_state). */
export type QboTwinState = "live" | "voided" | "deleted" | "removed";

export interface RecordStatusInput<I> {
  objectType: string;
  connection: "connected" | "needs_reconnect" | "disconnected" | "awaiting_confirmation" | null;
  mapping: { qboId: string; syncedAt: Date; qboState: QboTwinState; qboBalanceCents: number | null } | null;
  issues: readonly I[];
  /** The app record: when it was voided, and (bills, invoices) what is still open on it. */
  record: { voidedAt: Date | null; totalCents?: number; openBalanceCents?: number };
  /** The 2-Way Payment Sync preference: payments made in QBO come into the app only when on. */
  twoWayPaymentSync: boolean;
}

export type RecordStatus<I> =
  | { state: "not_connected" }
  /** Connected to a company the organisation has not confirmed switching to: nothing syncs meanwhile. */
  | { state: "awaiting_confirmation"; qboId?: string }
  | { state: "pending" }
  | { state: "issue"; issues: readonly I[]; qboId?: string }
  | { state: "synced"; qboId: string; syncedAt: Date; paidInQbo?: { balanceCents: number; partly: boolean } }
  /** Voided in the app after its last sync: the next sync voids (or deletes) the twin. */
  | { state: "void_pending"; qboId: string; operation: "void" | "delete" }
  /** Voided in the app before it ever reached QBO: nothing goes there. */
  | { state: "voided_unsynced" }
  /** Voided on both sides; the voided twin stays in QBO. */
  | { state: "voided"; qboId: string; syncedAt: Date }
  /** Voided in the app; the sync deleted the twin because QBO cannot void this kind. */
  | { state: "removed"; syncedAt: Date }
  /** Deleted in QBO by someone there; the sync voided the app record to match. */
  | { state: "deleted_in_qbo"; syncedAt: Date };

/** QBO can void invoices and payments; bills and vendor credits can only be deleted (plan.ts). */
export function qboVoidOperation(objectType: string): "void" | "delete" {
  return objectType === "bill" || objectType === "vendor_credit" ? "delete" : "void";
}

export function deriveRecordStatus<I>(input: RecordStatusInput<I>): RecordStatus<I> {
  const { mapping, issues, record } = input;
  if (input.connection === "awaiting_confirmation") {
    return mapping && mapping.qboState !== "deleted" && mapping.qboState !== "removed" ? { state: "awaiting_confirmation", qboId: mapping.qboId } : { state: "awaiting_confirmation" };
  }
  if (mapping?.qboState === "deleted") return { state: "deleted_in_qbo", syncedAt: mapping.syncedAt };
  if (mapping?.qboState === "removed") return { state: "removed", syncedAt: mapping.syncedAt };
  if (issues.length > 0) {
    return mapping ? { state: "issue", issues, qboId: mapping.qboId } : { state: "issue", issues };
  }
  if (record.voidedAt) {
    if (!mapping) return { state: "voided_unsynced" };
    if (mapping.qboState === "voided") return { state: "voided", qboId: mapping.qboId, syncedAt: mapping.syncedAt };
    const operation = qboVoidOperation(input.objectType);
    if (record.voidedAt.getTime() > mapping.syncedAt.getTime()) return { state: "void_pending", qboId: mapping.qboId, operation };
    // Voided before the record's last sync, recorded before the twin's state was kept: that sync sent the void.
    return operation === "void" ? { state: "voided", qboId: mapping.qboId, syncedAt: mapping.syncedAt } : { state: "removed", syncedAt: mapping.syncedAt };
  }
  if (mapping) {
    const synced: RecordStatus<I> = { state: "synced", qboId: mapping.qboId, syncedAt: mapping.syncedAt };
    const qboBalance = mapping.qboBalanceCents;
    const appOpen = record.openBalanceCents;
    // With 2-Way Payment Sync on, the payment comes in by itself; off, the app still shows it open.
    if (!input.twoWayPaymentSync && qboBalance !== null && appOpen !== undefined && qboBalance < appOpen) {
      return { ...synced, paidInQbo: { balanceCents: qboBalance, partly: qboBalance > 0 } };
    }
    return synced;
  }
  if (!input.connection || input.connection === "disconnected") return { state: "not_connected" };
  return { state: "pending" };
}

/** The twin a page may link to: none when it was deleted (Intuit's page would be "not found"). */
export function linkableQboId<I>(status: RecordStatus<I>): string | null {
  return "qboId" in status && status.qboId ? status.qboId : null;
}

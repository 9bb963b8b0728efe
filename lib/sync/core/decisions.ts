import type { QboPaymentState } from "@/lib/sync/core/payment-state";
import type { ReasonCode, ReasonParams, ReasonSeverity } from "@/lib/sync/core/reasons";
import type { ConflictMaster, EntityKind } from "@/lib/sync/core/types";

/**
 * What the planner tells the orchestrator to do with one record. Decisions carry the snapshots
 * they were made from so the orchestrator can map and write without looking anything up again.
 */

export interface CreateInQbo<A> {
  type: "create-in-qbo";
  kind: EntityKind;
  localId: string;
  app: A;
}

export interface UpdateInQbo<A> {
  type: "update-in-qbo";
  kind: EntityKind;
  localId: string;
  qboId: string;
  /** The QBO record's current SyncToken, to send with the sparse update. */
  syncToken: string;
  app: A;
}

export interface CreateInApp<Q> {
  type: "create-in-app";
  kind: EntityKind;
  qboId: string;
  qbo: Q;
}

export interface UpdateInApp<Q> {
  type: "update-in-app";
  kind: EntityKind;
  localId: string;
  qboId: string;
  qbo: Q;
  /** Bills / invoices: QBO's payment state now. */
  paymentState?: QboPaymentState;
  /** Apply `paymentState` to the app record only with Enable 2-Way Payment Sync on. */
  applyPaymentState: boolean;
}

/** First link of two records that are the same thing (vendor by name, bill by number + vendor). */
export interface Link<A, Q> {
  type: "link";
  kind: EntityKind;
  localId: string;
  qboId: string;
  app: A;
  qbo: Q;
  /** Whose field values both records take after linking. */
  adopt: ConflictMaster;
}

export interface DeleteInApp {
  type: "delete-in-app";
  kind: EntityKind;
  localId: string;
  qboId: string;
  mode: "deleted" | "voided";
  reason: ReasonCode;
  params: ReasonParams;
}

export interface DeleteInQbo {
  type: "delete-in-qbo";
  kind: EntityKind;
  localId: string;
  qboId: string;
  syncToken: string;
  /** Bills and vendor credits are deleted, invoices voided when voided (deleted when deleted), names deactivated. */
  operation: "delete" | "void" | "deactivate";
}

export interface Skip {
  type: "skip";
  kind: EntityKind;
  localId?: string;
  qboId?: string;
  reason: ReasonCode;
  severity: ReasonSeverity;
  params: ReasonParams;
}

export interface Conflict<A, Q> {
  type: "conflict";
  kind: EntityKind;
  localId: string;
  qboId: string;
  winner: ConflictMaster;
  /** "preference" = Master in Case of Conflict; "direction" = the company syncs only app → QBO. */
  decidedBy: "preference" | "direction";
  /** Both sides changed after this instant (the last sync), when known. */
  since?: string;
  /** The write that makes the winner's version true on both sides. */
  resolution: UpdateInApp<Q> | UpdateInQbo<A>;
  /** The overwritten version, to archive in the record's history. */
  loser: { side: "app"; app: A } | { side: "quickbooks"; qbo: Q };
}

export interface Noop {
  type: "noop";
  kind: EntityKind;
  localId?: string;
  qboId?: string;
}

export type SyncDecision<A, Q> =
  | CreateInQbo<A>
  | UpdateInQbo<A>
  | CreateInApp<Q>
  | UpdateInApp<Q>
  | Link<A, Q>
  | DeleteInApp
  | DeleteInQbo
  | Skip
  | Conflict<A, Q>
  | Noop;

export interface DecisionCounts {
  created: number;
  updated: number;
  deleted: number;
  skipped: number;
  failed: number;
  conflicts: number;
  unchanged: number;
}

/** Planned counts for the sync summary (the orchestrator adjusts for writes that then fail). */
export function countDecisions(decisions: ReadonlyArray<SyncDecision<unknown, unknown>>): DecisionCounts {
  const counts: DecisionCounts = { created: 0, updated: 0, deleted: 0, skipped: 0, failed: 0, conflicts: 0, unchanged: 0 };
  for (const decision of decisions) {
    switch (decision.type) {
      case "create-in-qbo":
      case "create-in-app":
        counts.created += 1;
        break;
      case "update-in-qbo":
      case "update-in-app":
      case "link":
        counts.updated += 1;
        break;
      case "conflict":
        counts.updated += 1;
        counts.conflicts += 1;
        break;
      case "delete-in-app":
      case "delete-in-qbo":
        counts.deleted += 1;
        break;
      case "skip":
        if (decision.severity === "failure") counts.failed += 1;
        else counts.skipped += 1;
        break;
      case "noop":
        counts.unchanged += 1;
        break;
    }
  }
  return counts;
}

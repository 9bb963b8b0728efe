/**
 * Preview sync (dry run): what a sync would do, per object type and direction, without writing
 * anything. The I/O half (lib/sync/preview/preview-sync.ts) runs the real engine with writes to
 * QuickBooks answered in memory and the app database rolled back; this file holds the pure part:
 * the preview's shape, how a planned decision reads as a record, the conflict's differing fields,
 * and the summary table.
 */
import { formatMoney } from "@/lib/ap/money";
import type { SyncDecision } from "@/lib/sync/core/decisions";
import type { InboundPaymentDecision } from "@/lib/sync/core/payments-plan";
import type { AppPartySnapshot, AppTxnSnapshot, EntityKind, QboPartySnapshot, QboTxnSnapshot, ConflictMaster, PartyAddress } from "@/lib/sync/core/types";

export type PreviewDirection = "to_qbo" | "to_app";
export type PreviewAction = "create" | "update" | "delete";

/** How a record is told apart in the preview (number or name, amount, party, date). */
export interface PreviewRecord {
  /** Number of a bill / invoice / credit, or name of a vendor / customer / account. */
  title: string;
  amountCents?: number;
  party?: string;
  date?: string;
  qboId?: string;
}

export interface PreviewChange {
  objectType: string;
  direction: PreviewDirection;
  action: PreviewAction;
  record: PreviewRecord;
}

export interface PreviewConflictField {
  label: string;
  app: string | null;
  qbo: string | null;
}

export interface PreviewConflict {
  objectType: string;
  record: PreviewRecord;
  /** Whose version the sync would keep. */
  winner: ConflictMaster;
  fields: PreviewConflictField[];
}

export interface PreviewSkip {
  objectType: string;
  direction: PreviewDirection;
  /** The record as the sync issue names it ("Bill 1042 from Acme"). */
  label: string;
  reasonCode: string;
  severity: "skip" | "failure";
  /** The explanation and fix the real sync would show. */
  detail: string;
}

export type PreviewCounts = Record<string, { created: number; updated: number; skipped: number; failed: number }>;

export type SyncPreview =
  | {
      status: "ready";
      generatedAt: string;
      mode: "full" | "incremental" | null;
      /** Per object type, exactly what the run would report (the engine's own counts). */
      counts: PreviewCounts;
      changes: PreviewChange[];
      conflicts: PreviewConflict[];
      skipped: PreviewSkip[];
      /** Labels of required preferences that are not set (only reference data and names would sync). */
      preferencesMissing: string[];
      /** A problem that would stop the real run (QuickBooks unreachable, access refused). */
      error: string | null;
      apiCalls: number;
    }
  | { status: "sync-running"; generatedAt: string; message: string }
  | { status: "not-connected"; generatedAt: string; message: string };

export const PREVIEW_SYNC_RUNNING_MESSAGE = "A sync is running. Preview again when it finishes.";
export const PREVIEW_NOT_CONNECTED_MESSAGE = "Not connected to QuickBooks. An admin connects it in Settings → Sync → Setup.";

/** Object types in the order a run handles them, with their labels. */
export const PREVIEW_OBJECT_LABELS: Readonly<Record<string, string>> = {
  account: "Accounts",
  item: "Items",
  class: "Classes",
  location: "Locations",
  term: "Terms",
  vendor: "Vendors",
  customer: "Customers",
  vendor_credit_application: "Credit applications",
  bill: "Bills",
  invoice: "Invoices",
  vendor_credit: "Vendor credits",
  bill_payment: "Bill payments",
  payment: "Received payments",
  funds_transfer: "Funds transfers",
  sync_preferences: "Sync preferences",
};

export function previewObjectLabel(objectType: string): string {
  return PREVIEW_OBJECT_LABELS[objectType] ?? objectType.replaceAll("_", " ");
}

function orderOf(objectType: string): number {
  const index = Object.keys(PREVIEW_OBJECT_LABELS).indexOf(objectType);
  return index < 0 ? 999 : index;
}

export const DIRECTION_LABELS: Readonly<Record<PreviewDirection, string>> = {
  to_qbo: "Ledgerbridge → QuickBooks",
  to_app: "QuickBooks → Ledgerbridge",
};

type AnySnapshot = AppTxnSnapshot | QboTxnSnapshot | AppPartySnapshot | QboPartySnapshot;
type AnyDecision = SyncDecision<AppTxnSnapshot | AppPartySnapshot, QboTxnSnapshot | QboPartySnapshot>;

function isParty(kind: EntityKind): boolean {
  return kind === "vendor" || kind === "customer";
}

/** Names of the app's vendors / customers by id (app snapshots carry the party's id only). */
export type PartyNames = (kind: "vendor" | "customer", id: string) => string | undefined;

function partyKindOf(kind: EntityKind): "vendor" | "customer" {
  return kind === "invoice" ? "customer" : "vendor";
}

function appRecord(kind: EntityKind, app: AppTxnSnapshot | AppPartySnapshot, names: PartyNames): PreviewRecord {
  if (isParty(kind)) return { title: (app as AppPartySnapshot).displayName };
  const txn = app as AppTxnSnapshot;
  const party = txn.counterpartyName ?? names(partyKindOf(kind), txn.counterpartyId);
  return { title: txn.number || "(no number)", amountCents: txn.totalCents, date: txn.txnDate, ...(party ? { party } : {}) };
}

function qboRecord(kind: EntityKind, qbo: QboTxnSnapshot | QboPartySnapshot): PreviewRecord {
  if (isParty(kind)) return { title: (qbo as QboPartySnapshot).displayName, qboId: qbo.id };
  const txn = qbo as QboTxnSnapshot;
  return {
    title: txn.docNumber ?? "(no number)",
    amountCents: txn.totalCents,
    qboId: txn.id,
    ...(txn.txnDate ? { date: txn.txnDate } : {}),
    ...(txn.counterpartyName ? { party: txn.counterpartyName } : {}),
  };
}

/**
 * The changes a planned decision makes to the app (QuickBooks → Ledgerbridge). Writes to QuickBooks
 * are taken from the writes the run would send (they carry what is sent), not from here.
 */
export function appChangesOf(decision: AnyDecision): PreviewChange[] {
  const objectType = decision.kind;
  const change = (action: PreviewAction, record: PreviewRecord): PreviewChange[] => [{ objectType, direction: "to_app", action, record }];
  switch (decision.type) {
    case "create-in-app":
      return change("create", qboRecord(decision.kind, decision.qbo));
    case "update-in-app":
      return change("update", qboRecord(decision.kind, decision.qbo));
    case "link":
      return decision.adopt === "quickbooks" ? change("update", qboRecord(decision.kind, decision.qbo)) : [];
    case "conflict":
      return decision.resolution.type === "update-in-app" ? change("update", qboRecord(decision.kind, decision.resolution.qbo)) : [];
    case "delete-in-app":
      return change("delete", { title: decision.qboId, qboId: decision.qboId });
    default:
      return [];
  }
}

/** A payment QuickBooks holds that the sync would record (or void) in the app, with 2-Way Payment Sync. */
export function inboundPaymentChangesOf(decision: InboundPaymentDecision): PreviewChange[] {
  if (decision.type === "noop") return [];
  const what = decision.kind === "bill_payment" ? "Bill payment" : "Payment";
  switch (decision.type) {
    case "record-payment-in-app":
      return [
        {
          objectType: decision.kind,
          direction: "to_app",
          action: "create",
          record: { title: `${what} ${decision.qboId}`, amountCents: decision.totalCents, qboId: decision.qboId, ...(decision.txnDate ? { date: decision.txnDate } : {}) },
        },
      ];
    case "void-payment-in-app":
      return [{ objectType: decision.kind, direction: "to_app", action: "update", record: { title: `${what} ${decision.qboId} (voided in QuickBooks)`, qboId: decision.qboId } }];
  }
}

function text(value: string | number | boolean | undefined | null): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(value);
}

function money(cents: number | undefined): string | null {
  return cents === undefined ? null : formatMoney(cents);
}

function address(a: PartyAddress | undefined): string | null {
  if (!a) return null;
  const parts = [a.line1, a.line2, a.city, a.region, a.postalCode, a.country].filter((p) => p !== undefined && p !== "");
  return parts.length > 0 ? parts.join(", ") : null;
}

/** The fields on which the two versions of a conflicting record differ, app's value beside QuickBooks'. */
export function conflictFields(kind: EntityKind, app: AnySnapshot, qbo: AnySnapshot, names: PartyNames): PreviewConflictField[] {
  let pairs: Array<[string, string | null, string | null]>;
  if (isParty(kind)) {
    const a = app as AppPartySnapshot;
    const q = qbo as QboPartySnapshot;
    pairs = [
      ["Name", text(a.displayName), text(q.displayName)],
      ["Company name", text(a.companyName), text(q.companyName)],
      ["E-mail", text(a.email), text(q.email)],
      ["Phone", text(a.phone), text(q.phone)],
      ["Billing address", address(a.address), address(q.address)],
      ["Active", text(a.active), text(q.active)],
      ["Currency", text(a.currency), text(q.currency)],
      ...(kind === "vendor" ? ([["1099 vendor", text(a.vendor1099 ?? false), text(q.vendor1099 ?? false)]] as Array<[string, string | null, string | null]>) : []),
    ];
  } else {
    const a = app as AppTxnSnapshot;
    const q = qbo as QboTxnSnapshot;
    const party = partyKindOf(kind) === "vendor" ? "Vendor" : "Customer";
    pairs = [
      ["Number", text(a.number), text(q.docNumber)],
      [party, text(a.counterpartyName ?? names(partyKindOf(kind), a.counterpartyId)), text(q.counterpartyName)],
      ["Date", text(a.txnDate), text(q.txnDate)],
      ["Due date", text(a.dueDate), text(q.dueDate)],
      ["Total", money(a.totalCents), money(q.totalCents)],
      ["Lines", text(a.lines.length), text(q.lines.length)],
      ["Memo", text(a.memo), text(q.privateNote)],
      ...(kind === "invoice" ? ([["Message on invoice", text(a.customerMemo), text(q.customerMemo)]] as Array<[string, string | null, string | null]>) : []),
      ["Currency", text(a.currency), text(q.currency)],
    ];
  }
  return pairs.filter(([, a, q]) => a !== q).map(([label, a, q]) => ({ label, app: a, qbo: q }));
}

/** A planned conflict as the preview shows it: both versions of the fields that differ. */
export function conflictOf(decision: AnyDecision, names: PartyNames): PreviewConflict | null {
  if (decision.type !== "conflict") return null;
  const app = decision.resolution.type === "update-in-qbo" ? decision.resolution.app : decision.loser.side === "app" ? decision.loser.app : undefined;
  const qbo = decision.resolution.type === "update-in-app" ? decision.resolution.qbo : decision.loser.side === "quickbooks" ? decision.loser.qbo : undefined;
  if (!app || !qbo) return null;
  return { objectType: decision.kind, record: { ...appRecord(decision.kind, app, names), qboId: decision.qboId }, winner: decision.winner, fields: conflictFields(decision.kind, app, qbo, names) };
}

/** The amount a QuickBooks write body carries: its TotalAmt, else the sum of its lines' amounts. */
export function bodyAmountCents(body: Record<string, unknown>): number | undefined {
  if (typeof body["TotalAmt"] === "number") return Math.round(body["TotalAmt"] * 100);
  if (!Array.isArray(body["Line"])) return undefined;
  let cents = 0;
  let any = false;
  for (const line of body["Line"] as unknown[]) {
    const amount = typeof line === "object" && line !== null ? (line as Record<string, unknown>)["Amount"] : undefined;
    if (typeof amount !== "number") continue;
    const discount = (line as Record<string, unknown>)["DetailType"] === "DiscountLineDetail";
    cents += (discount ? -1 : 1) * Math.round(amount * 100);
    any = true;
  }
  return any ? cents : undefined;
}

/** One row of the summary table: an object type in one direction. */
export interface PreviewSummaryRow {
  objectType: string;
  label: string;
  direction: PreviewDirection;
  create: number;
  update: number;
  delete: number;
  skipped: number;
  failed: number;
  conflicts: number;
}

/** Counts per object type and direction, in the order a run handles them. */
export function summarizePreview(preview: Pick<Extract<SyncPreview, { status: "ready" }>, "changes" | "conflicts" | "skipped">): PreviewSummaryRow[] {
  const rows = new Map<string, PreviewSummaryRow>();
  const row = (objectType: string, direction: PreviewDirection): PreviewSummaryRow => {
    const key = `${objectType}\u0000${direction}`;
    let found = rows.get(key);
    if (!found) {
      found = { objectType, label: previewObjectLabel(objectType), direction, create: 0, update: 0, delete: 0, skipped: 0, failed: 0, conflicts: 0 };
      rows.set(key, found);
    }
    return found;
  };
  for (const change of preview.changes) row(change.objectType, change.direction)[change.action] += 1;
  for (const skip of preview.skipped) row(skip.objectType, skip.direction)[skip.severity === "failure" ? "failed" : "skipped"] += 1;
  for (const conflict of preview.conflicts) row(conflict.objectType, conflict.winner === "quickbooks" ? "to_app" : "to_qbo").conflicts += 1;
  return [...rows.values()].sort((a, b) => orderOf(a.objectType) - orderOf(b.objectType) || (a.direction === b.direction ? 0 : a.direction === "to_qbo" ? -1 : 1));
}

/**
 * True when the sync would write nothing on either side. Skipped records may remain (paid history
 * stays skipped run after run); they are still listed.
 */
export function previewNothingToDo(preview: SyncPreview): boolean {
  return preview.status === "ready" && preview.changes.length === 0 && preview.conflicts.length === 0 && !preview.error;
}

/** Fixed-width text table of a preview (for terminals). */
export function formatPreviewTable(preview: SyncPreview): string {
  if (preview.status !== "ready") return preview.message;
  const header = ["Object", "Direction", "Create", "Update", "Delete", "Skip", "Fail", "Conflicts"];
  const rows = summarizePreview(preview).map((r) => [r.label, r.direction === "to_qbo" ? "→ QuickBooks" : "→ Ledgerbridge", ...[r.create, r.update, r.delete, r.skipped, r.failed, r.conflicts].map(String)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
  const out = ["Preview (dry run): nothing was written.", "", line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)];
  if (previewNothingToDo(preview)) out.push("", "Nothing to do: both sides are in sync.");
  for (const conflict of preview.conflicts) {
    out.push("", `Conflict: ${previewObjectLabel(conflict.objectType)} ${conflict.record.title} — keeps the ${conflict.winner === "quickbooks" ? "QuickBooks" : "Ledgerbridge"} version`);
    for (const field of conflict.fields) out.push(`  ${field.label}: Ledgerbridge ${field.app ?? "—"} · QuickBooks ${field.qbo ?? "—"}`);
  }
  if (preview.skipped.length > 0) {
    out.push("", "Skipped:");
    for (const skip of preview.skipped) out.push(`  ${skip.label}: ${skip.detail}`);
  }
  if (preview.preferencesMissing.length > 0) out.push("", `Sync preferences are not set (${preview.preferencesMissing.join(", ")}): no bills or invoices would sync.`);
  if (preview.error) out.push("", `Note: ${preview.error}`);
  return out.join("\n");
}

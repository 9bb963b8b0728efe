import type { Conflict, DeleteInApp, Skip, SyncDecision, UpdateInApp, UpdateInQbo } from "@/lib/sync/core/decisions";
import { evaluateInbound } from "@/lib/sync/core/inbound-rules";
import { evaluateOutbound } from "@/lib/sync/core/outbound-rules";
import { qboPaymentState } from "@/lib/sync/core/payment-state";
import { unreproducibleLines } from "@/lib/sync/core/qbo-lines";
import { missingSyncPreferences } from "@/lib/sync/core/preferences";
import { REASONS, type ReasonCode, type ReasonParams, type RecordLabel } from "@/lib/sync/core/reasons";
import { qboTxnIdentity } from "@/lib/sync/core/record-identity";
import type {
  AppPartySnapshot,
  AppTxnSnapshot,
  ConflictMaster,
  EntityKind,
  MappingEntry,
  PartyKind,
  QboDeletedSnapshot,
  QboPartySnapshot,
  QboTxnSnapshot,
  RefResolver,
  SyncPreferences,
  TxnKind,
} from "@/lib/sync/core/types";

/**
 * Planning: given both sides of one entity kind and the links between them, decide per record
 * what to write where. Pure: the orchestrator performs the decisions.
 *
 * Change detection against the mapping (the state as of the last successful sync of that record):
 * - app side changed  ⇔ app.contentHash ≠ mapping.contentHash;
 * - QBO side changed  ⇔ qbo.syncToken ≠ mapping.syncToken (QBO bumps it on every change).
 * Both changed → conflict, won by Master in Case of Conflict (or by the app when the company
 * syncs only app → QBO); the loser is carried along to be archived in history.
 *
 * Deletions are explicit on both sides: a QBO tombstone from CDC (or, when `qboRecordsComplete`,
 * a linked record absent from a full pull) and an app record with `deleted: true`. An app record
 * missing from `appRecords` is treated as "not part of this plan", never as deleted, so pass
 * every linked app record of the kind.
 */

export type TxnDecision = SyncDecision<AppTxnSnapshot, QboTxnSnapshot>;
export type PartyDecision = SyncDecision<AppPartySnapshot, QboPartySnapshot>;

interface PlanCommon {
  mappings: readonly MappingEntry[];
  prefs: SyncPreferences | undefined;
  /** Last successful sync of this company; stamped on conflicts for the history entry. */
  lastSyncAt?: string;
  /** True when `qboRecords` is a full pull (every live record), so a linked record missing from it was deleted. */
  qboRecordsComplete?: boolean;
}

export interface TxnPlanInput extends PlanCommon {
  kind: TxnKind;
  appRecords: readonly AppTxnSnapshot[];
  qboRecords: ReadonlyArray<QboTxnSnapshot | QboDeletedSnapshot>;
  /** Resolves vendors / customers between app and QBO (are they synced?). */
  resolver: RefResolver;
}

export interface PartyPlanInput extends PlanCommon {
  kind: PartyKind;
  appRecords: readonly AppPartySnapshot[];
  /**
   * QBO names of this kind. Pass the complete active list (name lists are small): first-link
   * matching by DisplayName can only match names it sees.
   */
  qboRecords: ReadonlyArray<QboPartySnapshot | QboDeletedSnapshot>;
  /** DisplayNames QBO already uses for the other kinds (customers/employees for vendors, …). */
  namesTakenInQbo?: readonly string[];
}

export function planEntitySync(input: TxnPlanInput): TxnDecision[];
export function planEntitySync(input: PartyPlanInput): PartyDecision[];
export function planEntitySync(input: TxnPlanInput | PartyPlanInput): TxnDecision[] | PartyDecision[] {
  return isPartyInput(input) ? planPartySync(input) : planTxnSync(input);
}

function isPartyInput(input: TxnPlanInput | PartyPlanInput): input is PartyPlanInput {
  return input.kind === "vendor" || input.kind === "customer";
}

export function isQboDeleted<T extends { id: string }>(record: T | QboDeletedSnapshot): record is QboDeletedSnapshot {
  return "deleted" in record && record.deleted === true;
}

const RECORD_LABEL: Record<EntityKind, RecordLabel> = {
  bill: "bill",
  invoice: "invoice",
  vendor_credit: "vendor credit",
  vendor: "vendor",
  customer: "customer",
};

function skip(kind: EntityKind, reason: ReasonCode, params: ReasonParams, ids: { localId?: string; qboId?: string }): Skip {
  return { type: "skip", kind, ...ids, reason, severity: REASONS[reason].severity, params };
}

/** Normal form of a DisplayName for matching: QBO compares names case-insensitively. */
export function normalizeDisplayName(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

interface Sides<A, Q> {
  appById: Map<string, A>;
  liveQboById: Map<string, Q>;
  deletedQboIds: Set<string>;
}

function indexSides<A extends { id: string }, Q extends { id: string }>(
  appRecords: readonly A[],
  qboRecords: ReadonlyArray<Q | QboDeletedSnapshot>,
): Sides<A, Q> {
  const appById = new Map(appRecords.map((record) => [record.id, record]));
  const liveQboById = new Map<string, Q>();
  const deletedQboIds = new Set<string>();
  for (const record of qboRecords) {
    if (isQboDeleted(record)) deletedQboIds.add(record.id);
    else liveQboById.set(record.id, record);
  }
  // CDC lists a record deleted after it was live in the same window: deletion wins.
  for (const id of deletedQboIds) liveQboById.delete(id);
  return { appById, liveQboById, deletedQboIds };
}

/* ─────────────────────────────── linked records, both families ─────────────────────────────── */

interface LinkedContext<A, Q> {
  kind: EntityKind;
  mapping: MappingEntry;
  app: A;
  qbo: Q | undefined;
  /** May QBO-side changes flow into the app for this kind/company? */
  inboundAllowed: boolean;
  prefs: SyncPreferences | undefined;
  lastSyncAt: string | undefined;
  outbound: () => UpdateInQbo<A> | Skip;
  inbound: (qbo: Q) => UpdateInApp<Q> | Skip;
}

/** Change detection and conflict resolution for a linked, live pair. */
function planLinkedChange<A extends { contentHash: string }, Q extends { syncToken: string }>(
  ctx: LinkedContext<A, Q>,
): SyncDecision<A, Q> {
  const { mapping, app, qbo, kind } = ctx;
  const appChanged = app.contentHash !== mapping.contentHash;
  const qboChanged = qbo !== undefined && qbo.syncToken !== mapping.syncToken;
  const ids = { localId: mapping.localId, qboId: mapping.qboId };

  if (!appChanged && !qboChanged) return { type: "noop", kind, ...ids };
  if (appChanged && !qboChanged) return ctx.outbound();
  if (!appChanged && qbo) return ctx.inboundAllowed ? ctx.inbound(qbo) : { type: "noop", kind, ...ids };
  if (!qbo) return ctx.outbound();

  const decidedBy = ctx.inboundAllowed ? "preference" : "direction";
  const winner: ConflictMaster = ctx.inboundAllowed ? (ctx.prefs?.masterInConflict ?? "quickbooks") : "ledgerbridge";
  const resolution = winner === "ledgerbridge" ? ctx.outbound() : ctx.inbound(qbo);
  // The winning write is blocked by a rule: report that; the losing side stays untouched.
  if (resolution.type === "skip") return resolution;
  const conflict: Conflict<A, Q> = {
    type: "conflict",
    kind,
    ...ids,
    winner,
    decidedBy,
    resolution,
    loser: winner === "ledgerbridge" ? { side: "quickbooks", qbo } : { side: "app", app },
  };
  if (ctx.lastSyncAt) conflict.since = ctx.lastSyncAt;
  return conflict;
}

/* ─────────────────────────────── bills, invoices, vendor credits ─────────────────────────────── */

function txnParams(kind: TxnKind, source: { number?: string; docNumber?: string; counterpartyName?: string }): ReasonParams {
  const params: ReasonParams = { record: RECORD_LABEL[kind] };
  const number = source.number ?? source.docNumber;
  if (number) params.docNumber = number;
  if (source.counterpartyName) params.counterpartyName = source.counterpartyName;
  return params;
}

/** A QBO record's params: a number-less one also carries its amount, date and QBO id. */
function qboTxnParams(kind: TxnKind, qbo: QboTxnSnapshot): ReasonParams {
  return { ...txnParams(kind, qbo), ...qboTxnIdentity(qbo) };
}

function planTxnSync(input: TxnPlanInput): TxnDecision[] {
  const { kind, prefs, resolver } = input;
  const partyKind = kind === "invoice" ? "customer" : "vendor";
  const { appById, liveQboById, deletedQboIds } = indexSides<AppTxnSnapshot, QboTxnSnapshot>(input.appRecords, input.qboRecords);
  // Vendor credits sync app → QBO only; bills and invoices follow the Sync direction preference.
  const inboundAllowed = kind !== "vendor_credit" && prefs?.direction === "two_way";
  const decisions: TxnDecision[] = [];
  const linkedLocal = new Set<string>();
  const linkedQbo = new Set<string>();

  const counterpartySynced = (app: AppTxnSnapshot) => resolver.toQbo(partyKind, app.counterpartyId) !== undefined;

  const outboundUpdate = (app: AppTxnSnapshot, mapping: MappingEntry, syncToken: string): UpdateInQbo<AppTxnSnapshot> | Skip => {
    const verdict = evaluateOutbound(app, kind, { prefs, linked: true, counterpartySynced: counterpartySynced(app) });
    if (verdict.action === "skip") return skip(kind, verdict.reason, verdict.params, { localId: app.id, qboId: mapping.qboId });
    return { type: "update-in-qbo", kind, localId: app.id, qboId: mapping.qboId, syncToken, app };
  };

  const inboundUpdate = (qbo: QboTxnSnapshot, mapping: MappingEntry): UpdateInApp<QboTxnSnapshot> | Skip => {
    // Unreachable for vendor credits (inbound is never allowed for them); narrows `kind` for evaluateInbound.
    if (kind === "vendor_credit") return skip(kind, "APP_TO_QBO_ONLY", qboTxnParams(kind, qbo), { localId: mapping.localId, qboId: qbo.id });
    const verdict = evaluateInbound(qbo, kind, prefs, mapping);
    if (verdict.action === "skip") return skip(kind, verdict.reason, verdict.params, { localId: mapping.localId, qboId: qbo.id });
    if (resolver.toLocal(partyKind, qbo.counterpartyQboId) === undefined) {
      const reason = partyKind === "customer" ? "CUSTOMER_NOT_SYNCED" : "VENDOR_NOT_SYNCED";
      return skip(kind, reason, qboTxnParams(kind, qbo), { localId: mapping.localId, qboId: qbo.id });
    }
    return {
      type: "update-in-app",
      kind,
      localId: mapping.localId,
      qboId: qbo.id,
      qbo,
      paymentState: qboPaymentState(qbo),
      applyPaymentState: prefs?.twoWayPaymentSync === true,
    };
  };

  // 1. Linked records.
  for (const mapping of input.mappings) {
    // Linked even when the app record is not in this plan: its QBO twin must never be imported again.
    linkedLocal.add(mapping.localId);
    linkedQbo.add(mapping.qboId);
    const app = appById.get(mapping.localId);
    if (!app) continue;
    const qbo = liveQboById.get(mapping.qboId);
    const ids = { localId: mapping.localId, qboId: mapping.qboId };
    const deletedInQbo = deletedQboIds.has(mapping.qboId) || (input.qboRecordsComplete === true && !qbo);

    if (deletedInQbo) {
      if (app.deleted) decisions.push({ type: "noop", kind, ...ids });
      else decisions.push(deleteInApp(kind, ids, "deleted", "DELETED_IN_QBO", txnParams(kind, app)));
      continue;
    }
    const currentToken = qbo?.syncToken ?? mapping.syncToken;
    if (app.deleted) {
      decisions.push({ type: "delete-in-qbo", kind, ...ids, syncToken: currentToken, operation: "delete" });
      continue;
    }
    // A void in QBO is final: it wins over any app edit (a voided QBO record cannot be edited back).
    if (qbo?.voided && app.status !== "voided") {
      if (kind === "vendor_credit" || !inboundAllowed) decisions.push({ type: "noop", kind, ...ids });
      else decisions.push(deleteInApp(kind, ids, "voided", "VOIDED_IN_QBO", txnParams(kind, app)));
      continue;
    }
    const appChanged = app.contentHash !== mapping.contentHash;
    if (appChanged && app.status === "voided") {
      if (qbo?.voided) {
        decisions.push({ type: "noop", kind, ...ids });
        continue;
      }
      // QBO can void invoices; bills and vendor credits can only be deleted.
      const operation = kind === "invoice" ? "void" : "delete";
      decisions.push({ type: "delete-in-qbo", kind, ...ids, syncToken: currentToken, operation });
      continue;
    }
    decisions.push(
      planLinkedChange<AppTxnSnapshot, QboTxnSnapshot>({
        kind,
        mapping,
        app,
        qbo,
        inboundAllowed,
        prefs,
        lastSyncAt: input.lastSyncAt,
        // Writing the app's lines over QBO lines the app could not read would drop those in QBO.
        outbound: () => {
          const unreadable = qbo ? unreproducibleLines(qbo) : [];
          if (unreadable.length === 0) return outboundUpdate(app, mapping, currentToken);
          return skip(kind, "LINES_NOT_SUPPORTED", { ...txnParams(kind, app), lineTypes: unreadable }, ids);
        },
        inbound: (q) => inboundUpdate(q, mapping),
      }),
    );
  }

  // 2. Unlinked QBO records: first link to an unlinked app twin (same number and counterparty), else import.
  const unlinkedAppByKey = new Map<string, AppTxnSnapshot>();
  for (const app of input.appRecords) {
    if (linkedLocal.has(app.id) || app.deleted) continue;
    const key = txnMatchKey(app.number, app.counterpartyId);
    if (!unlinkedAppByKey.has(key)) unlinkedAppByKey.set(key, app);
  }
  const prefsReady = missingSyncPreferences(prefs).length === 0;

  for (const qbo of liveQboById.values()) {
    if (linkedQbo.has(qbo.id)) continue;
    const counterpartyLocalId = resolver.toLocal(partyKind, qbo.counterpartyQboId);
    const twin =
      prefsReady && counterpartyLocalId && qbo.docNumber
        ? unlinkedAppByKey.get(txnMatchKey(qbo.docNumber, counterpartyLocalId))
        : undefined;
    if (twin) {
      unlinkedAppByKey.delete(txnMatchKey(twin.number, twin.counterpartyId));
      linkedLocal.add(twin.id);
      // Either way a link would copy one side over the other: not with lines the app cannot read.
      const unreadable = unreproducibleLines(qbo);
      if (unreadable.length > 0) {
        decisions.push(skip(kind, "LINES_NOT_SUPPORTED", { ...txnParams(kind, qbo), lineTypes: unreadable }, { localId: twin.id, qboId: qbo.id }));
        continue;
      }
      const adopt: ConflictMaster = inboundAllowed ? (prefs?.masterInConflict ?? "quickbooks") : "ledgerbridge";
      decisions.push({ type: "link", kind, localId: twin.id, qboId: qbo.id, app: twin, qbo, adopt });
      continue;
    }
    // QBO-made vendor credits are not imported (app → QBO only); an app credit's twin is linked above.
    if (kind === "vendor_credit") continue;
    const verdict = evaluateInbound(qbo, kind, prefs);
    if (verdict.action === "skip") {
      decisions.push(skip(kind, verdict.reason, verdict.params, { qboId: qbo.id }));
      continue;
    }
    if (!counterpartyLocalId) {
      const reason = partyKind === "customer" ? "CUSTOMER_NOT_SYNCED" : "VENDOR_NOT_SYNCED";
      decisions.push(skip(kind, reason, qboTxnParams(kind, qbo), { qboId: qbo.id }));
      continue;
    }
    decisions.push({ type: "create-in-app", kind, qboId: qbo.id, qbo });
  }
  // A record that never came in and is now deleted in QBO: nothing to do, and its skip is moot.
  for (const qboId of deletedQboIds) if (!linkedQbo.has(qboId)) decisions.push({ type: "noop", kind, qboId });

  // 3. Unlinked app records: send to QBO unless a rule holds them back.
  for (const app of input.appRecords) {
    if (linkedLocal.has(app.id) || app.deleted) continue;
    const verdict = evaluateOutbound(app, kind, { prefs, linked: false, counterpartySynced: counterpartySynced(app) });
    if (verdict.action === "skip") decisions.push(skip(kind, verdict.reason, verdict.params, { localId: app.id }));
    else decisions.push({ type: "create-in-qbo", kind, localId: app.id, app });
  }
  return decisions;
}

function txnMatchKey(number: string, counterpartyId: string): string {
  return `${counterpartyId}\u0000${number.trim().toLowerCase()}`;
}

function deleteInApp(
  kind: EntityKind,
  ids: { localId: string; qboId: string },
  mode: "deleted" | "voided",
  reason: ReasonCode,
  params: ReasonParams,
): DeleteInApp {
  return { type: "delete-in-app", kind, ...ids, mode, reason, params };
}

/* ─────────────────────────────── vendors and customers ─────────────────────────────── */

export interface DisplayNameMatch {
  localId: string;
  qboId: string;
}

/**
 * First-link matching of app names to QBO names of the same kind by DisplayName, compared
 * case-insensitively with whitespace collapsed (QBO's own uniqueness rule). Each record matches
 * at most once; the first QBO record with a name wins.
 */
export function matchByDisplayName(
  appParties: ReadonlyArray<{ id: string; displayName: string }>,
  qboParties: ReadonlyArray<{ id: string; displayName: string }>,
): DisplayNameMatch[] {
  const qboByName = new Map<string, string>();
  for (const qbo of qboParties) {
    const name = normalizeDisplayName(qbo.displayName);
    if (!qboByName.has(name)) qboByName.set(name, qbo.id);
  }
  const matches: DisplayNameMatch[] = [];
  for (const app of appParties) {
    const name = normalizeDisplayName(app.displayName);
    const qboId = qboByName.get(name);
    if (qboId === undefined) continue;
    qboByName.delete(name);
    matches.push({ localId: app.id, qboId });
  }
  return matches;
}

export interface DisplayNameClash {
  name: string;
  vendorIds: string[];
  customerIds: string[];
}

/**
 * App vendors and customers that share a DisplayName. The app allows it, QBO does not (6240): only
 * one of them can sync, so the UI warns about each clash before the sync fails on it.
 */
export function findDisplayNameClashes(
  vendors: ReadonlyArray<{ id: string; displayName: string }>,
  customers: ReadonlyArray<{ id: string; displayName: string }>,
): DisplayNameClash[] {
  const byName = new Map<string, DisplayNameClash>();
  for (const vendor of vendors) {
    const name = normalizeDisplayName(vendor.displayName);
    const clash = byName.get(name) ?? { name: vendor.displayName.trim(), vendorIds: [], customerIds: [] };
    clash.vendorIds.push(vendor.id);
    byName.set(name, clash);
  }
  for (const customer of customers) {
    const clash = byName.get(normalizeDisplayName(customer.displayName));
    if (clash) clash.customerIds.push(customer.id);
  }
  return [...byName.values()].filter((clash) => clash.customerIds.length > 0);
}

function planPartySync(input: PartyPlanInput): PartyDecision[] {
  const { kind, prefs } = input;
  const { appById, liveQboById, deletedQboIds } = indexSides<AppPartySnapshot, QboPartySnapshot>(input.appRecords, input.qboRecords);
  const decisions: PartyDecision[] = [];
  const linkedLocal = new Set<string>();
  const linkedQbo = new Set<string>();
  const params = (name: string): ReasonParams => ({ record: RECORD_LABEL[kind], displayName: name });

  // Names QBO already has (other kinds, plus this kind's linked ones): an app name among them fails with 6240.
  const takenNames = new Set((input.namesTakenInQbo ?? []).map(normalizeDisplayName));
  for (const mapping of input.mappings) {
    const qbo = liveQboById.get(mapping.qboId);
    if (qbo) takenNames.add(normalizeDisplayName(qbo.displayName));
  }

  for (const mapping of input.mappings) {
    // Linked even when the app record is not in this plan: its QBO twin must never be imported again.
    linkedLocal.add(mapping.localId);
    linkedQbo.add(mapping.qboId);
    const app = appById.get(mapping.localId);
    if (!app) continue;
    const qbo = liveQboById.get(mapping.qboId);
    const ids = { localId: mapping.localId, qboId: mapping.qboId };
    const deletedInQbo = deletedQboIds.has(mapping.qboId) || (input.qboRecordsComplete === true && !qbo);
    if (deletedInQbo) {
      // Names are never deleted in QBO, only merged into another one (CDC reports the merged-away one deleted).
      if (app.deleted) decisions.push({ type: "noop", kind, ...ids });
      else decisions.push(deleteInApp(kind, ids, "deleted", "DELETED_IN_QBO", params(app.displayName)));
      continue;
    }
    const currentToken = qbo?.syncToken ?? mapping.syncToken;
    if (app.deleted) {
      if (qbo && !qbo.active) decisions.push({ type: "noop", kind, ...ids });
      else decisions.push({ type: "delete-in-qbo", kind, ...ids, syncToken: currentToken, operation: "deactivate" });
      continue;
    }
    decisions.push(
      planLinkedChange<AppPartySnapshot, QboPartySnapshot>({
        kind,
        mapping,
        app,
        qbo,
        inboundAllowed: true, // names sync both ways whatever the Sync direction of transactions
        prefs,
        lastSyncAt: input.lastSyncAt,
        outbound: () => {
          const renamedOntoTaken =
            qbo !== undefined &&
            normalizeDisplayName(app.displayName) !== normalizeDisplayName(qbo.displayName) &&
            takenNames.has(normalizeDisplayName(app.displayName));
          if (renamedOntoTaken) return skip(kind, "DUPLICATE_NAME", params(app.displayName), ids);
          return { type: "update-in-qbo", kind, ...ids, syncToken: currentToken, app };
        },
        inbound: (q) => ({ type: "update-in-app", kind, ...ids, qbo: q, applyPaymentState: false }),
      }),
    );
  }

  // First link by DisplayName between unlinked app and unlinked QBO names.
  const unlinkedApp = input.appRecords.filter((app) => !linkedLocal.has(app.id) && !app.deleted);
  const unlinkedQbo = [...liveQboById.values()].filter((qbo) => !linkedQbo.has(qbo.id));
  const adopt: ConflictMaster = prefs?.masterInConflict ?? "quickbooks";
  for (const match of matchByDisplayName(unlinkedApp, unlinkedQbo)) {
    const app = appById.get(match.localId);
    const qbo = liveQboById.get(match.qboId);
    if (!app || !qbo) continue;
    linkedLocal.add(app.id);
    linkedQbo.add(qbo.id);
    takenNames.add(normalizeDisplayName(qbo.displayName));
    decisions.push({ type: "link", kind, localId: app.id, qboId: qbo.id, app, qbo, adopt });
  }

  for (const qbo of unlinkedQbo) {
    if (linkedQbo.has(qbo.id)) continue;
    takenNames.add(normalizeDisplayName(qbo.displayName));
    // Inactive QBO names are history: they are not brought in.
    decisions.push(qbo.active ? { type: "create-in-app", kind, qboId: qbo.id, qbo } : { type: "noop", kind, qboId: qbo.id });
  }

  for (const app of unlinkedApp) {
    if (linkedLocal.has(app.id)) continue;
    const name = normalizeDisplayName(app.displayName);
    if (takenNames.has(name)) {
      decisions.push(skip(kind, "DUPLICATE_NAME", params(app.displayName), { localId: app.id }));
      continue;
    }
    takenNames.add(name);
    decisions.push({ type: "create-in-qbo", kind, localId: app.id, app });
  }
  return decisions;
}

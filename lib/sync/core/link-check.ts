/**
 * Links the engine already holds, checked against what QBO shows this run (issue 11, point 3): a
 * mapping whose QBO object is not the record's twin, or is gone while its twin sits unlinked in
 * QBO, is broken. The engine drops broken links before planning; the planner then links the
 * record to its twin or sends it again (once: the create gets a new request id).
 *
 * Only definite evidence breaks a link, never a difference a legitimate edit explains:
 * - an object older than the version the link recorded (QBO's SyncToken only ever grows), so it
 *   is another object under the same Id;
 * - neither side changed since the last sync, yet number and party (or name) differ;
 * - a complete read lacks the object and CDC reports no deletion of it, while an unlinked twin with
 *   the same number and party (or name) is there: the write's object went missing and its twin came
 *   back under a new Id;
 * - a complete read lacks the object and `deletionsKnown` (CDC covered every change since the last
 *   good sync) reports no deletion of it: QBO lost it, so the record is sent again. Without that
 *   knowledge (a plain full pull) a missing object without a twin counts as deleted in QBO.
 */
import { isQboDeleted, normalizeDisplayName } from "@/lib/sync/core/plan";
import type {
  AppPartySnapshot,
  AppTxnSnapshot,
  MappingEntry,
  PartyKind,
  QboDeletedSnapshot,
  QboPartySnapshot,
  QboTxnSnapshot,
  RefResolver,
  TxnKind,
} from "@/lib/sync/core/types";

/** "held-by-another": QBO answered another record's write with this link's object (writer.ts). */
export type LinkProblem = "older-object" | "not-twin" | "missing" | "held-by-another";

export interface BrokenLink {
  localId: string;
  qboId: string;
  problem: LinkProblem;
}

function olderThanLinked(qboToken: string, linkedToken: string): boolean {
  const qbo = Number(qboToken);
  const linked = Number(linkedToken);
  return Number.isInteger(qbo) && Number.isInteger(linked) && qbo < linked;
}

function sameNumber(a: string | undefined, b: string | undefined): boolean {
  return (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();
}

export function findBrokenTxnLinks(input: {
  kind: TxnKind;
  appRecords: readonly AppTxnSnapshot[];
  qboRecords: ReadonlyArray<QboTxnSnapshot | QboDeletedSnapshot>;
  mappings: readonly MappingEntry[];
  /** The QBO records are a full pull (every live object). */
  complete: boolean;
  /** Every deletion since the last good sync is among the records (CDC tombstones). */
  deletionsKnown: boolean;
  resolver: RefResolver;
}): BrokenLink[] {
  const partyKind = input.kind === "invoice" ? "customer" : "vendor";
  const appById = new Map(input.appRecords.map((app) => [app.id, app]));
  const live = new Map<string, QboTxnSnapshot>();
  const deleted = new Set<string>();
  for (const record of input.qboRecords) {
    if (isQboDeleted(record)) deleted.add(record.id);
    else live.set(record.id, record);
  }
  const linkedQbo = new Set(input.mappings.map((mapping) => mapping.qboId));
  const twinKey = (number: string | undefined, partyQboId: string | undefined) => `${partyQboId ?? ""}\u0000${(number ?? "").trim().toLowerCase()}`;
  const unlinkedTwins = new Set<string>();
  for (const qbo of live.values()) if (!linkedQbo.has(qbo.id) && qbo.docNumber) unlinkedTwins.add(twinKey(qbo.docNumber, qbo.counterpartyQboId));

  const broken: BrokenLink[] = [];
  for (const mapping of input.mappings) {
    const app = appById.get(mapping.localId);
    if (!app || app.deleted) continue;
    const partyQboId = input.resolver.toQbo(partyKind, app.counterpartyId);
    const qbo = live.get(mapping.qboId);
    const ids = { localId: mapping.localId, qboId: mapping.qboId };
    if (!qbo) {
      if (input.complete && !deleted.has(mapping.qboId) && (input.deletionsKnown || unlinkedTwins.has(twinKey(app.number, partyQboId)))) broken.push({ ...ids, problem: "missing" });
      continue;
    }
    if (olderThanLinked(qbo.syncToken, mapping.syncToken)) {
      broken.push({ ...ids, problem: "older-object" });
      continue;
    }
    const unchanged = qbo.syncToken === mapping.syncToken && app.contentHash === mapping.contentHash;
    if (!unchanged) continue;
    // Number and party only: amounts legitimately differ in ways the app does not model (tax), and
    // an object with this record's number and party would be linked right back to it.
    const differs = !sameNumber(app.number, qbo.docNumber) || (partyQboId !== undefined && partyQboId !== qbo.counterpartyQboId);
    if (differs) broken.push({ ...ids, problem: "not-twin" });
  }
  return broken;
}

export function findBrokenPartyLinks(input: {
  kind: PartyKind;
  appRecords: readonly AppPartySnapshot[];
  qboRecords: ReadonlyArray<QboPartySnapshot | QboDeletedSnapshot>;
  mappings: readonly MappingEntry[];
  complete: boolean;
  deletionsKnown: boolean;
}): BrokenLink[] {
  const appById = new Map(input.appRecords.map((app) => [app.id, app]));
  const live = new Map<string, QboPartySnapshot>();
  const deleted = new Set<string>();
  for (const record of input.qboRecords) {
    if (isQboDeleted(record)) deleted.add(record.id);
    else live.set(record.id, record);
  }
  const linkedQbo = new Set(input.mappings.map((mapping) => mapping.qboId));
  const unlinkedNames = new Set([...live.values()].filter((qbo) => !linkedQbo.has(qbo.id)).map((qbo) => normalizeDisplayName(qbo.displayName)));

  const broken: BrokenLink[] = [];
  for (const mapping of input.mappings) {
    const app = appById.get(mapping.localId);
    if (!app || app.deleted) continue;
    const qbo = live.get(mapping.qboId);
    const ids = { localId: mapping.localId, qboId: mapping.qboId };
    if (!qbo) {
      if (input.complete && !deleted.has(mapping.qboId) && (input.deletionsKnown || unlinkedNames.has(normalizeDisplayName(app.displayName)))) broken.push({ ...ids, problem: "missing" });
      continue;
    }
    if (olderThanLinked(qbo.syncToken, mapping.syncToken)) {
      broken.push({ ...ids, problem: "older-object" });
      continue;
    }
    const unchanged = qbo.syncToken === mapping.syncToken && app.contentHash === mapping.contentHash;
    // An inactive QBO name reads "<name> (deleted)": compare without that suffix.
    const qboName = normalizeDisplayName(qbo.displayName).replace(/ \(deleted\)$/, "");
    if (unchanged && qboName !== normalizeDisplayName(app.displayName)) broken.push({ ...ids, problem: "not-twin" });
  }
  return broken;
}

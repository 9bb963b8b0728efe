import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/connection";
import { bulkInsert } from "@/lib/db/bulk-insert";
import { auditEvents } from "@/lib/db/schema";
import {
  appTxnContentHash,
  appTxnToQboCreate,
  appTxnToQboUpdate,
  findBrokenTxnLinks,
  parseQboTxn,
  planEntitySync,
  qboTxnToAppFields,
  REASONS,
  txnHistoryChanges,
  txnHistorySnapshot,
  type AppTxnSnapshot,
  type HistoryFields,
  type MapContext,
  type MappingEntry,
  type QboDeletedSnapshot,
  type QboTxnSnapshot,
  type TxnDecision,
  type TxnKind,
} from "@/lib/sync/core";
import { logger } from "@/lib/log";
import { loadAppTxns } from "@/lib/sync/engine/app-snapshots";
import { dropBrokenLinks, findTwinsInQbo, recordsSentBefore } from "@/lib/sync/engine/link-repair";
import type { RunContext } from "@/lib/sync/engine/context";
import type { MappingWrite } from "@/lib/sync/engine/mapping-store";
import type { SyncedEntity } from "@/lib/sync/engine/qbo-source";
import { loadHistoryNames } from "@/lib/sync/engine/history-names";
import { conflictAction, recordSyncAudit } from "@/lib/sync/engine/sync-audit";
import { hashOf, insertTxns, setTxnQboId, updateTxnUnlessNumberTaken, voidTxn, type NewTxn } from "@/lib/sync/engine/txn-store";
import type { AppTableName, QboWriter, WriteRequest } from "@/lib/sync/engine/writer";

const ENTITY: Record<TxnKind, SyncedEntity> = { bill: "Bill", invoice: "Invoice", vendor_credit: "VendorCredit" };
const APP_TABLE: Record<TxnKind, AppTableName> = { bill: "bills", invoice: "invoices", vendor_credit: "vendor_credits" };
const LABEL = { bill: "bill", invoice: "invoice", vendor_credit: "vendor credit" } as const;

/** Invoice writes take QBO's computed sales tax from the answer (invoice-tax-answer.ts). */
const taxFromAnswer = (kind: TxnKind) => (kind === "invoice" ? { invoiceTaxFromAnswer: true as const } : {});

const UPDATED_FROM_QBO = "updated from QuickBooks";
const PARTY_LABEL = { bill: "Vendor", invoice: "Customer", vendor_credit: "Vendor" } as const;
const NOT_KEPT_TITLE = { app: "Ledgerbridge version (not kept)", qbo: "QuickBooks version (not kept)" } as const;

/** A history entry of this phase, written with readable names once all are known (history-names.ts). */
type PendingHistory = {
  entityId: string;
  action: string;
  change?: { before: HistoryFields; after: HistoryFields };
  notKept?: { side: "app" | "qbo"; version: HistoryFields };
};

/** Bills and invoices (phase "bills_invoices"), or vendor credits (phase "vendor_credits"). */
export async function syncTransactions(ctx: RunContext, writer: QboWriter, kinds: readonly TxnKind[]): Promise<void> {
  const loaded: Array<{ kind: TxnKind; app: AppTxnSnapshot[]; qbo: Array<QboTxnSnapshot | QboDeletedSnapshot>; complete: boolean }> = [];
  // The phase starts while its records are still arriving from QBO: say so, the total follows.
  ctx.progress.setPhase(kinds.includes("vendor_credit") ? "vendor_credits" : "bills_invoices");
  for (const kind of kinds) {
    const app = await loadAppTxns(ctx.db, ctx.organizationId, kind);
    // Vendor credits go app → QBO only; their QBO side matters only for linked ones (change detection).
    const records = await ctx.source.records(ENTITY[kind]);
    const qbo: Array<QboTxnSnapshot | QboDeletedSnapshot> = [...records.deleted];
    for (const raw of records.live) {
      try {
        qbo.push(parseQboTxn(raw, kind));
      } catch {
        ctx.issues.record({
          objectType: kind,
          qboId: String((raw as { Id?: string }).Id ?? "?"),
          reason: "UNKNOWN_QBO_ERROR",
          params: { record: LABEL[kind], qboDetail: "QuickBooks sent this record in a form Ledgerbridge cannot read." },
        });
      }
    }
    loaded.push({ kind, app, qbo, complete: records.complete });
  }
  ctx.progress.addTotal(loaded.reduce((n, l) => n + l.app.length + l.qbo.length, 0));
  for (const { kind, app, qbo, complete } of loaded) {
    await repairLinks(ctx, kind, app, qbo, complete);
    const decisions = planEntitySync({
      kind,
      appRecords: app,
      qboRecords: qbo,
      mappings: ctx.mappings.list(kind),
      prefs: ctx.prefs,
      lastSyncAt: ctx.lastSyncAt,
      qboRecordsComplete: complete,
      resolver: ctx.mappings.resolver(),
    });
    const live = new Map(qbo.filter((q): q is QboTxnSnapshot => !("deleted" in q)).map((q) => [q.id, q]));
    // A full pull lists every live record: skips of records no longer there are moot (deleted in QBO).
    // Unreadable ones were recorded above this run, and a recorded issue is never resolved by this.
    if (complete) ctx.issues.resolveAbsentQboRecords(kind, new Set(live.keys()));
    ctx.observer?.planned(kind, decisions);
    await applyTxnDecisions(ctx, writer, kind, decisions, app, live);
  }
}

/**
 * Before planning: links this run's QBO records show to be wrong are dropped, and records sent
 * before without ending in a link get their twin looked up in QBO (added to `qbo`), so the planner
 * links them to it rather than sending them a second time.
 */
async function repairLinks(
  ctx: RunContext,
  kind: TxnKind,
  app: readonly AppTxnSnapshot[],
  qbo: Array<QboTxnSnapshot | QboDeletedSnapshot>,
  complete: boolean,
): Promise<void> {
  const broken = findBrokenTxnLinks({
    kind,
    appRecords: app,
    qboRecords: qbo,
    mappings: ctx.mappings.list(kind),
    complete,
    deletionsKnown: complete && ctx.source.deletionsKnown,
    resolver: ctx.mappings.resolver(),
  });
  if (broken.length > 0) {
    await ctx.db.transaction((tx) => dropBrokenLinks(tx, ctx, kind, broken));
    logger().warn("sync: broken QuickBooks links dropped", { runId: ctx.runId, organizationId: ctx.organizationId, kind, links: broken });
  }
  const sentBefore = await recordsSentBefore(ctx.db, ctx.organizationId, kind);
  const lookFor = app.filter((a) => !a.deleted && sentBefore.has(a.id) && !ctx.mappings.get(kind, a.id));
  if (lookFor.length === 0) return;
  const known = new Set(qbo.map((q) => q.id));
  for (const twin of await findTwinsInQbo(ctx, kind, lookFor.map((a) => a.number))) {
    if (!known.has(twin.id)) qbo.push(twin);
    known.add(twin.id);
  }
}

/** Linked twins whose QBO Balance (null: equal to the total) differs from the one remembered. */
function changedQboBalances(linked: readonly MappingEntry[], qboById: ReadonlyMap<string, QboTxnSnapshot>): Array<{ localId: string; qboBalanceCents: number | null }> {
  const changed: Array<{ localId: string; qboBalanceCents: number | null }> = [];
  for (const mapping of linked) {
    const qbo = qboById.get(mapping.qboId);
    if (!qbo || qbo.voided) continue;
    const balance = qbo.balanceCents === qbo.totalCents ? null : qbo.balanceCents;
    if (balance !== (mapping.qboBalanceCents ?? null)) changed.push({ localId: mapping.localId, qboBalanceCents: balance });
  }
  return changed;
}

async function applyTxnDecisions(
  ctx: RunContext,
  writer: QboWriter,
  kind: TxnKind,
  decisions: readonly TxnDecision[],
  app: readonly AppTxnSnapshot[],
  qboById: ReadonlyMap<string, QboTxnSnapshot>,
): Promise<void> {
  const { db, organizationId, realmId, mappings, issues, progress } = ctx;
  const appById = new Map(app.map((a) => [a.id, a]));
  const mapCtx: MapContext = { prefs: ctx.prefs, resolver: mappings.resolver() };
  const writes: WriteRequest[] = [];
  const counted = new Map<WriteRequest, "created" | "updated">();
  const entity = ENTITY[kind];

  const issueParams = (a: AppTxnSnapshot) => ({ record: LABEL[kind], docNumber: a.number, ...(a.counterpartyName ? { counterpartyName: a.counterpartyName } : {}) });
  const pushUpdate = (a: AppTxnSnapshot, qboId: string, syncToken: string) => {
    const body = appTxnToQboUpdate(a, kind, { qboId, syncToken }, mapCtx);
    if (!body.ok) {
      issues.record({ objectType: kind, localId: a.id, qboId, reason: body.reason, params: body.params });
      progress.count(kind, REASONS[body.reason].severity === "failure" ? "failed" : "skipped");
      return;
    }
    const request: WriteRequest = {
      intentionKey: `${realmId}:${kind}:${a.id}:update:${a.contentHash}:${syncToken}`,
      entity,
      operation: "update",
      body: { ...body.value },
      confirm: { objectType: kind, localId: a.id, contentHash: a.contentHash, appTable: APP_TABLE[kind], ...taxFromAnswer(kind) },
      issue: { objectType: kind, localId: a.id, qboId, params: issueParams(a) },
    };
    writes.push(request);
    counted.set(request, "updated");
  };

  const news: NewTxn[] = [];
  const importing = new Map<string, QboTxnSnapshot>();
  const qboIssueParams = (q: QboTxnSnapshot) => ({ record: LABEL[kind], ...(q.docNumber ? { docNumber: q.docNumber } : {}), ...(q.counterpartyName ? { counterpartyName: q.counterpartyName } : {}) });
  const mappingWrites: MappingWrite[] = [];
  const importAudits: Array<typeof auditEvents.$inferInsert> = [];
  const history: PendingHistory[] = [];

  await db.transaction(async (tx) => {
    const applyFromQbo = async (localId: string, q: QboTxnSnapshot, before: AppTxnSnapshot | undefined, action: string | null) => {
      const fields = qboTxnToAppFields(q, kind, mapCtx);
      if (!fields.ok) {
        issues.record({ objectType: kind, localId, qboId: q.id, reason: fields.reason, params: fields.params });
        progress.count(kind, "failed");
        return;
      }
      if (!(await updateTxnUnlessNumberTaken(tx, organizationId, kind, localId, fields.value))) {
        issues.record({ objectType: kind, localId, qboId: q.id, reason: "NUMBER_TAKEN_IN_APP", params: { ...qboIssueParams(q), docNumber: fields.value.number } });
        progress.count(kind, "failed");
        return;
      }
      const voided = before?.status === "voided";
      mappingWrites.push({ objectType: kind, localId, qboId: q.id, syncToken: q.syncToken, lastUpdatedTime: q.lastUpdatedTime, contentHash: hashOf(localId, fields.value, voided ? "voided" : "open") });
      if (action) history.push({ entityId: localId, action, ...(before ? { change: { before, after: fields.value } } : {}) });
      issues.resolve(kind, { localId, qboId: q.id });
      progress.count(kind, "updated");
    };

    for (const decision of decisions) {
      progress.tick();
      switch (decision.type) {
        case "noop":
          issues.resolve(kind, decision);
          break;
        case "skip":
          issues.record({ objectType: kind, localId: decision.localId, qboId: decision.qboId, reason: decision.reason, params: decision.params });
          progress.count(kind, decision.severity === "failure" ? "failed" : "skipped");
          break;
        case "create-in-qbo": {
          const body = appTxnToQboCreate(decision.app, kind, mapCtx);
          if (!body.ok) {
            issues.record({ objectType: kind, localId: decision.localId, reason: body.reason, params: body.params });
            progress.count(kind, REASONS[body.reason].severity === "failure" ? "failed" : "skipped");
            break;
          }
          const request: WriteRequest = {
            intentionKey: `${realmId}:${kind}:${decision.localId}:create`,
            entity,
            operation: "create",
            body: { ...body.value },
            confirm: { objectType: kind, localId: decision.localId, contentHash: decision.app.contentHash, appTable: APP_TABLE[kind], ...taxFromAnswer(kind) },
            issue: { objectType: kind, localId: decision.localId, params: issueParams(decision.app) },
          };
          writes.push(request);
          counted.set(request, "created");
          break;
        }
        case "update-in-qbo":
          pushUpdate(decision.app, decision.qboId, decision.syncToken);
          break;
        case "create-in-app": {
          const fields = qboTxnToAppFields(decision.qbo, kind, mapCtx);
          if (!fields.ok) {
            issues.record({ objectType: kind, qboId: decision.qboId, reason: fields.reason, params: fields.params });
            progress.count(kind, "failed");
            break;
          }
          const id = randomUUID();
          // Counted, and its issue resolved, once insertTxns says it went in (its number may be taken).
          news.push({ id, qboId: decision.qboId, fields: fields.value });
          importing.set(id, decision.qbo);
          mappingWrites.push({ objectType: kind, localId: id, qboId: decision.qboId, syncToken: decision.qbo.syncToken, lastUpdatedTime: decision.qbo.lastUpdatedTime, contentHash: hashOf(id, fields.value) });
          importAudits.push({ organizationId, actorUserId: null, actorKind: "sync", entityType: kind, entityId: id, action: "imported from QuickBooks", changes: [] });
          break;
        }
        case "update-in-app":
          await applyFromQbo(decision.localId, decision.qbo, appById.get(decision.localId), UPDATED_FROM_QBO);
          break;
        case "link":
          await setTxnQboId(tx, organizationId, kind, decision.localId, decision.qboId);
          if (decision.adopt === "quickbooks") await applyFromQbo(decision.localId, decision.qbo, decision.app, "linked to QuickBooks (QuickBooks version kept)");
          else {
            const qboFields = qboTxnToAppFields(decision.qbo, kind, mapCtx);
            const same = qboFields.ok && hashOf(decision.localId, qboFields.value) === decision.app.contentHash;
            if (same) {
              mappingWrites.push({ objectType: kind, localId: decision.localId, qboId: decision.qboId, syncToken: decision.qbo.syncToken, lastUpdatedTime: decision.qbo.lastUpdatedTime, contentHash: decision.app.contentHash });
              issues.resolve(kind, decision);
            } else pushUpdate(decision.app, decision.qboId, decision.qbo.syncToken);
          }
          break;
        case "conflict": {
          const { resolution, loser } = decision;
          const mappedQbo = (q: QboTxnSnapshot) => {
            const mapped = qboTxnToAppFields(q, kind, mapCtx);
            return mapped.ok ? mapped.value : undefined;
          };
          const loserVersion = loser.side === "app" ? loser.app : mappedQbo(loser.qbo);
          const winnerVersion = resolution.type === "update-in-app" ? mappedQbo(resolution.qbo) : resolution.app;
          history.push({
            entityId: decision.localId,
            action: conflictAction(decision.winner),
            ...(loserVersion && winnerVersion ? { change: { before: loserVersion, after: winnerVersion } } : {}),
            ...(loserVersion ? { notKept: { side: loser.side === "app" ? "app" : "qbo", version: loserVersion } } : {}),
          });
          if (resolution.type === "update-in-app") await applyFromQbo(resolution.localId, resolution.qbo, appById.get(resolution.localId), null);
          else pushUpdate(resolution.app, resolution.qboId, resolution.syncToken);
          break;
        }
        case "delete-in-app": {
          const before = appById.get(decision.localId);
          const mapping = mappings.get(kind, decision.localId);
          const voidedHash = before ? appTxnContentHash({ ...before, status: "voided" }) : undefined;
          // A void keeps the QBO record (with a new SyncToken): the mapping remembers that version.
          const voidedInQbo = qboById.get(decision.qboId);
          const syncToken = voidedInQbo?.syncToken ?? mapping?.syncToken;
          // Already void here and remembered (CDC re-reads changes within its overlap): nothing to do.
          if (before?.status === "voided" && mapping && mapping.contentHash === voidedHash && mapping.syncToken === syncToken) {
            issues.resolve(kind, decision);
            break;
          }
          await voidTxn(tx, organizationId, kind, decision.localId, ctx.now());
          await recordSyncAudit(tx, {
            organizationId,
            entityType: kind,
            entityId: decision.localId,
            action: decision.mode === "voided" ? "voided: voided in QuickBooks" : "voided: deleted in QuickBooks",
          });
          if (voidedHash && mapping) {
            // The app record now matches QBO (gone): remember its voided content so nothing is sent back.
            mappingWrites.push({
              ...mapping,
              objectType: kind,
              contentHash: voidedHash,
              syncToken: syncToken ?? mapping.syncToken,
              lastUpdatedTime: voidedInQbo?.lastUpdatedTime ?? mapping.lastUpdatedTime,
              // The page then says "Deleted in QuickBooks" with no link, or "Voided" with one.
              // A twin the sync itself deleted (voided here first) stays "removed" when CDC re-reads it.
              qboState: decision.mode === "voided" ? "voided" : mapping.qboState === "removed" ? "removed" : "deleted",
            });
          }
          progress.count(kind, "updated");
          break;
        }
        case "delete-in-qbo": {
          const a = appById.get(decision.localId);
          const request: WriteRequest = {
            intentionKey: `${realmId}:${kind}:${decision.localId}:${decision.operation}:${decision.syncToken}`,
            entity,
            operation: decision.operation === "void" ? "void" : "delete",
            body: { Id: decision.qboId, SyncToken: decision.syncToken },
            confirm: { objectType: kind, localId: decision.localId, contentHash: a?.contentHash ?? "" },
            issue: { objectType: kind, localId: decision.localId, qboId: decision.qboId, params: a ? issueParams(a) : { record: LABEL[kind] } },
          };
          writes.push(request);
          counted.set(request, "updated");
          break;
        }
      }
    }
    const refused = new Set((await insertTxns(tx, organizationId, kind, news)).map((n) => n.id));
    for (const { id, qboId } of news) {
      if (!refused.has(id)) {
        issues.resolve(kind, { qboId });
        progress.count(kind, "created");
        continue;
      }
      issues.record({ objectType: kind, qboId, reason: "NUMBER_TAKEN_IN_APP", params: qboIssueParams(importing.get(id)!) });
      progress.count(kind, "failed");
    }
    await bulkInsert(tx, auditEvents, importAudits.filter((audit) => !refused.has(audit.entityId)));
    await bulkInsert(tx, auditEvents, await readableHistory(tx, organizationId, kind, history));
    await mappings.upsert(tx, mappingWrites.filter((write) => !refused.has(write.localId)));
    if (kind !== "vendor_credit") await mappings.recordQboBalances(tx, kind, changedQboBalances(mappings.list(kind), qboById));
  });
  await issues.flush(db);
  const outcomes = await writer.writeAll(writes);
  for (const outcome of outcomes) progress.count(kind, outcome.ok ? (counted.get(outcome.request) ?? "updated") : "failed");
  await issues.flush(db);
}

/** The phase's history entries with names and money spelled out; an update nobody could see is left out. */
async function readableHistory(tx: Tx, organizationId: string, kind: TxnKind, entries: PendingHistory[]): Promise<Array<typeof auditEvents.$inferInsert>> {
  if (entries.length === 0) return [];
  const versions = entries.flatMap((e) => [...(e.change ? [e.change.before, e.change.after] : []), ...(e.notKept ? [e.notKept.version] : [])]);
  const names = await loadHistoryNames(tx, organizationId, kind, versions);
  const rows: Array<typeof auditEvents.$inferInsert> = [];
  for (const entry of entries) {
    const changes = entry.change ? txnHistoryChanges(entry.change.before, entry.change.after, names, PARTY_LABEL[kind]) : [];
    if (entry.action === UPDATED_FROM_QBO && changes.length === 0) continue;
    rows.push({
      organizationId,
      actorUserId: null,
      actorKind: "sync",
      entityType: kind,
      entityId: entry.entityId,
      action: entry.action,
      changes,
      ...(entry.notKept ? { snapshot: txnHistorySnapshot(NOT_KEPT_TITLE[entry.notKept.side], entry.notKept.version, names, PARTY_LABEL[kind]) } : {}),
    });
  }
  return rows;
}

import { randomUUID } from "node:crypto";
import { bulkInsert } from "@/lib/db/bulk-insert";
import { and, eq } from "drizzle-orm";
import { customers, vendors } from "@/lib/db/schema";
import {
  appPartyToQboCreate,
  appPartyToQboUpdate,
  findBrokenPartyLinks,
  firstLinkDifferences,
  flatParty,
  isQboDeleted,
  parseQboParty,
  planEntitySync,
  qboDeactivateBody,
  qboPartyToAppFields,
  PARTY_FIELD_LABELS,
  REASONS,
  type AppPartySnapshot,
  type PartyDecision,
  type PartyKind,
  type QboDeletedSnapshot,
  type QboPartySnapshot,
} from "@/lib/sync/core";
import { logger } from "@/lib/log";
import type { RunContext } from "@/lib/sync/engine/context";
import { dropBrokenLinks } from "@/lib/sync/engine/link-repair";
import { loadAppParties, partyColumnsFromQbo, partySnapshot } from "@/lib/sync/engine/app-snapshots";
import type { MappingWrite } from "@/lib/sync/engine/mapping-store";
import { conflictAction, flatChanges, flatSnapshot, recordSyncAudit } from "@/lib/sync/engine/sync-audit";
import type { QboWriter, WriteRequest } from "@/lib/sync/engine/writer";

/** The history entry of a first link whose two sides differed: the crossed-out values are the other side's. */
function linkAction(adopt: "quickbooks" | "ledgerbridge"): string {
  return adopt === "quickbooks"
    ? "linked to QuickBooks: kept the QuickBooks version (Ledgerbridge had the crossed-out values)"
    : "linked to QuickBooks: kept the Ledgerbridge version (QuickBooks had the crossed-out values)";
}

function qboParties(raws: readonly unknown[], deleted: readonly QboDeletedSnapshot[]): Array<QboPartySnapshot | QboDeletedSnapshot> {
  const parsed: Array<QboPartySnapshot | QboDeletedSnapshot> = raws.map((raw) => parseQboParty(raw));
  return [...parsed, ...deleted];
}

/** Vendors and customers, both ways (names sync 2-way whatever the transaction direction). */
export async function syncParties(ctx: RunContext, writer: QboWriter): Promise<void> {
  const { db, organizationId, mappings, source } = ctx;
  const app = {
    vendor: await loadAppParties(db, organizationId, "vendor"),
    customer: await loadAppParties(db, organizationId, "customer"),
  };
  // Links this run's QBO names show to be wrong are dropped first: their records become unlinked.
  for (const kind of ["vendor", "customer"] as const) {
    const records = await source.records(kind === "vendor" ? "Vendor" : "Customer");
    const broken = findBrokenPartyLinks({
      kind,
      appRecords: app[kind],
      qboRecords: qboParties(records.live, records.deleted),
      mappings: mappings.list(kind),
      complete: records.complete,
      deletionsKnown: records.complete && source.deletionsKnown,
    });
    if (broken.length === 0) continue;
    await db.transaction((tx) => dropBrokenLinks(tx, ctx, kind, broken));
    logger().warn("sync: broken QuickBooks links dropped", { runId: ctx.runId, organizationId, kind, links: broken });
  }
  // First-link matching by DisplayName only sees the names it is given: with unlinked app names,
  // read the complete lists even on an incremental run.
  const unlinked = (["vendor", "customer"] as const).some((kind) => app[kind].some((a) => !mappings.get(kind, a.id)));
  if (unlinked) await source.fullLists(["Vendor", "Customer"]);
  const vendorRecords = unlinked ? await source.fullList("Vendor") : await source.records("Vendor");
  const customerRecords = unlinked ? await source.fullList("Customer") : await source.records("Customer");
  const qbo = {
    vendor: qboParties(vendorRecords.live, vendorRecords.deleted),
    customer: qboParties(customerRecords.live, customerRecords.deleted),
  };
  const complete = { vendor: vendorRecords.complete, customer: customerRecords.complete };
  ctx.progress.setPhase("vendors_customers", qbo.vendor.length + qbo.customer.length + app.vendor.length + app.customer.length);

  for (const kind of ["vendor", "customer"] as const) {
    const other = kind === "vendor" ? qbo.customer : qbo.vendor;
    const decisions = planEntitySync({
      kind,
      appRecords: app[kind],
      qboRecords: qbo[kind],
      mappings: mappings.list(kind),
      prefs: ctx.prefs,
      lastSyncAt: ctx.lastSyncAt,
      qboRecordsComplete: complete[kind],
      namesTakenInQbo: other.filter((p): p is QboPartySnapshot => !isQboDeleted(p)).map((p) => p.displayName),
    });
    ctx.observer?.planned(kind, decisions);
    await applyPartyDecisions(ctx, writer, kind, decisions, app[kind]);
    ctx.progress.tick(app[kind].length + qbo[kind].length);
  }
}

function tableOf(kind: PartyKind) {
  return kind === "vendor" ? vendors : customers;
}

async function applyPartyDecisions(
  ctx: RunContext,
  writer: QboWriter,
  kind: PartyKind,
  decisions: readonly PartyDecision[],
  appRecords: readonly AppPartySnapshot[],
): Promise<void> {
  const { db, organizationId, realmId, mappings, issues, progress } = ctx;
  const table = tableOf(kind);
  const entity = kind === "vendor" ? "Vendor" : "Customer";
  const appTable = kind === "vendor" ? "vendors" : "customers";
  const writes: WriteRequest[] = [];
  const counted = new Map<WriteRequest, "created" | "updated">();
  const appById = new Map(appRecords.map((record) => [record.id, record]));

  const pushUpdate = (app: AppPartySnapshot, qboId: string, syncToken: string) => {
    const request: WriteRequest = {
      intentionKey: `${realmId}:${kind}:${app.id}:update:${app.contentHash}:${syncToken}`,
      entity,
      operation: "update",
      body: { ...appPartyToQboUpdate(app, { qboId, syncToken }) },
      confirm: { objectType: kind, localId: app.id, contentHash: app.contentHash, appTable },
      issue: { objectType: kind, localId: app.id, qboId, params: { record: kind, displayName: app.displayName } },
    };
    writes.push(request);
    counted.set(request, "updated");
  };

  await db.transaction(async (tx) => {
    const mappingWrites: MappingWrite[] = [];
    const inserts: Array<typeof vendors.$inferInsert> = [];

    /** Writes the QBO name's fields into its app twin (the app's tax id stays); returns the app record as it now is. */
    const applyFromQbo = async (localId: string, q: QboPartySnapshot, audit: "changes" | "none"): Promise<AppPartySnapshot> => {
      const before = appById.get(localId);
      const columns = partyColumnsFromQbo(kind, qboPartyToAppFields(q));
      await tx
        .update(table)
        .set({ ...columns, qboId: q.id })
        .where(and(eq(table.organizationId, organizationId), eq(table.id, localId)));
      const after = partySnapshot({ id: localId, ...columns, taxId: before?.taxId ?? null });
      mappingWrites.push({ objectType: kind, localId, qboId: q.id, syncToken: q.syncToken, lastUpdatedTime: q.lastUpdatedTime, contentHash: after.contentHash });
      const changes = before && audit === "changes" ? flatChanges(flatParty(before), flatParty(after), PARTY_FIELD_LABELS) : [];
      if (changes.length > 0) await recordSyncAudit(tx, { organizationId, entityType: kind, entityId: localId, action: "updated from QuickBooks", changes });
      progress.count(kind, "updated");
      return after;
    };

    for (const decision of decisions) {
      switch (decision.type) {
        case "noop":
          issues.resolve(kind, decision);
          break;
        case "skip":
          issues.record({ objectType: kind, localId: decision.localId, qboId: decision.qboId, reason: decision.reason, params: decision.params });
          progress.count(kind, REASONS[decision.reason].severity === "failure" ? "failed" : "skipped");
          break;
        case "create-in-qbo":
          {
            const request: WriteRequest = {
              intentionKey: `${realmId}:${kind}:${decision.localId}:create`,
              entity,
              operation: "create",
              body: { ...appPartyToQboCreate(decision.app) },
              confirm: { objectType: kind, localId: decision.localId, contentHash: decision.app.contentHash, appTable },
              issue: { objectType: kind, localId: decision.localId, params: { record: kind, displayName: decision.app.displayName } },
            };
            writes.push(request);
            counted.set(request, "created");
          }
          break;
        case "update-in-qbo":
          pushUpdate(decision.app, decision.qboId, decision.syncToken);
          break;
        case "create-in-app": {
          const columns = partyColumnsFromQbo(kind, qboPartyToAppFields(decision.qbo));
          const id = randomUUID();
          inserts.push({ id, organizationId, ...columns, qboId: decision.qboId });
          const snapshot = partySnapshot({ id, ...columns });
          mappingWrites.push({ objectType: kind, localId: id, qboId: decision.qboId, syncToken: decision.qbo.syncToken, lastUpdatedTime: decision.qbo.lastUpdatedTime, contentHash: snapshot.contentHash });
          issues.resolve(kind, { qboId: decision.qboId });
          progress.count(kind, "created");
          break;
        }
        case "update-in-app":
          await applyFromQbo(decision.localId, decision.qbo, "none");
          issues.resolve(kind, decision);
          break;
        case "link": {
          // Two records that grew apart meet for the first time: the side Master in Case of Conflict
          // names is kept, and history shows what the other side had, field by field.
          const { app, qbo, adopt } = decision;
          const differences = firstLinkDifferences(app, qboPartyToAppFields(qbo));
          if (differences.length > 0) {
            await recordSyncAudit(tx, {
              organizationId,
              entityType: kind,
              entityId: decision.localId,
              action: linkAction(adopt),
              changes: differences.map((d) => ({
                field: d.field,
                label: d.label,
                old: adopt === "quickbooks" ? d.app : d.quickbooks,
                new: adopt === "quickbooks" ? d.quickbooks : d.app,
              })),
            });
          }
          // The tax id is the app's alone; QBO's copy is masked, so one it lacks is sent, one it has is left.
          const taxIdMissingInQbo = Boolean(app.taxId) && !qbo.maskedTaxId;
          if (adopt === "quickbooks") {
            const after = await applyFromQbo(decision.localId, qbo, "none");
            if (taxIdMissingInQbo) pushUpdate(after, decision.qboId, qbo.syncToken);
          } else if (differences.length === 0 && !taxIdMissingInQbo) {
            mappingWrites.push({ objectType: kind, localId: decision.localId, qboId: decision.qboId, syncToken: qbo.syncToken, lastUpdatedTime: qbo.lastUpdatedTime, contentHash: app.contentHash });
          } else pushUpdate(app, decision.qboId, qbo.syncToken);
          issues.resolve(kind, decision);
          break;
        }
        case "conflict": {
          const { resolution, loser } = decision;
          const loserFlat = flatParty(loser.side === "app" ? loser.app : qboPartyToAppFields(loser.qbo));
          const winnerFlat = flatParty(resolution.type === "update-in-app" ? qboPartyToAppFields(resolution.qbo) : resolution.app);
          await recordSyncAudit(tx, {
            organizationId,
            entityType: kind,
            entityId: decision.localId,
            action: conflictAction(decision.winner),
            changes: flatChanges(loserFlat, winnerFlat, PARTY_FIELD_LABELS),
            snapshot: flatSnapshot(loser.side === "app" ? "Ledgerbridge version (not kept)" : "QuickBooks version (not kept)", loserFlat, PARTY_FIELD_LABELS),
          });
          if (resolution.type === "update-in-app") await applyFromQbo(resolution.localId, resolution.qbo, "none");
          else pushUpdate(resolution.app, resolution.qboId, resolution.syncToken);
          break;
        }
        case "delete-in-app":
          // Merged away in QBO: keep the name for history, inactive.
          await tx.update(table).set({ active: false }).where(and(eq(table.organizationId, organizationId), eq(table.id, decision.localId)));
          await recordSyncAudit(tx, { organizationId, entityType: kind, entityId: decision.localId, action: "deactivated: deleted in QuickBooks" });
          {
            // The page then says "Deleted in QuickBooks" and offers no link to the merged-away name.
            const mapping = mappings.get(kind, decision.localId);
            if (mapping) mappingWrites.push({ ...mapping, objectType: kind, qboState: "deleted" });
          }
          progress.count(kind, "updated");
          break;
        case "delete-in-qbo":
          {
            const request: WriteRequest = {
              intentionKey: `${realmId}:${kind}:${decision.localId}:deactivate:${decision.syncToken}`,
              entity,
              operation: "update",
              body: { ...qboDeactivateBody({ qboId: decision.qboId, syncToken: decision.syncToken }) },
              confirm: { objectType: kind, localId: decision.localId, contentHash: mappings.get(kind, decision.localId)?.contentHash ?? "" },
              issue: { objectType: kind, localId: decision.localId, qboId: decision.qboId, params: { record: kind } },
            };
            writes.push(request);
            counted.set(request, "updated");
          }
          break;
      }
    }
    // vendors and customers share their columns.
    await bulkInsert(tx, table as typeof vendors, inserts);
    await mappings.upsert(tx, mappingWrites);
  });
  await issues.flush(db);

  const outcomes = await writer.writeAll(writes);
  for (const outcome of outcomes) progress.count(kind, outcome.ok ? (counted.get(outcome.request) ?? "updated") : "failed");
  await issues.flush(db);
}

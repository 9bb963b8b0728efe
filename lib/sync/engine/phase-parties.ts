import { randomUUID } from "node:crypto";
import { bulkInsert } from "@/lib/db/bulk-insert";
import { and, eq } from "drizzle-orm";
import { customers, vendors } from "@/lib/db/schema";
import {
  appPartyContentHash,
  appPartyToQboCreate,
  appPartyToQboUpdate,
  findBrokenPartyLinks,
  isQboDeleted,
  parseQboParty,
  planEntitySync,
  qboDeactivateBody,
  qboPartyToAppFields,
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
import { loadAppParties, partySnapshot } from "@/lib/sync/engine/app-snapshots";
import type { MappingWrite } from "@/lib/sync/engine/mapping-store";
import { conflictAction, flatChanges, recordSyncAudit } from "@/lib/sync/engine/sync-audit";
import type { QboWriter, WriteRequest } from "@/lib/sync/engine/writer";

const PARTY_LABELS = { displayName: "Name", email: "Email", active: "Active", currency: "Currency" };

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
    await applyPartyDecisions(ctx, writer, kind, decisions);
    ctx.progress.tick(app[kind].length + qbo[kind].length);
  }
}

function tableOf(kind: PartyKind) {
  return kind === "vendor" ? vendors : customers;
}

async function applyPartyDecisions(ctx: RunContext, writer: QboWriter, kind: PartyKind, decisions: readonly PartyDecision[]): Promise<void> {
  const { db, organizationId, realmId, mappings, issues, progress } = ctx;
  const table = tableOf(kind);
  const entity = kind === "vendor" ? "Vendor" : "Customer";
  const appTable = kind === "vendor" ? "vendors" : "customers";
  const writes: WriteRequest[] = [];
  const counted = new Map<WriteRequest, "created" | "updated">();

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

    const applyFromQbo = async (localId: string, q: QboPartySnapshot, before: AppPartySnapshot | undefined) => {
      const fields = qboPartyToAppFields(q);
      await tx
        .update(table)
        .set({ displayName: fields.displayName, email: fields.email ?? null, active: fields.active, currency: fields.currency, qboId: q.id })
        .where(and(eq(table.organizationId, organizationId), eq(table.id, localId)));
      const after = partySnapshot({ id: localId, displayName: fields.displayName, email: fields.email ?? null, active: fields.active, currency: fields.currency });
      mappingWrites.push({ objectType: kind, localId, qboId: q.id, syncToken: q.syncToken, lastUpdatedTime: q.lastUpdatedTime, contentHash: after.contentHash });
      const changes = before ? flatChanges({ ...before }, { ...after }, PARTY_LABELS) : [];
      if (changes.length > 0) await recordSyncAudit(tx, { organizationId, entityType: kind, entityId: localId, action: "updated from QuickBooks", changes });
      progress.count(kind, "updated");
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
          const fields = qboPartyToAppFields(decision.qbo);
          const id = randomUUID();
          inserts.push({ id, organizationId, displayName: fields.displayName, email: fields.email ?? null, active: fields.active, currency: fields.currency, qboId: decision.qboId });
          const snapshot = partySnapshot({ id, displayName: fields.displayName, email: fields.email ?? null, active: fields.active, currency: fields.currency });
          mappingWrites.push({ objectType: kind, localId: id, qboId: decision.qboId, syncToken: decision.qbo.syncToken, lastUpdatedTime: decision.qbo.lastUpdatedTime, contentHash: snapshot.contentHash });
          issues.resolve(kind, { qboId: decision.qboId });
          progress.count(kind, "created");
          break;
        }
        case "update-in-app":
          await applyFromQbo(decision.localId, decision.qbo, undefined);
          issues.resolve(kind, decision);
          break;
        case "link":
          if (decision.adopt === "quickbooks") await applyFromQbo(decision.localId, decision.qbo, decision.app);
          else if (appPartyContentHash(qboPartyToAppFields(decision.qbo)) === decision.app.contentHash) {
            mappingWrites.push({ objectType: kind, localId: decision.localId, qboId: decision.qboId, syncToken: decision.qbo.syncToken, lastUpdatedTime: decision.qbo.lastUpdatedTime, contentHash: decision.app.contentHash });
          } else pushUpdate(decision.app, decision.qboId, decision.qbo.syncToken);
          issues.resolve(kind, decision);
          break;
        case "conflict": {
          const { resolution, loser } = decision;
          const loserFlat = loser.side === "app" ? { ...loser.app } : { ...qboPartyToAppFields(loser.qbo) };
          const winnerFlat = resolution.type === "update-in-app" ? { ...qboPartyToAppFields(resolution.qbo) } : { ...resolution.app };
          await recordSyncAudit(tx, {
            organizationId,
            entityType: kind,
            entityId: decision.localId,
            action: conflictAction(decision.winner),
            changes: flatChanges(loserFlat, winnerFlat, PARTY_LABELS),
          });
          if (resolution.type === "update-in-app") await applyFromQbo(resolution.localId, resolution.qbo, undefined);
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

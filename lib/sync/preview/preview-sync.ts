import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { customers, memberships, qboConnections, syncIssues, syncRuns, vendors } from "@/lib/db/schema";
import { confirmCompanySwitch } from "@/lib/qbo-connection/company-switch";
import { createQboClientFactory } from "@/lib/qbo-connection/client-factory";
import {
  appChangesOf,
  bodyAmountCents,
  conflictOf,
  inboundPaymentChangesOf,
  PREVIEW_NOT_CONNECTED_MESSAGE,
  PREVIEW_SYNC_RUNNING_MESSAGE,
  type PartyNames,
  type PreviewChange,
  type PreviewConflict,
  type PreviewSkip,
  type SyncPreview,
} from "@/lib/sync/core/preview";
import { describeRecord, type InboundPaymentDecision, type SyncDecision } from "@/lib/sync/core";
import { executeSyncRun, findActiveRun, isLiveRun } from "@/lib/sync/engine";
import type { QboClientFactory, SyncObserver } from "@/lib/sync/engine/types";
import type { WriteRequest } from "@/lib/sync/engine/writer";
import { PreviewGateway } from "@/lib/sync/preview/preview-gateway";

/** Thrown inside the preview's transaction to roll back everything the run wrote to the app database. */
class PreviewRollback extends Error {
  override readonly name = "PreviewRollback";
}

type Planned = { kind: string; decisions: ReadonlyArray<SyncDecision<unknown, unknown>> };

function writeChange(request: WriteRequest): PreviewChange {
  const { body, issue } = request;
  const params = issue.params;
  const title =
    params.docNumber ?? params.displayName ?? (typeof body["DocNumber"] === "string" ? body["DocNumber"] : undefined) ?? (typeof body["DisplayName"] === "string" ? body["DisplayName"] : undefined) ??
    (typeof body["Name"] === "string" ? body["Name"] : undefined) ?? describeRecord(params);
  const amountCents = request.operation === "create" || request.operation === "update" ? bodyAmountCents(body) : undefined;
  const qboId = typeof body["Id"] === "string" ? body["Id"] : issue.qboId;
  return {
    objectType: request.confirm.objectType,
    direction: "to_qbo",
    action: request.operation === "create" ? "create" : request.operation === "update" ? "update" : "delete",
    record: {
      title,
      ...(amountCents !== undefined ? { amountCents } : {}),
      ...(params.counterpartyName ? { party: params.counterpartyName } : {}),
      ...(typeof body["TxnDate"] === "string" ? { date: body["TxnDate"] } : {}),
      ...(qboId ? { qboId } : {}),
    },
  };
}

/**
 * Preview sync (dry run): the real engine plans and performs a whole run, with its QuickBooks writes
 * answered in memory (PreviewGateway) and everything it writes to the app database rolled back, so
 * the preview can never drift from what Sync Now does. Reads from QuickBooks are real (queries,
 * CDC) and count against the rate budget. Nothing is written: no run claims the organisation's run
 * lock once the preview returns, and a running sync is never previewed alongside (say so instead).
 */
/** A client factory that may be asked for the company a switch waits on (lib/qbo-connection/client-factory.ts). */
export type PreviewClientFactory = (organizationId: string, options?: { awaitingConfirmation?: boolean }) => ReturnType<QboClientFactory>;

export async function previewSync(
  db: Db,
  input: { organizationId: string; clientFactory?: PreviewClientFactory; now?: () => Date; /** Who previews (a switch's archive names them; rolled back). */ userId?: string },
): Promise<SyncPreview> {
  const { organizationId } = input;
  const now = input.now ?? (() => new Date());
  const generatedAt = now().toISOString();
  const active = await findActiveRun(db, organizationId);
  if (active && isLiveRun(active, now())) return { status: "sync-running", generatedAt, message: PREVIEW_SYNC_RUNNING_MESSAGE };

  // The client (and a token refresh, which is no sync write) comes before the transaction: on the
  // embedded database a second connection inside it would wait for it forever.
  const factory: PreviewClientFactory = input.clientFactory ?? createQboClientFactory(db);
  // A switch of company (or a first sync over existing records) waiting for an admin: the preview
  // reads the new company and shows what "Switch and sync" would do (lib/qbo-connection/company-switch.ts).
  const [stored] = await db.select({ status: qboConnections.status }).from(qboConnections).where(eq(qboConnections.organizationId, organizationId));
  const awaiting = stored?.status === "awaiting_confirmation";
  const connection = await factory(organizationId, { awaitingConfirmation: awaiting });
  if (!connection) return { status: "not-connected", generatedAt, message: PREVIEW_NOT_CONNECTED_MESSAGE };
  try {
    await connection.client.companyInfo();
  } catch {
    // The run inside reports why QuickBooks could not be reached.
  }

  const planned: Planned[] = [];
  const writes: WriteRequest[] = [];
  const inboundPayments: InboundPaymentDecision[] = [];
  const lists: PreviewChange[] = [];
  const observer: SyncObserver = {
    planned: (kind, decisions) => planned.push({ kind, decisions }),
    plannedPayments: (decisions) => inboundPayments.push(...decisions),
    listChanged: (objectType, action, title, qboId) => lists.push({ objectType, direction: "to_app", action, record: { title, qboId } }),
    sending: (requests) => writes.push(...requests),
  };
  let preview: SyncPreview | undefined;
  try {
    await db.transaction(async (tx) => {
      // The confirmation's own steps (old company's links archived, records unlinked), rolled back with the rest.
      if (awaiting) await confirmCompanySwitch(tx, { organizationId, userId: input.userId ?? (await anAdmin(tx, organizationId)) }, async () => ({ runId: "" }));
      const [run] = await tx.insert(syncRuns).values({ organizationId, trigger: "manual", status: "queued" }).onConflictDoNothing().returning({ id: syncRuns.id });
      if (!run) {
        preview = { status: "sync-running", generatedAt, message: PREVIEW_SYNC_RUNNING_MESSAGE };
        throw new PreviewRollback();
      }
      const summary = await executeSyncRun(tx, run.id, {
        clientFactory: async () => connection,
        now,
        preview: { gateway: (client, realmId) => new PreviewGateway(client, realmId), observer },
      });
      const names = await partyNames(tx, organizationId);
      const issues = await tx
        .select()
        .from(syncIssues)
        .where(and(eq(syncIssues.organizationId, organizationId), eq(syncIssues.lastSeenRunId, run.id), isNull(syncIssues.resolvedAt)));
      const skipped: PreviewSkip[] = issues.map((issue) => ({
        objectType: issue.objectType,
        direction: issue.localId ? "to_qbo" : "to_app",
        label: issue.label,
        reasonCode: issue.reasonCode,
        severity: issue.severity,
        detail: issue.detail ?? "",
      }));
      const changes: PreviewChange[] = [...lists];
      const conflicts: PreviewConflict[] = [];
      for (const { decisions } of planned) {
        for (const decision of decisions as Parameters<typeof appChangesOf>[0][]) {
          changes.push(...appChangesOf(decision));
          const conflict = conflictOf(decision, names);
          if (conflict) conflicts.push(conflict);
        }
      }
      changes.push(...inboundPayments.flatMap(inboundPaymentChangesOf));
      changes.push(...writes.map(writeChange));
      preview = {
        status: "ready",
        generatedAt,
        mode: summary.mode,
        counts: summary.counts,
        changes,
        conflicts,
        skipped,
        preferencesMissing: summary.preferencesMissing,
        error: summary.status === "failed" ? summary.error : null,
        apiCalls: summary.apiCalls,
      };
      throw new PreviewRollback();
    });
  } catch (error) {
    if (!(error instanceof PreviewRollback)) throw error;
  }
  if (!preview) throw new Error("Preview sync finished without a result");
  return preview;
}

async function partyNames(db: Db, organizationId: string): Promise<PartyNames> {
  const [vendorRows, customerRows] = [
    await db.select({ id: vendors.id, name: vendors.displayName }).from(vendors).where(eq(vendors.organizationId, organizationId)),
    await db.select({ id: customers.id, name: customers.displayName }).from(customers).where(eq(customers.organizationId, organizationId)),
  ];
  const byKind = { vendor: new Map(vendorRows.map((r) => [r.id, r.name])), customer: new Map(customerRows.map((r) => [r.id, r.name])) };
  return (kind, id) => byKind[kind].get(id);
}

async function anAdmin(db: Db, organizationId: string): Promise<string> {
  const [admin] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "admin")))
    .limit(1);
  if (!admin) throw new Error("An organisation without an admin cannot switch company");
  return admin.userId;
}

import { and, desc, eq, ne } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { qboConnections, syncRuns, syncState } from "@/lib/db/schema";
import { chooseSyncWindow, missingSyncPreferences } from "@/lib/sync/core";
import { getSyncPreferences } from "@/lib/sync/preferences";
import { ensureClearingAccounts } from "@/lib/sync/engine/clearing-accounts";
import { SyncStopError, type RunContext } from "@/lib/sync/engine/context";
import { QboGateway } from "@/lib/sync/engine/gateway";
import { countOpenIssues, IssueStore } from "@/lib/sync/engine/issue-store";
import { MappingStore } from "@/lib/sync/engine/mapping-store";
import { syncFundsTransfers } from "@/lib/sync/engine/phase-funds-transfers";
import { syncParties } from "@/lib/sync/engine/phase-parties";
import { syncPayments } from "@/lib/sync/engine/phase-payments";
import { syncCreditUnapplications } from "@/lib/sync/engine/phase-credit-unapply";
import { REFERENCE_ENTITIES, syncReferenceData } from "@/lib/sync/engine/phase-reference";
import { syncTransactions } from "@/lib/sync/engine/phase-transactions";
import { RunProgress, RunTakenOverError } from "@/lib/sync/engine/progress";
import { QboSource } from "@/lib/sync/engine/qbo-source";
import { claimRun } from "@/lib/sync/engine/run-lock";
import { describeFailure, type SyncFailure } from "@/lib/sync/engine/describe-failure";
import type { ExecuteSyncOptions, SyncRunSummary } from "@/lib/sync/engine/types";
import { QboWriter } from "@/lib/sync/engine/writer";
import { logger } from "@/lib/log";
import { awaitingConfirmationMessage } from "@/lib/qbo-connection/company-switch";

const AUTO_SYNC_AFTER_MS = 24 * 60 * 60_000;

/** The organisation's run before this one stopped without finishing (it failed, or its process died). */
async function previousRunUnfinished(db: Db, organizationId: string, runId: string): Promise<boolean> {
  const [previous] = await db
    .select({ status: syncRuns.status })
    .from(syncRuns)
    .where(and(eq(syncRuns.organizationId, organizationId), ne(syncRuns.id, runId)))
    .orderBy(desc(syncRuns.createdAt))
    .limit(1);
  return previous?.status === "failed" || previous?.status === "interrupted";
}

/**
 * Runs one claimed sync: connection check, reference data, vendors and customers, bills and
 * invoices, vendor credits, payments, funds transfers. The core decides; this does the reading,
 * writing and recording, keeping the run row's progress fresh for the UI.
 */
export async function executeSyncRun(db: Db, runId: string, options: ExecuteSyncOptions): Promise<SyncRunSummary> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const run = await claimRun(db, runId, startedAt, options.jobId);
  if (!run) throw new Error(`Sync run ${runId} is not waiting to run (it is finished or running elsewhere)`);
  const organizationId = run.organizationId;

  let gateway: QboGateway | undefined;
  let progress: RunProgress | undefined;
  let mode: "full" | "incremental" | null = null;
  let preferencesMissing: string[] = [];
  let failure: SyncFailure | null = null;
  let prefsReady = false;
  let takenOver = false;
  const issues = new IssueStore(organizationId, runId);
  /** Writes progress (the heartbeat) and stops the run if another process reclaimed it meanwhile. */
  const heartbeat = async () => {
    await progress?.flush();
    progress?.ensureOwned();
  };

  try {
    // A switch of company (or a first sync over existing records) waits for an admin: touch neither company.
    const [stored] = await db
      .select({ status: qboConnections.status, companyName: qboConnections.companyName, realmId: qboConnections.realmId })
      .from(qboConnections)
      .where(eq(qboConnections.organizationId, organizationId));
    if (stored?.status === "awaiting_confirmation") throw new SyncStopError(awaitingConfirmationMessage(stored.companyName, stored.realmId));
    const connection = await options.clientFactory(organizationId);
    if (!connection) throw new SyncStopError("QuickBooks is not connected. An admin can connect it in Settings → Sync.");
    const qbo = options.preview ? options.preview.gateway(connection.client, connection.realmId) : new QboGateway(connection.client, connection.realmId);
    gateway = qbo;
    progress = new RunProgress(db, runId, () => qbo.calls, now, options.onProgress);
    progress.start();
    // The connection check is one call; a no-change incremental sync is then just the CDC read.
    progress.setPhase("connection", 1);
    await qbo.companyInfo();
    progress.tick();

    const prefs = await getSyncPreferences(db, organizationId);
    preferencesMissing = missingSyncPreferences(prefs);
    prefsReady = preferencesMissing.length === 0;
    const [state] = await db.select().from(syncState).where(eq(syncState.organizationId, organizationId));
    const window = chooseSyncWindow({ now: startedAt, ...(state?.lastSuccessfulSyncAt ? { lastSuccessfulSyncAt: state.lastSuccessfulSyncAt } : {}) });
    mode = window.mode === "full" ? "full" : "incremental";
    await db.update(syncRuns).set({ mode }).where(eq(syncRuns.id, runId));

    const ctx: RunContext = {
      db,
      organizationId,
      runId,
      realmId: connection.realmId,
      gateway: qbo,
      source: new QboSource(qbo, window),
      mappings: await MappingStore.load(db, organizationId, connection.realmId),
      issues,
      progress,
      prefs,
      prefsReady,
      lastSyncAt: state?.lastSuccessfulSyncAt?.toISOString(),
      now,
      afterWrite: options.afterWrite,
      observer: options.preview?.observer,
    };
    await issues.loadOpenKeys(db);
    const writer = new QboWriter(ctx);
    // Writes a crashed run left unconfirmed come first: the plan below must see their mappings.
    const recovered = await writer.recoverPending();
    // A crash may have left links QBO does not back: after one, this run checks every link.
    if (recovered > 0 || (await previousRunUnfinished(db, organizationId, runId))) ctx.source.verifyAllLinks();

    // A full run asks for everything it will need at once, in a few batch requests rather than page by page.
    ctx.source.prefetch([
      ...REFERENCE_ENTITIES,
      "Vendor",
      "Customer",
      ...(prefsReady ? (["Bill", "Invoice", "VendorCredit"] as const) : []),
      ...(prefsReady && prefs.twoWayPaymentSync ? (["BillPayment", "Payment"] as const) : []),
    ]);
    await syncReferenceData(ctx);
    await heartbeat();
    if (prefsReady) await ensureClearingAccounts(ctx, writer);
    await syncParties(ctx, writer);
    await heartbeat();
    if (prefsReady) {
      issues.resolveKey(`sync_preferences:app:${organizationId}`);
      // Before bills and credits: a voided bill or credit can only be deleted in QBO once nothing links it.
      await syncCreditUnapplications(ctx, writer);
      await syncTransactions(ctx, writer, ["bill", "invoice"]);
      await heartbeat();
      await syncTransactions(ctx, writer, ["vendor_credit"]);
      await heartbeat();
      await syncPayments(ctx, writer);
      await heartbeat();
      await syncFundsTransfers(ctx, writer);
    } else {
      // Nothing comes from (or goes to) QBO for transactions until the preferences are set.
      issues.record({ objectType: "sync_preferences", localId: organizationId, reason: "PREFERENCES_MISSING", params: { record: "record", missing: preferencesMissing } });
    }
    progress.setPhase("finish", 1);
    await issues.flush(db);
  } catch (error) {
    if (error instanceof RunTakenOverError) takenOver = true;
    failure = describeFailure(error);
    if (takenOver) logger().warn("sync run stopped: another process reclaimed it", { runId, organizationId });
    else if (failure.ref) logger().error("sync run failed", { runId, organizationId, ref: failure.ref, error });
    try {
      await issues.flush(db);
    } catch {
      // The run is failing anyway; the issues of this run are re-found next time.
    }
  } finally {
    progress?.stop();
    await progress?.flush();
  }

  const finishedAt = now();
  const counts = progress?.counts ?? {};
  if (takenOver || progress?.wasTakenOver) return interruptedSummary();
  const anyTrouble = Object.values(counts).some((c) => c.failed > 0 || c.skipped > 0) || preferencesMissing.length > 0;
  const status = failure ? "failed" : anyTrouble ? "partial" : "succeeded";
  const error = failure?.message ?? (preferencesMissing.length > 0 ? `Sync preferences are not set (${preferencesMissing.join(", ")}): no bills or invoices synced.` : null);
  const recorded = await db
    .update(syncRuns)
    .set({
      status,
      phase: "finish",
      percent: failure ? (progress?.snapshot().percent ?? 0) : 100,
      counts,
      apiCalls: gateway?.calls ?? 0,
      error,
      finishedAt,
      heartbeatAt: finishedAt,
    })
    .where(and(eq(syncRuns.id, runId), eq(syncRuns.status, "running")))
    .returning({ id: syncRuns.id });
  // Reclaimed by another process after its last heartbeat: that one's outcome stands.
  if (recorded.length === 0) return interruptedSummary();

  if (failure?.needsReconnect) {
    await db.update(qboConnections).set({ status: "needs_reconnect", statusReason: failure.message }).where(eq(qboConnections.organizationId, organizationId));
  }
  const prefs = await getSyncPreferences(db, organizationId);
  const stateUpdate = {
    lastSyncAt: finishedAt,
    nextAutoSyncAt: prefs.syncAutomatically ? new Date(finishedAt.getTime() + AUTO_SYNC_AFTER_MS) : null,
    // CDC windows start at the beginning of the last good run (changes made during it are re-read);
    // a run that could not look at transactions (preferences missing) does not count.
    ...(status !== "failed" && prefsReady ? { lastSuccessfulSyncAt: startedAt } : {}),
  };
  await db
    .insert(syncState)
    .values({ organizationId, ...stateUpdate })
    .onConflictDoUpdate({ target: syncState.organizationId, set: stateUpdate });

  function interruptedSummary(): SyncRunSummary {
    return { runId, organizationId, status: "interrupted", mode, counts, apiCalls: gateway?.calls ?? 0, openIssues: 0, preferencesMissing, error: null, startedAt, finishedAt, durationMs: finishedAt.getTime() - startedAt.getTime() };
  }

  return {
    runId,
    organizationId,
    status,
    mode,
    counts,
    apiCalls: gateway?.calls ?? 0,
    openIssues: await countOpenIssues(db, organizationId),
    preferencesMissing,
    error,
    startedAt,
    finishedAt,
    durationMs: finishedAt.getTime() - startedAt.getTime(),
  };
}

import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { qboConnections, qboListPulls } from "@/lib/db/schema";
import { logger } from "@/lib/log";
import { chooseSyncWindow } from "@/lib/sync/core";
import { getSyncPreferences } from "@/lib/sync/preferences";
import { SyncStopError, type RunContext } from "@/lib/sync/engine/context";
import { describeFailure } from "@/lib/sync/engine/describe-failure";
import { QboGateway } from "@/lib/sync/engine/gateway";
import { IssueStore } from "@/lib/sync/engine/issue-store";
import { MappingStore } from "@/lib/sync/engine/mapping-store";
import { REFERENCE_ENTITIES, syncReferenceData } from "@/lib/sync/engine/phase-reference";
import { RunProgress } from "@/lib/sync/engine/progress";
import { QboSource } from "@/lib/sync/engine/qbo-source";
import { findActiveRun } from "@/lib/sync/engine/run-lock";
import type { QboClientFactory } from "@/lib/sync/engine/types";

export type ListPullStatus = typeof qboListPulls.$inferSelect;

/** The latest pull of the chart of accounts and lists (null: never pulled, e.g. not connected yet). */
export async function listPullStatus(db: Db, organizationId: string): Promise<ListPullStatus | null> {
  const [row] = await db.select().from(qboListPulls).where(eq(qboListPulls.organizationId, organizationId));
  return row ?? null;
}

async function record(db: Db, organizationId: string, values: Omit<ListPullStatus, "organizationId">): Promise<void> {
  await db
    .insert(qboListPulls)
    .values({ organizationId, ...values })
    .onConflictDoUpdate({ target: qboListPulls.organizationId, set: values });
}

/**
 * Right after Connect: the chart of accounts, items, classes, locations (Department) and terms come
 * from QuickBooks, so Preferences can be chosen before the first sync. Only the reference-data
 * phase of a sync runs (QBO → app, the same matching by mapping, QBO id, then name), so the first
 * sync links the same rows. It is no sync run: no vendors, customers or transactions move, nothing
 * is written to QBO, and the "last successful sync" stays unset (the first sync reads everything).
 * Never throws: the outcome is recorded for the pickers, which offer Retry after a failure.
 */
export async function pullReferenceLists(
  db: Db,
  organizationId: string,
  clientFactory: QboClientFactory,
  now: () => Date = () => new Date(),
): Promise<{ status: "done" | "failed" | "skipped"; error?: string }> {
  const startedAt = now();
  let realmId = "";
  try {
    // A sync in progress reads these lists itself; two writers of one list would race on its rows.
    if (await findActiveRun(db, organizationId)) return { status: "skipped" };
    // Nothing comes from a company the organisation has not yet confirmed switching to.
    const [stored] = await db.select({ status: qboConnections.status }).from(qboConnections).where(eq(qboConnections.organizationId, organizationId));
    if (stored?.status === "awaiting_confirmation") return { status: "skipped" };
    const connection = await clientFactory(organizationId);
    if (!connection) throw new SyncStopError("QuickBooks is not connected. An admin can connect it in Settings → Sync → Setup.");
    realmId = connection.realmId;
    await record(db, organizationId, { realmId, status: "running", error: null, startedAt, finishedAt: null });
    const gateway = new QboGateway(connection.client, connection.realmId);
    const prefs = await getSyncPreferences(db, organizationId);
    const runId = `list-pull:${organizationId}`;
    const source = new QboSource(gateway, chooseSyncWindow({ now: startedAt }));
    source.prefetch(REFERENCE_ENTITIES);
    const ctx: RunContext = {
      db,
      organizationId,
      runId,
      realmId,
      gateway,
      source,
      mappings: await MappingStore.load(db, organizationId, realmId),
      issues: new IssueStore(organizationId, runId),
      // Counts only: never started or flushed, since there is no run row to write progress to.
      progress: new RunProgress(db, runId, () => gateway.calls, now),
      prefs,
      prefsReady: false,
      lastSyncAt: undefined,
      now,
      afterWrite: undefined,
    };
    await syncReferenceData(ctx);
    await record(db, organizationId, { realmId, status: "done", error: null, startedAt, finishedAt: now() });
    return { status: "done" };
  } catch (error) {
    const described = describeFailure(error);
    // describeFailure speaks of "the sync"; this is no sync, so an unexpected error says what stopped.
    const failure = described.ref
      ? { ...described, message: `Something went wrong while bringing in the accounts and lists from QuickBooks (ref ${described.ref}). Try again; quote the reference if it keeps happening.` }
      : described;
    if (failure.ref) logger().error("pulling accounts and lists failed", { organizationId, ref: failure.ref, error });
    try {
      await record(db, organizationId, { realmId, status: "failed", error: failure.message, startedAt, finishedAt: now() });
    } catch (recordError) {
      logger().error("recording a failed list pull failed", { organizationId, error: recordError });
    }
    return { status: "failed", error: failure.message };
  }
}

/**
 * Marks the pull as under way before the person lands on Preferences (so the pickers say "bringing
 * in…" rather than "nothing yet"); the pull itself runs after the response. Never throws.
 */
export async function markListPullStarting(db: Db, organizationId: string, realmId: string, now: Date = new Date()): Promise<void> {
  try {
    await record(db, organizationId, { realmId, status: "running", error: null, startedAt: now, finishedAt: null });
  } catch (error) {
    logger().error("recording a list pull failed", { organizationId, error });
  }
}

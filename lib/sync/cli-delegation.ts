/**
 * How `npm run sync` asks the running app to sync when the app holds the embedded database
 * (lib/db/data-dir-lock.ts): POST starts (or joins) the organisation's run, GET ?run=<id> follows it,
 * with the finished run's summary once it ends; GET ?preview=1 answers a preview of the next sync
 * (`--dry-run`, nothing written). The caller proves it may read the lock file (mode
 * 0600, its owner only) by sending the lock's token; without a lock (PostgreSQL) there is no such route.
 * The CLI acts for the machine's operator, as it does when it opens the database itself.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/connection";
import { organizations, syncRuns } from "@/lib/db/schema";
import { logWithReference } from "@/lib/error-reference";
import { UserFacingError } from "@/lib/forms/action-result";
import { isRecordId } from "@/lib/forms/record-id";
import { logger } from "@/lib/log";
import { missingSyncPreferences } from "@/lib/sync/core";
import { countOpenIssues } from "@/lib/sync/engine/issue-store";
import type { SyncRunRow } from "@/lib/sync/engine/run-lock";
import type { SyncRunSummary, SyncTrigger } from "@/lib/sync/engine/types";
import { getSyncPreferences } from "@/lib/sync/preferences";
import type { SyncPreview } from "@/lib/sync/core/preview";

export function localSyncPath(orgSlug: string): string {
  return `/api/orgs/${encodeURIComponent(orgSlug)}/sync/cli`;
}

export type LocalSyncDeps = {
  db: Db;
  /** The token of the lock this process holds; null when it holds none. */
  lockToken: string | null;
  startSync: (db: Db, input: { organizationId: string; trigger: SyncTrigger }) => Promise<{ runId: string; joined: boolean }>;
  /** `--dry-run`: the preview of the organisation's next sync (lib/sync/preview), nothing written. */
  preview: (db: Db, input: { organizationId: string }) => Promise<SyncPreview>;
};

export type LocalSyncPreview = { organizationName: string; preview: SyncPreview };

export type LocalSyncStarted = { runId: string; joined: boolean; organizationName: string };
export type LocalSyncRunView = {
  runId: string;
  status: SyncRunRow["status"];
  phase: string | null;
  percent: number;
  /** Once the run has ended: what `executeSyncRun` returned to the process that ran it. */
  summary: SyncRunSummary | null;
};

const slugSchema = z.string().regex(/^[a-z0-9-]{1,60}$/);

function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

function sameSecret(given: string, expected: string): boolean {
  // Hash both so the comparison takes the same time whatever the lengths.
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function bearerToken(request: Request): string | null {
  const match = /^Bearer (\S+)$/.exec(request.headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

/** The summary of a run that has ended, as the process that ran it printed it. */
export async function finishedRunSummary(db: Db, run: SyncRunRow): Promise<SyncRunSummary> {
  const startedAt = run.startedAt ?? run.createdAt;
  const finishedAt = run.finishedAt ?? new Date();
  const status = run.status === "queued" || run.status === "running" ? "interrupted" : run.status;
  return {
    runId: run.id,
    organizationId: run.organizationId,
    status,
    mode: run.mode,
    counts: run.counts,
    apiCalls: run.apiCalls,
    openIssues: status === "interrupted" ? 0 : await countOpenIssues(db, run.organizationId),
    preferencesMissing: missingSyncPreferences(await getSyncPreferences(db, run.organizationId)),
    error: run.error,
    startedAt,
    finishedAt,
    durationMs: finishedAt.getTime() - startedAt.getTime(),
  };
}

export async function handleLocalSyncRequest(request: Request, orgSlug: unknown, deps: LocalSyncDeps): Promise<Response> {
  if (!deps.lockToken) return json({ error: "not_found" }, 404);
  const token = bearerToken(request);
  if (!token || !sameSecret(token, deps.lockToken)) return json({ error: "unauthenticated" }, 401);
  const slug = slugSchema.safeParse(orgSlug);
  const [org] = slug.success
    ? await deps.db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.slug, slug.data))
    : [];
  if (!org) return json({ error: `No organisation with the slug "${String(orgSlug)}".` }, 404);

  try {
    if (request.method === "POST") {
      const { runId, joined } = await deps.startSync(deps.db, { organizationId: org.id, trigger: "cli" });
      return json({ runId, joined, organizationName: org.name } satisfies LocalSyncStarted);
    }
    const search = new URL(request.url).searchParams;
    if (search.get("preview") === "1") {
      return json({ organizationName: org.name, preview: await deps.preview(deps.db, { organizationId: org.id }) } satisfies LocalSyncPreview);
    }
    const runId = search.get("run");
    const [run] = isRecordId(runId)
      ? await deps.db.select().from(syncRuns).where(and(eq(syncRuns.id, runId), eq(syncRuns.organizationId, org.id)))
      : [];
    if (!run) return json({ error: "No such sync run." }, 404);
    const ended = run.status !== "queued" && run.status !== "running";
    return json({
      runId: run.id,
      status: run.status,
      phase: run.phase,
      percent: run.percent,
      summary: ended ? await finishedRunSummary(deps.db, run) : null,
    } satisfies LocalSyncRunView);
  } catch (error) {
    if (error instanceof UserFacingError) return json({ error: error.message }, 409);
    const ref = logWithReference(logger(), "local sync request failed", error, { org: slug.data });
    return json({ error: `Something went wrong (ref ${ref}).` }, 500);
  }
}

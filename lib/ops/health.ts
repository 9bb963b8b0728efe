import { desc, eq, sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/lib/db/connection";
import { organizations, syncRuns } from "@/lib/db/schema";
import { syncQueueCounts } from "./queue-counts";

export type CompanyHealth = {
  organization: string;
  lastRun: { status: string; trigger: string; createdAt: string; finishedAt: string | null } | null;
};

export type Health = {
  status: "ok" | "degraded";
  database: { ok: boolean; latencyMs: number | null };
  queue: { ok: boolean; queued: number | null; active: number | null; failed: number | null };
  /** Only for operators (OPS_TOKEN): names organisations and their sync state. */
  companies?: CompanyHealth[];
};

/** A check that hangs must not hang the health endpoint: it fails after this long. */
export const HEALTH_CHECK_TIMEOUT_MS = 5_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The latest run of every organisation (organisations that never synced have none). */
export async function lastRunPerCompany(handle: Pick<DatabaseHandle, "db">): Promise<CompanyHealth[]> {
  const latest = handle.db
    .selectDistinctOn([syncRuns.organizationId], {
      organizationId: syncRuns.organizationId,
      status: syncRuns.status,
      trigger: syncRuns.trigger,
      createdAt: syncRuns.createdAt,
      finishedAt: syncRuns.finishedAt,
    })
    .from(syncRuns)
    .orderBy(syncRuns.organizationId, desc(syncRuns.createdAt))
    .as("latest");
  const rows = await handle.db
    .select({
      slug: organizations.slug,
      status: latest.status,
      trigger: latest.trigger,
      createdAt: latest.createdAt,
      finishedAt: latest.finishedAt,
    })
    .from(organizations)
    .leftJoin(latest, eq(latest.organizationId, organizations.id))
    .orderBy(sql`${latest.createdAt} desc nulls last`, organizations.slug);
  return rows.map((r) => ({
    organization: r.slug,
    lastRun:
      r.status && r.trigger && r.createdAt
        ? { status: r.status, trigger: r.trigger, createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null }
        : null,
  }));
}

/**
 * Liveness for load balancers and monitors: can the database answer, can the sync queue be read.
 * Per-company detail is for operators only (the caller decides, see ops-token.ts).
 */
export async function checkHealth(
  connect: () => Promise<Pick<DatabaseHandle, "db" | "query">>,
  options: { includeCompanies?: boolean; timeoutMs?: number; clock?: () => number } = {},
): Promise<Health> {
  const clock = options.clock ?? (() => performance.now());
  const timeoutMs = options.timeoutMs ?? HEALTH_CHECK_TIMEOUT_MS;
  const health: Health = {
    status: "degraded",
    database: { ok: false, latencyMs: null },
    queue: { ok: false, queued: null, active: null, failed: null },
  };
  let handle: Pick<DatabaseHandle, "db" | "query">;
  try {
    const started = clock();
    handle = await withTimeout(connect(), timeoutMs);
    await withTimeout(handle.query("select 1"), timeoutMs);
    health.database = { ok: true, latencyMs: Math.round((clock() - started) * 10) / 10 };
  } catch {
    return health;
  }
  try {
    health.queue = { ok: true, ...(await withTimeout(syncQueueCounts(handle), timeoutMs)) };
  } catch {
    // No queue schema (no worker ever started) or the queue is unreadable: degraded, counts unknown.
  }
  if (options.includeCompanies) {
    try {
      health.companies = await withTimeout(lastRunPerCompany(handle), timeoutMs);
    } catch {
      health.companies = [];
    }
  }
  health.status = health.database.ok && health.queue.ok ? "ok" : "degraded";
  return health;
}

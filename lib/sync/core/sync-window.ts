/**
 * Full pull or change data capture (CDC)?
 *
 * QBO's CDC looks back at most 30 days. We switch to a full pull when the last successful sync is
 * older than 29.5 days: the half-day margin absorbs clock skew between us and Intuit and the time
 * the sync itself takes before the CDC request is sent, so we never ask for a window QBO rejects
 * or silently truncates. CDC starts a little before the last successful sync (OVERLAP) because
 * QBO stamps LastUpdatedTime when a write starts, so a change committed during our last sync can
 * carry an earlier time than that sync's start; re-reading a few minutes twice is harmless (the
 * planner sees unchanged SyncTokens).
 */

import { isLaterQboTime, qboInstant } from "@/lib/sync/core/qbo-time";

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export const CDC_MAX_LOOKBACK_MS = 30 * DAY_MS;
export const FULL_SYNC_AFTER_MS = 29.5 * DAY_MS;
export const CDC_OVERLAP_MS = 5 * MINUTE_MS;
export const CDC_MAX_OBJECTS = 1000;

export type SyncWindow =
  | { mode: "full"; why: "first-sync" | "older-than-cdc-window" }
  | { mode: "cdc"; changedSince: string };

export function chooseSyncWindow(input: {
  /** Now, passed in (the core reads no clock). */
  now: Date;
  /** When the last successful sync started, if any. */
  lastSuccessfulSyncAt?: Date;
  overlapMs?: number;
}): SyncWindow {
  const { now, lastSuccessfulSyncAt } = input;
  const overlapMs = input.overlapMs ?? CDC_OVERLAP_MS;
  if (!lastSuccessfulSyncAt) return { mode: "full", why: "first-sync" };
  // A "last sync" in the future (clock skew) counts as now.
  const last = Math.min(lastSuccessfulSyncAt.getTime(), now.getTime());
  if (now.getTime() - last > FULL_SYNC_AFTER_MS) return { mode: "full", why: "older-than-cdc-window" };
  // At most 29.5 days + the overlap back: still inside QBO's 30 days.
  return { mode: "cdc", changedSince: new Date(last - overlapMs).toISOString() };
}

export interface CdcRequest {
  entities: string[];
  changedSince: string;
}

/** What one CDC response held per entity. */
export interface CdcEntityResult {
  entity: string;
  count: number;
  /** Greatest MetaData.LastUpdatedTime among the returned objects. */
  maxLastUpdatedTime?: string;
}

export interface CdcFollowUp {
  /** True when the response was under the cap: nothing more to fetch for this request. */
  complete: boolean;
  /** Further CDC requests to send (results merge by Id, newest LastUpdatedTime wins). */
  requests: CdcRequest[];
  /** Entities CDC cannot page through (1,000 changes at one instant): query them in full instead. */
  fullQueryEntities: string[];
}

/**
 * A CDC response that reached the 1,000-object cap may be missing changes. CDC takes only a start
 * time, so we narrow it two ways: several entities → split the entity list in halves (same start);
 * one entity → move the start up to the newest LastUpdatedTime received (its objects are ordered by
 * it), keeping what we got. If the start cannot move (all at one instant), fall back to a full query.
 */
export function splitCdcWindow(request: CdcRequest, results: readonly CdcEntityResult[], cap = CDC_MAX_OBJECTS): CdcFollowUp {
  const total = results.reduce((sum, result) => sum + result.count, 0);
  if (total < cap) return { complete: true, requests: [], fullQueryEntities: [] };
  if (request.entities.length > 1) {
    const middle = Math.ceil(request.entities.length / 2);
    return {
      complete: false,
      requests: [
        { entities: request.entities.slice(0, middle), changedSince: request.changedSince },
        { entities: request.entities.slice(middle), changedSince: request.changedSince },
      ],
      fullQueryEntities: [],
    };
  }
  const entity = request.entities[0];
  if (entity === undefined) return { complete: true, requests: [], fullQueryEntities: [] };
  const newest = results.find((result) => result.entity === entity)?.maxLastUpdatedTime;
  if (newest && isLaterQboTime(newest, request.changedSince)) {
    return { complete: false, requests: [{ entities: [entity], changedSince: new Date(qboInstant(newest)).toISOString() }], fullQueryEntities: [] };
  }
  return { complete: false, requests: [], fullQueryEntities: [entity] };
}

import { describe, expect, it } from "vitest";

import { CDC_MAX_LOOKBACK_MS, CDC_OVERLAP_MS, FULL_SYNC_AFTER_MS, chooseSyncWindow, splitCdcWindow } from "@/lib/sync/core/sync-window";

const now = new Date("2026-11-25T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const DAY = 86_400_000;

describe("chooseSyncWindow", () => {
  it("full pull on the first sync", () => {
    expect(chooseSyncWindow({ now })).toEqual({ mode: "full", why: "first-sync" });
  });

  it("CDC since the last successful sync minus the overlap", () => {
    expect(chooseSyncWindow({ now, lastSuccessfulSyncAt: ago(DAY) })).toEqual({
      mode: "cdc",
      changedSince: new Date(now.getTime() - DAY - CDC_OVERLAP_MS).toISOString(),
    });
    expect(chooseSyncWindow({ now, lastSuccessfulSyncAt: ago(DAY), overlapMs: 0 })).toEqual({ mode: "cdc", changedSince: ago(DAY).toISOString() });
  });

  it("switches to a full pull just past 29.5 days, staying inside QBO's 30", () => {
    const edge = chooseSyncWindow({ now, lastSuccessfulSyncAt: ago(FULL_SYNC_AFTER_MS) });
    expect(edge.mode).toBe("cdc");
    if (edge.mode === "cdc") expect(now.getTime() - Date.parse(edge.changedSince)).toBeLessThan(CDC_MAX_LOOKBACK_MS);
    expect(chooseSyncWindow({ now, lastSuccessfulSyncAt: ago(FULL_SYNC_AFTER_MS + 1) })).toEqual({ mode: "full", why: "older-than-cdc-window" });
    expect(chooseSyncWindow({ now, lastSuccessfulSyncAt: ago(45 * DAY) })).toMatchObject({ mode: "full" });
  });

  it("treats a last sync in the future (clock skew) as now", () => {
    expect(chooseSyncWindow({ now, lastSuccessfulSyncAt: new Date(now.getTime() + DAY) })).toEqual({
      mode: "cdc",
      changedSince: ago(CDC_OVERLAP_MS).toISOString(),
    });
  });
});

describe("splitCdcWindow", () => {
  const request = { entities: ["Bill", "Invoice", "Vendor"], changedSince: "2026-11-20T00:00:00.000Z" };

  it("is complete under the cap", () => {
    expect(splitCdcWindow(request, [{ entity: "Bill", count: 999 }])).toEqual({ complete: true, requests: [], fullQueryEntities: [] });
  });

  it("splits the entity list when several entities hit the cap together", () => {
    expect(splitCdcWindow(request, [{ entity: "Bill", count: 600 }, { entity: "Invoice", count: 400 }])).toEqual({
      complete: false,
      requests: [
        { entities: ["Bill", "Invoice"], changedSince: request.changedSince },
        { entities: ["Vendor"], changedSince: request.changedSince },
      ],
      fullQueryEntities: [],
    });
  });

  it("moves the start forward for a single entity", () => {
    const single = { entities: ["Bill"], changedSince: request.changedSince };
    expect(splitCdcWindow(single, [{ entity: "Bill", count: 1000, maxLastUpdatedTime: "2026-11-21T08:30:00-08:00" }])).toEqual({
      complete: false,
      requests: [{ entities: ["Bill"], changedSince: "2026-11-21T16:30:00.000Z" }],
      fullQueryEntities: [],
    });
  });

  it("falls back to a full query when the start cannot move", () => {
    const single = { entities: ["Bill"], changedSince: request.changedSince };
    expect(splitCdcWindow(single, [{ entity: "Bill", count: 1000, maxLastUpdatedTime: request.changedSince }])).toEqual({
      complete: false,
      requests: [],
      fullQueryEntities: ["Bill"],
    });
    expect(splitCdcWindow(single, [{ entity: "Bill", count: 1000 }]).fullQueryEntities).toEqual(["Bill"]);
  });

  it("honours a custom cap", () => {
    expect(splitCdcWindow(request, [{ entity: "Bill", count: 10 }], 10).complete).toBe(false);
  });
});

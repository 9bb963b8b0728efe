import { describe, expect, it } from "vitest";
import { AUTO_SYNC_INTERVAL_MS, dueForAutoSync, nextAutoSyncAt, type AutoSyncCandidate } from "./auto-sync";

const now = new Date("2026-11-25T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const org = (over: Partial<AutoSyncCandidate>): AutoSyncCandidate => ({
  organizationId: "o",
  syncAutomatically: true,
  connected: true,
  lastSyncAt: null,
  nextAutoSyncAt: null,
  hasActiveRun: false,
  ...over,
});

describe("automatic sync due time", () => {
  it("is 24 hours after the most recent sync", () => {
    expect(nextAutoSyncAt(org({ lastSyncAt: hoursAgo(1) }))?.getTime()).toBe(hoursAgo(1).getTime() + AUTO_SYNC_INTERVAL_MS);
    expect(dueForAutoSync([org({ organizationId: "a", lastSyncAt: hoursAgo(23) }), org({ organizationId: "b", lastSyncAt: hoursAgo(25) })], now)).toEqual(["b"]);
  });
  it("follows an explicit next time when the engine set one", () => {
    expect(dueForAutoSync([org({ lastSyncAt: hoursAgo(30), nextAutoSyncAt: new Date(now.getTime() + 60_000) })], now)).toEqual([]);
    expect(dueForAutoSync([org({ nextAutoSyncAt: now })], now)).toEqual(["o"]);
  });
  it("never runs when off, disconnected, never synced, or already running", () => {
    expect(nextAutoSyncAt(org({ syncAutomatically: false, lastSyncAt: hoursAgo(48) }))).toBeNull();
    // After Disconnect no automatic sync will run, so none is announced.
    expect(nextAutoSyncAt(org({ connected: false, lastSyncAt: hoursAgo(1) }))).toBeNull();
    expect(nextAutoSyncAt(org({ connected: false, nextAutoSyncAt: now }))).toBeNull();
    const due = dueForAutoSync(
      [
        org({ organizationId: "off", syncAutomatically: false, lastSyncAt: hoursAgo(48) }),
        org({ organizationId: "disc", connected: false, lastSyncAt: hoursAgo(48) }),
        org({ organizationId: "never" }),
        org({ organizationId: "busy", hasActiveRun: true, lastSyncAt: hoursAgo(48) }),
      ],
      now,
    );
    expect(due).toEqual([]);
  });
});

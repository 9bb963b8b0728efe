import { describe, expect, it } from "vitest";
import { toSyncStatusView } from "./status-view";
import { LEGACY_RAW_ERROR_TEXT, runErrorText } from "./run-error-text";

describe("runErrorText (runs recorded before errors had references)", () => {
  it("hides the raw error an older run stored, keeps every message written for people", () => {
    const legacy = 'The sync stopped unexpectedly: Failed query: insert into "sync_issues" values ($1)\nparams: ann@example.com';
    expect(runErrorText(legacy)).toBe(LEGACY_RAW_ERROR_TEXT);
    const current = "The sync stopped unexpectedly (ref 7F3K-9QZ2). Nothing was lost; try again, and quote the reference if it keeps happening.";
    expect(runErrorText(current)).toBe(current);
    expect(runErrorText("QuickBooks is not connected.")).toBe("QuickBooks is not connected.");
    expect(runErrorText(null)).toBeNull();
  });

  it("is what the status API answers", () => {
    const view = toSyncStatusView({
      connection: "connected",
      preferencesMissing: [],
      activeRun: null,
      lastRun: { id: "r1", status: "failed", finishedAt: null, startedAt: null, error: "The sync stopped unexpectedly: Failed query: select 1\nparams: x", counts: {} },
      openIssues: 0,
      nextAutoSyncAt: null,
    } as unknown as Parameters<typeof toSyncStatusView>[0]);
    expect(view.lastRun?.error).toBe(LEGACY_RAW_ERROR_TEXT);
  });
});

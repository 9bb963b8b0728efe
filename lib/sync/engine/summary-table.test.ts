import { describe, expect, it } from "vitest";
import { formatSyncSummary } from "@/lib/sync/engine/summary-table";
import type { SyncRunSummary } from "@/lib/sync/engine/types";

const base: SyncRunSummary = {
  runId: "r",
  organizationId: "o",
  status: "partial",
  mode: "full",
  counts: { invoice: { created: 3, updated: 0, skipped: 2, failed: 0 }, bill: { created: 10, updated: 1, skipped: 4, failed: 1 } },
  apiCalls: 12,
  openIssues: 7,
  preferencesMissing: [],
  error: null,
  startedAt: new Date(0),
  finishedAt: new Date(2500),
  durationMs: 2500,
};

describe("formatSyncSummary", () => {
  it("lists object types in a fixed order with aligned counts and the run's facts", () => {
    const text = formatSyncSummary(base);
    const lines = text.split("\n");
    expect(lines[0]).toBe("Object    Created  Updated  Skipped  Failed");
    expect(lines[2]).toBe("Bills          10        1        4       1");
    expect(lines[3]).toBe("Invoices        3        0        2       0");
    expect(text).toContain("Status: partial (full sync)");
    expect(text).toContain("Duration: 2.5 s · QuickBooks API calls: 12 · open issues: 7");
  });

  it("says when there was nothing to sync and shows the error", () => {
    const text = formatSyncSummary({ ...base, counts: {}, status: "failed", error: "QuickBooks is not connected." });
    expect(text).toContain("(nothing to sync)");
    expect(text).toContain("Note: QuickBooks is not connected.");
  });
});

import { describe, expect, it } from "vitest";

import { PHASE_ORDER, SYNC_PHASES, phaseLabel, progressPercent } from "@/lib/sync/core/phases";

describe("sync phases", () => {
  it("are in the specified order and weigh 100 in total", () => {
    expect(PHASE_ORDER).toEqual([
      "connection",
      "reference_data",
      "vendors_customers",
      "bills_invoices",
      "vendor_credits",
      "payments",
      "funds_transfers",
      "finish",
    ]);
    expect(SYNC_PHASES.reduce((sum, p) => sum + p.weight, 0)).toBe(100);
    expect(phaseLabel("bills_invoices")).toBe("Bills and invoices");
  });

  it("progress goes from 0 to 100 and never backwards, across phases and item counts", () => {
    expect(progressPercent("connection", 0, 1)).toBe(0);
    expect(progressPercent("finish", 1, 1)).toBe(100);
    // The orchestrator reports each phase with that phase's own item count.
    for (const total of [0, 1, 7]) {
      let previous = -1;
      for (const phase of PHASE_ORDER) {
        for (let done = 0; done <= total; done += 1) {
          const percent = progressPercent(phase, done, total);
          expect(percent).toBeGreaterThanOrEqual(previous);
          expect(Number.isInteger(percent)).toBe(true);
          previous = percent;
        }
      }
      expect(progressPercent("finish", 1, 1)).toBeGreaterThanOrEqual(previous);
    }
  });

  it("only the finished last phase shows 100; out-of-range counts are clamped", () => {
    expect(progressPercent("finish", 0, 1)).toBe(97);
    expect(progressPercent("funds_transfers", 5, 5)).toBe(97);
    expect(progressPercent("bills_invoices", 50, 10)).toBe(65);
    expect(progressPercent("bills_invoices", -3, 10)).toBe(30);
  });

  it("rejects an unknown phase", () => {
    expect(() => progressPercent("nope" as never, 0, 0)).toThrow(RangeError);
  });
});

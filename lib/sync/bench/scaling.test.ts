import { describe, expect, it } from "vitest";
import type { BenchRow } from "@/lib/sync/bench/run-bench";
import { formatScalingTable, growthLines } from "@/lib/sync/bench/scaling";

const row = (scenario: string, wallMs: number, peakRssMb: number): BenchRow => ({
  scenario,
  database: "postgres",
  throttling: false,
  records: 100,
  apiCalls: 2,
  callFloor: 2,
  wallMs,
  rateFloorMs: 0,
  recordsPerSecond: 100 / (wallMs / 1000),
  peakRssMb,
  status: "succeeded",
  planned: 0,
});

describe("scaling bench table", () => {
  const passes = [
    { size: 50_000, rows: [row("full sync", 20_000, 900), row("incremental, no change", 600, 300), row("push 2400 new app bills", 9000, 400)] },
    { size: 1000, rows: [row("full sync", 500, 200), row("incremental, no change", 200, 150), row("push 2400 new app bills", 3000, 200)] },
  ];

  it("gives the growth of the largest size over the smallest for the no-change incremental and the push only", () => {
    expect(growthLines(passes)).toEqual([
      "growth 50,000/1,000, incremental, no change (PostgreSQL): wall 3.00×, peak RSS 2.00×",
      "growth 50,000/1,000, push 2400 new app bills (PostgreSQL): wall 3.00×, peak RSS 2.00×",
    ]);
  });

  it("prints one line per size and scenario, then the growth", () => {
    const table = formatScalingTable(passes).split("\n");
    expect(table.filter((l) => l.includes("PostgreSQL  ") && l.includes(" s "))).toHaveLength(6);
    expect(table.at(-1)).toContain("push 2400 new app bills");
  });

  it("has no growth line for a single size", () => {
    expect(growthLines(passes.slice(0, 1))).toEqual([]);
  });
});

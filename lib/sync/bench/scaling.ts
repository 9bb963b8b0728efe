import type { BenchRow } from "@/lib/sync/bench/run-bench";

/** One company size of the scaling bench: its bills + invoices per kind, and the rows measured on it. */
export interface ScalingPass {
  size: number;
  rows: BenchRow[];
}

/** Scenarios whose cost must not grow with the company (issue 15): their largest/smallest ratio is printed. */
const FLAT_SCENARIOS = [/^incremental, no change$/, /^push \d+ new app bills$/];

/**
 * The scaling table: one line per size and scenario (calls, wall, records/s, peak RSS, records
 * planned), then the growth of the largest size over the smallest for the scenarios that should
 * cost what changed, not what the company holds.
 */
export function formatScalingTable(passes: readonly ScalingPass[]): string {
  const header = ["Size (bills+invoices each)", "Database", "Scenario", "Records", "API calls", "Wall", "Records/s", "Peak RSS", "Planned", "Status"];
  const cells = passes.flatMap((pass) =>
    pass.rows.map((r) => [
      pass.size.toLocaleString("en-US"),
      r.database === "pglite" ? "embedded" : "PostgreSQL",
      r.scenario,
      String(r.records),
      String(r.apiCalls),
      `${(r.wallMs / 1000).toFixed(2)} s`,
      r.recordsPerSecond.toFixed(0),
      `${r.peakRssMb} MB`,
      r.planned === undefined ? "–" : String(r.planned),
      r.status,
    ]),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: string[]) => c.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ");
  const table = [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...cells.map(line)];
  return [...table, "", ...growthLines(passes)].join("\n");
}

/** "growth largest/smallest" lines per database and flat scenario: wall and peak RSS ratios. */
export function growthLines(passes: readonly ScalingPass[]): string[] {
  const sorted = [...passes].sort((a, b) => a.size - b.size);
  const smallest = sorted[0];
  const largest = sorted.at(-1);
  if (!smallest || !largest || smallest === largest) return [];
  const lines: string[] = [];
  for (const row of largest.rows) {
    if (!FLAT_SCENARIOS.some((pattern) => pattern.test(row.scenario))) continue;
    const base = smallest.rows.find((r) => r.scenario === row.scenario && r.database === row.database && r.throttling === row.throttling);
    if (!base) continue;
    const db = row.database === "pglite" ? "embedded" : "PostgreSQL";
    lines.push(
      `growth ${largest.size.toLocaleString("en-US")}/${smallest.size.toLocaleString("en-US")}, ${row.scenario} (${db}): wall ${(row.wallMs / base.wallMs).toFixed(2)}×, peak RSS ${(row.peakRssMb / base.peakRssMb).toFixed(2)}×`,
    );
  }
  return lines;
}

/**
 * The fixed-seed, 10-run version of `npm run chaos` (issue 11): syncs killed with SIGKILL at every
 * kind of point — a random moment, between QBO's answer and the app's commit, and inside the
 * sandbox's durable write (before it, torn, before and after its fsync) — and each healed by the
 * next sync, with nothing duplicated, linked wrongly, lost or left running. Seed 1's first ten runs
 * plan all six kinds of kill point.
 */
import { describe, expect, it } from "vitest";
import { formatChaosTable, runChaos } from "@/lib/sync/chaos/run-chaos";

const onPostgres = process.env.TEST_DB_KIND === "postgres";

describe("chaos: any crash, then the next sync heals", () => {
  it("10 runs with seed 1: all zeros but runs and kill points", { timeout: 600_000 }, async () => {
    const database = onPostgres ? { kind: "postgres" as const, serverUrl: process.env.TEST_DATABASE_URL! } : { kind: "pglite" as const };
    const report = await runChaos({ runs: 10, seed: 1, database });
    const table = formatChaosTable([report]);
    expect({ table, details: report.details }).toEqual({ table: expect.any(String), details: [] });
    expect(report).toMatchObject({ runs: 10, duplicates: 0, wrongLinks: 0, lostChanges: 0, stuckRuns: 0, finalFailures: 0 });
    expect(report.killPointsHit).toBeGreaterThanOrEqual(6);
    expect(Object.keys(report.byKillPoint).length).toBe(6);
  });
});

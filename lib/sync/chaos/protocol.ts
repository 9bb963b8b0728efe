/** What run-chaos.ts and its child processes (chaos-child.ts) say to each other. */
import { z } from "zod";

export const DURABILITY_POINTS = ["journal:before-write", "journal:torn-write", "journal:before-fsync", "journal:after-fsync"] as const;

export const killPlanSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  /** Killed by the parent after this fraction of the time an uninterrupted sync takes. */
  z.object({ kind: z.literal("timer"), fraction: z.number().min(0).max(1) }),
  z.object({ kind: z.literal("after-write"), nth: z.number().int().positive() }),
  z.object({ kind: z.literal("sandbox"), point: z.enum(DURABILITY_POINTS), nth: z.number().int().positive() }),
]);
export type KillPlan = z.infer<typeof killPlanSchema>;

/**
 * One child process serves two runs, so each run costs one process start: it first heals and
 * checks the previous run (a restarted server), then builds the next run's world and syncs it
 * until the planned kill.
 */
export const childConfigSchema = z.object({
  database: z.discriminatedUnion("kind", [z.object({ kind: z.literal("pglite"), dataDir: z.string() }), z.object({ kind: z.literal("postgres"), url: z.string() })]),
  statePath: z.string(),
  seed: z.number().int(),
  heal: z.object({ run: z.number().int().positive(), worldPath: z.string() }).optional(),
  crash: z.object({ run: z.number().int().positive(), worldPath: z.string(), kill: killPlanSchema }).optional(),
  /** Syncs the heal may need before one ends without failing. */
  maxHealSyncs: z.number().int().positive().default(4),
});
export type ChildConfig = z.input<typeof childConfigSchema>;

export interface HealReport {
  syncs: string[];
  healed: boolean;
  stuckRuns: number;
  duplicates: number;
  wrongLinks: number;
  lostChanges: number;
  details: string[];
}

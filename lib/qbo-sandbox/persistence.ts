/**
 * Optional JSON-file persistence for the demo: the whole sandbox state is loaded at start and
 * written (debounced, via a temp file + rename so a crash never leaves half a file) after changes.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import type { OAuthSnapshot } from "./oauth";
import type { CompanySnapshot } from "./store";

export interface SandboxSnapshot {
  version: 1;
  companies: CompanySnapshot[];
  oauth: OAuthSnapshot;
  throttling: boolean;
  clockOffsetMs: number;
}

export const SAVE_DEBOUNCE_MS = 250;

/** Checks the outline of a state file; the records inside are the sandbox's own earlier output. */
const snapshotSchema = z.object({
  version: z.literal(1),
  companies: z.array(
    z.looseObject({
      realmId: z.string(),
      settings: z.looseObject({ homeCurrency: z.string() }),
      nextId: z.number().int(),
      tables: z.record(z.string(), z.array(z.record(z.string(), z.json()))),
      tombstones: z.record(z.string(), z.array(z.record(z.string(), z.json()))),
      voided: z.array(z.string()),
      replays: z.array(z.tuple([z.string(), z.object({ status: z.number(), body: z.string() })])),
    }),
  ),
  oauth: z.object({ codes: z.array(z.unknown()), grants: z.array(z.unknown()), accessTokens: z.array(z.unknown()), refreshTokens: z.array(z.unknown()) }),
  throttling: z.boolean(),
  clockOffsetMs: z.number(),
});

export function loadSnapshot(path: string): SandboxSnapshot | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = snapshotSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new Error(`${path} is not a QBO sandbox state file (version 1): ${parsed.error.message}`);
  // The schema validated the outline; the nested shapes are exactly what snapshot() wrote.
  return parsed.data as unknown as SandboxSnapshot;
}

export function writeSnapshot(path: string, snapshot: SandboxSnapshot): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(snapshot));
  renameSync(temporary, path);
}

/** Coalesces bursts of changes into one write; `flush` writes now if a save is pending. */
export class DebouncedSaver {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly path: string,
    private readonly snapshot: () => SandboxSnapshot,
  ) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), SAVE_DEBOUNCE_MS);
    this.timer.unref?.();
  }

  flush(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    writeSnapshot(this.path, this.snapshot());
  }
}

/**
 * Durable persistence for the demo and `npm run sandbox`: a checkpoint of the whole state (written
 * to a temp file, fsync'd, renamed over the old one) plus a write-ahead journal of every change
 * since (`<file>.journal`, see journal.ts). Each API write is journalled and fsync'd before it is
 * answered; control operations (new company, reset, settings, tokens…) write a checkpoint. Loading
 * = the checkpoint, then the journal entries it does not contain yet (by sequence number).
 */
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { Journal, PRIVATE_FILE_MODE, readJournal, type DurabilityHook } from "./journal";
import type { OAuthSnapshot } from "./oauth";
import type { CompanySnapshot, ReplayEntry } from "./store";
import type { EntityName, JsonObject } from "./types";

export interface SandboxSnapshot {
  version: 1;
  companies: CompanySnapshot[];
  oauth: OAuthSnapshot;
  throttling: boolean;
  clockOffsetMs: number;
  /** Sequence number of the last journal entry this checkpoint contains (absent in old files: 0). */
  journalSeq?: number;
}

/** The records one API write left behind in a company, as they now are (applying it twice is harmless). */
export interface CompanyChangeEntry {
  type: "company";
  realmId: string;
  nextId: number;
  /** Records created or changed. */
  put: Array<[EntityName, JsonObject]>;
  /** Records deleted: their tombstones. */
  removed: Array<[EntityName, JsonObject]>;
  /** Record keys ("Invoice:12") and whether each is voided now. */
  voided: Array<[string, boolean]>;
  replay?: [string, ReplayEntry];
}

export type JournalEntry = CompanyChangeEntry;

/** A checkpoint is also written when the journal grows past this. */
export const CHECKPOINT_AFTER_JOURNAL_BYTES = 32 * 1024 * 1024;

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
  journalSeq: z.number().int().nonnegative().optional(),
});

export function loadSnapshot(path: string): SandboxSnapshot | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = snapshotSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new Error(`${path} is not a QBO sandbox state file (version 1): ${parsed.error.message}`);
  // The schema validated the outline; the nested shapes are exactly what snapshot() wrote.
  return parsed.data as unknown as SandboxSnapshot;
}

/** Writes the file so that a crash at any moment leaves either the old or the new one, on disk. */
export function writeSnapshot(path: string, snapshot: SandboxSnapshot, hook?: DurabilityHook): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, "w", PRIVATE_FILE_MODE);
  try {
    const data = Buffer.from(JSON.stringify(snapshot), "utf8");
    let written = 0;
    while (written < data.length) written += writeSync(fd, data, written, data.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  hook?.("checkpoint:before-rename");
  renameSync(temporary, path);
  syncDirectory(dirname(path));
  hook?.("checkpoint:after-rename");
}

/** The rename itself is durable only once the directory is synced. */
function syncDirectory(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    fsyncSync(fd);
  } catch {
    // Some file systems refuse to open or sync a directory; the rename is then as durable as they allow.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export class SandboxPersistence {
  private journal: Journal<JournalEntry> | undefined;
  private seq = 0;

  constructor(
    readonly path: string,
    private readonly hook?: DurabilityHook,
  ) {}

  get journalPath(): string {
    return `${this.path}.journal`;
  }

  /** The saved state: the checkpoint (if any) and the journal entries written after it, in order. */
  load(): { snapshot: SandboxSnapshot | undefined; entries: JournalEntry[] } {
    mkdirSync(dirname(this.path), { recursive: true });
    const snapshot = loadSnapshot(this.path);
    // Files written by older versions were world-readable; they hold tokens.
    if (snapshot) chmodSync(this.path, PRIVATE_FILE_MODE);
    if (existsSync(this.journalPath)) chmodSync(this.journalPath, PRIVATE_FILE_MODE);
    const { lines, validBytes } = readJournal<JournalEntry>(this.journalPath);
    const after = snapshot?.journalSeq ?? 0;
    // Lines at or below the checkpoint's number are already in it (a crash came before the truncate).
    const entries = lines.filter((line) => line.seq > after).map((line) => line.entry);
    this.seq = Math.max(after, ...lines.map((line) => line.seq));
    this.journal = new Journal<JournalEntry>(this.journalPath, validBytes, this.hook);
    return { snapshot, entries };
  }

  /** Durable before it returns. Returns true when the journal is big enough to deserve a checkpoint. */
  append(entry: JournalEntry): boolean {
    const journal = this.opened();
    this.seq += 1;
    journal.append({ seq: this.seq, entry });
    return journal.size > CHECKPOINT_AFTER_JOURNAL_BYTES;
  }

  /** Writes the whole state, then empties the journal it supersedes. */
  checkpoint(snapshot: Omit<SandboxSnapshot, "journalSeq">): void {
    const journal = this.opened();
    writeSnapshot(this.path, { ...snapshot, journalSeq: this.seq }, this.hook);
    journal.truncate();
  }

  close(): void {
    this.journal?.close();
    this.journal = undefined;
  }

  private opened(): Journal<JournalEntry> {
    if (!this.journal) throw new Error("SandboxPersistence: load() first");
    return this.journal;
  }
}

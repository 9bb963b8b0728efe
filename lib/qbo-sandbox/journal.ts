/**
 * The sandbox's write-ahead log: one JSON line per change, appended and fsync'd before the change
 * is answered, so an answer the client has seen survives any crash (QBO never forgets a write it
 * confirmed). A line cut short by a crash was never answered: it is dropped when the log is read.
 */
import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from "node:fs";

/** Where a durable write can be interrupted; the chaos harness kills the process at these. */
export type DurabilityPoint =
  | "journal:before-write"
  | "journal:torn-write"
  | "journal:before-fsync"
  | "journal:after-fsync"
  | "checkpoint:before-rename"
  | "checkpoint:after-rename";

export type DurabilityHook = (point: DurabilityPoint) => void;

/** Files holding live OAuth tokens are readable by their owner only. */
export const PRIVATE_FILE_MODE = 0o600;

export interface JournalLine<E> {
  seq: number;
  entry: E;
}

/** Reads every complete line; a torn last line (no newline: the crash came mid-write) is cut off. */
export function readJournal<E>(path: string): { lines: JournalLine<E>[]; validBytes: number } {
  if (!existsSync(path)) return { lines: [], validBytes: 0 };
  const text = readFileSync(path, "utf8");
  const end = text.lastIndexOf("\n") + 1;
  const lines: JournalLine<E>[] = [];
  let offset = 0;
  for (const raw of text.slice(0, end).split("\n")) {
    const lineStart = offset;
    offset += Buffer.byteLength(raw, "utf8") + 1;
    if (raw === "") continue;
    try {
      lines.push(JSON.parse(raw) as JournalLine<E>);
    } catch {
      throw new Error(`${path} is damaged at byte ${lineStart}: a complete line is not JSON`);
    }
  }
  return { lines, validBytes: Buffer.byteLength(text.slice(0, end), "utf8") };
}

export class Journal<E> {
  private fd: number;
  private bytes: number;

  /** Opens for appending after `validBytes` (a torn tail beyond it is truncated away first). */
  constructor(
    readonly path: string,
    validBytes: number,
    private readonly hook: DurabilityHook | undefined,
  ) {
    this.fd = openSync(path, "a+", PRIVATE_FILE_MODE);
    ftruncateSync(this.fd, validBytes);
    fsyncSync(this.fd);
    this.bytes = validBytes;
  }

  get size(): number {
    return this.bytes;
  }

  /** Appends one entry and waits until it is on disk. */
  append(line: JournalLine<E>): void {
    const data = Buffer.from(`${JSON.stringify(line)}\n`, "utf8");
    this.hook?.("journal:before-write");
    if (this.hook) {
      // With a hook (chaos runs only) the line goes out in two writes, so a kill can tear it.
      const half = Math.floor(data.length / 2);
      writeAll(this.fd, data.subarray(0, half));
      this.hook("journal:torn-write");
      writeAll(this.fd, data.subarray(half));
    } else {
      writeAll(this.fd, data);
    }
    this.hook?.("journal:before-fsync");
    fsyncSync(this.fd);
    this.bytes += data.length;
    this.hook?.("journal:after-fsync");
  }

  /** Empties the log (its entries are in a checkpoint now). */
  truncate(): void {
    ftruncateSync(this.fd, 0);
    fsyncSync(this.fd);
    this.bytes = 0;
  }

  close(): void {
    closeSync(this.fd);
  }
}

function writeAll(fd: number, data: Buffer): void {
  let written = 0;
  while (written < data.length) written += writeSync(fd, data, written, data.length - written);
}

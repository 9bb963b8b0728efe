/**
 * One process at a time may open an embedded (PGlite) data folder: two would each keep their own
 * copy of the database in memory and overwrite each other's files. The process that opens the folder
 * holds `<folder>.lock` for its whole life; another process is refused with DataDirLockedError (and
 * told who holds it, so `npm run sync` can ask that process to do the work instead).
 *
 * The lock is a file created atomically, complete with its content (written to a temporary file, then
 * hard-linked into place, which fails when the lock exists). It names the holder's pid: a lock whose
 * process is gone (killed, crashed) is stale and taken over. Its token authenticates local requests to
 * the holder (lib/sync/cli-delegation.ts), so the file is readable by its owner only (0600).
 */
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const holderSchema = z.object({
  pid: z.number().int().positive(),
  token: z.string().min(32),
  /** The HTTP port the holder serves the app on, once known (null for a CLI or a script). */
  port: z.number().int().min(1).max(65535).nullable(),
  /** APP_URL of the holder, the fallback address when the port is unknown. */
  appUrl: z.string().nullable(),
  startedAt: z.string(),
});

export type LockHolder = z.infer<typeof holderSchema>;

export type DataDirLock = {
  path: string;
  holder: LockHolder;
  /** Records the port the holder listens on (rewritten atomically). */
  setPort(port: number): void;
  release(): void;
};

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
  ) {
    super(
      holder
        ? `The embedded database ${dataDir} is in use by another process (pid ${holder.pid}${holder.port ? `, port ${holder.port}` : ""}). Stop it first, or use PostgreSQL (DATABASE_URL) to share a database between processes.`
        : `The embedded database ${dataDir} is in use by another process. Stop it first, or use PostgreSQL (DATABASE_URL) to share a database between processes.`,
    );
    this.name = "DataDirLockedError";
  }
}

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(/*turbopackIgnore: true*/ dataDir)}.lock`;
}

/** Alive, as far as this machine can tell: signal 0 checks existence (EPERM = alive, someone else's). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Who holds the folder's lock, or null when nobody (alive) does. */
export function readLockHolder(dataDir: string): LockHolder | null {
  let text: string;
  try {
    text = readFileSync(lockPathFor(dataDir), "utf8");
  } catch {
    return null;
  }
  const holder = parseHolder(text);
  return holder && isProcessAlive(holder.pid) ? holder : null;
}

function writeAtomically(target: string, holder: LockHolder, place: "create" | "replace"): void {
  const temporary = `${target}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  writeFileSync(temporary, JSON.stringify(holder), { mode: 0o600, flag: "wx" });
  try {
    if (place === "create") linkSync(temporary, target);
    else renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Takes the folder's lock or throws DataDirLockedError. A lock left by a dead process is moved aside
 * under a name of our own and checked to be the stale one before it is deleted, so two processes
 * taking over the same stale lock cannot delete each other's fresh lock.
 */
export function acquireDataDirLock(dataDir: string, options: { port?: number | null; appUrl?: string | null } = {}): DataDirLock {
  const lockPath = lockPathFor(dataDir);
  mkdirSync(path.dirname(lockPath), { recursive: true });
  const holder: LockHolder = {
    pid: process.pid,
    token: randomBytes(32).toString("base64url"),
    port: options.port ?? null,
    appUrl: options.appUrl ?? null,
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      writeAtomically(lockPath, holder, "create");
      return lockHandle(lockPath, holder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let text: string;
    try {
      text = readFileSync(lockPath, "utf8");
    } catch {
      continue; // released meanwhile: try again
    }
    const current = parseHolder(text);
    // An unreadable lock is never written by this module (it writes whole files): leave it to a person.
    if (!current || isProcessAlive(current.pid)) throw new DataDirLockedError(dataDir, current);
    const aside = `${lockPath}.stale.${holder.token.slice(0, 12)}`;
    try {
      renameSync(lockPath, aside);
    } catch {
      continue; // someone else moved it first
    }
    const moved = parseHolder(readFileSync(aside, "utf8"));
    if (moved?.token === current.token) {
      rmSync(aside, { force: true });
    } else {
      // We moved a fresh lock another process had just written: put it back, and let it win.
      try {
        linkSync(aside, lockPath);
      } catch {
        // A third process got there too; it holds the lock now.
      }
      rmSync(aside, { force: true });
    }
  }
  throw new DataDirLockedError(dataDir, readLockHolder(dataDir));
}

function lockHandle(lockPath: string, holder: LockHolder): DataDirLock {
  let released = false;
  const onExit = () => releaseNow();
  function releaseNow(): void {
    if (released) return;
    released = true;
    process.off("exit", onExit);
    // Only our own lock: never delete one a later holder took over.
    try {
      if (parseHolder(readFileSync(lockPath, "utf8"))?.token === holder.token) rmSync(lockPath, { force: true });
    } catch {
      // Already gone.
    }
  }
  // A process that exits without closing its database leaves no lock behind (a killed one leaves a stale one).
  process.on("exit", onExit);
  return {
    path: lockPath,
    holder,
    setPort(port: number) {
      if (released || holder.port === port) return;
      holder.port = port;
      writeAtomically(lockPath, holder, "replace");
    },
    release: releaseNow,
  };
}

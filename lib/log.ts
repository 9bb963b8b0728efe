/**
 * Structured logs: one JSON object per line ({ level, time, message, ...fields }), so a log
 * collector can filter by runId, organizationId or jobId without parsing prose. Deliberately tiny:
 * levels, bound fields (child) and a pluggable sink for tests.
 */
import { redactQueryParams } from "@/lib/db/redact-query-params";

export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose every line also carries `bindings` (e.g. { runId, organizationId }). */
  child(bindings: LogFields): Logger;
}

export type LogSink = (line: string, level: LogLevel) => void;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === "string" && (LOG_LEVELS as readonly string[]).includes(value);
}

/**
 * Errors serialise to `{}` by default; keep what helps (name, message, stack, cause), without a
 * failed query's parameters.
 */
function jsonValue(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    const message = redactQueryParams(value.message);
    const stack = value.stack === undefined ? undefined : redactQueryParams(value.stack);
    return { name: value.name, message, ...(stack ? { stack } : {}), ...(value.cause !== undefined ? { cause: value.cause } : {}) };
  }
  if (typeof value === "bigint") return value.toString();
  return value;
}

const defaultSink: LogSink = (line, level) => {
  if (level === "warn" || level === "error") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
};

export function createLogger(options: { level?: LogLevel; bindings?: LogFields; sink?: LogSink; now?: () => Date } = {}): Logger {
  const minimum = RANK[options.level ?? "info"];
  const sink = options.sink ?? defaultSink;
  const now = options.now ?? (() => new Date());
  const bindings = options.bindings ?? {};

  const write = (level: LogLevel, message: string, fields?: LogFields) => {
    if (RANK[level] < minimum) return;
    // The three core keys come first and cannot be overwritten by a field of the same name.
    const rest: LogFields = { ...bindings, ...fields };
    delete rest.level;
    delete rest.time;
    delete rest.message;
    let line: string;
    try {
      line = JSON.stringify({ level, time: now().toISOString(), message, ...rest }, jsonValue);
    } catch {
      // A circular or otherwise unserialisable field must not take the caller down with it.
      line = JSON.stringify({ level, time: now().toISOString(), message, logError: "fields could not be serialised" });
    }
    sink(line, level);
  };

  return {
    debug: (message, fields) => write("debug", message, fields),
    info: (message, fields) => write("info", message, fields),
    warn: (message, fields) => write("warn", message, fields),
    error: (message, fields) => write("error", message, fields),
    child: (more) => createLogger({ ...options, bindings: { ...bindings, ...more } }),
  };
}

const KEY = Symbol.for("ledgerbridge.logger");
type Holder = { [KEY]?: Logger };

/**
 * The process logger, at LOG_LEVEL (default info). Start-up validation (lib/config/env-schema)
 * rejects a misspelt LOG_LEVEL; here an unknown value just means info.
 */
export function logger(): Logger {
  const holder = globalThis as Holder;
  const level = process.env.LOG_LEVEL;
  holder[KEY] ??= createLogger({ level: isLogLevel(level) ? level : "info" });
  return holder[KEY];
}

import { describe, expect, it } from "vitest";
import { DrizzleQueryError } from "drizzle-orm";
import { createLogger, type LogLevel } from "./log";

function capture(level?: LogLevel) {
  const lines: { level: LogLevel; entry: Record<string, unknown> }[] = [];
  const log = createLogger({
    ...(level ? { level } : {}),
    now: () => new Date("2030-01-02T03:04:05.000Z"),
    sink: (line, lineLevel) => lines.push({ level: lineLevel, entry: JSON.parse(line) as Record<string, unknown> }),
  });
  return { log, lines };
}

describe("createLogger", () => {
  it("writes one JSON object per line with level, time, message and fields", () => {
    const { log, lines } = capture();
    log.info("sync job started", { runId: "r1", attempt: 2 });
    expect(lines).toEqual([
      { level: "info", entry: { level: "info", time: "2030-01-02T03:04:05.000Z", message: "sync job started", runId: "r1", attempt: 2 } },
    ]);
  });

  it("drops lines below its level (info by default)", () => {
    const { log, lines } = capture();
    log.debug("qbo.request", { path: "query" });
    log.warn("slow");
    expect(lines.map((l) => l.entry.message)).toEqual(["slow"]);

    const verbose = capture("debug");
    verbose.log.debug("qbo.request");
    expect(verbose.lines).toHaveLength(1);

    const quiet = capture("error");
    quiet.log.warn("ignored");
    quiet.log.error("kept");
    expect(quiet.lines.map((l) => l.entry.message)).toEqual(["kept"]);
  });

  it("child loggers carry their bindings on every line, nested bindings add up", () => {
    const { log, lines } = capture();
    const run = log.child({ organizationId: "o1" }).child({ runId: "r1" });
    run.info("qbo.request", { intuitTid: "tid-1" });
    log.info("plain");
    expect(lines[0]?.entry).toMatchObject({ organizationId: "o1", runId: "r1", intuitTid: "tid-1" });
    expect(lines[1]?.entry).not.toHaveProperty("runId");
  });

  it("fields cannot overwrite level, time or message", () => {
    const { log, lines } = capture();
    log.child({ level: "debug" }).warn("real", { message: "fake", time: "never" });
    expect(lines[0]?.entry).toMatchObject({ level: "warn", message: "real", time: "2030-01-02T03:04:05.000Z" });
  });

  it("serialises errors with their message and survives circular fields", () => {
    const { log, lines } = capture();
    log.error("failed", { error: new TypeError("boom") });
    expect(lines[0]?.entry.error).toMatchObject({ name: "TypeError", message: "boom" });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    log.error("odd", { circular });
    expect(lines[1]?.entry).toMatchObject({ message: "odd", logError: "fields could not be serialised" });
  });

  it("logs a failed query's SQL but never its parameters (a sign-up's carry the password hash)", () => {
    const { log, lines } = capture();
    const hash = "$2b$11$qKqBOoFZNU1mnLKkZbk7i.oMayBVvyW1yvDzKvrB1nd76bRk92gki";
    const sqlText = 'insert into "users" ("email", "name", "password_hash") values ($1, $2, $3)';
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), { code: "23505" });
    const error = new DrizzleQueryError(sqlText, ["ann@example.com", "Ann\nSmith", hash], cause);
    log.error("server action failed", { error, wrapped: new Error("outer", { cause: error }) });
    const line = JSON.stringify(lines[0]?.entry);
    expect(line).not.toContain(hash);
    expect(line).not.toContain("$2b$");
    expect(line).not.toContain("ann@example.com");
    const logged = lines[0]?.entry.error as { message: string; stack: string; cause: { message: string } };
    expect(logged.message).toBe(`Failed query: ${sqlText}\nparams: [redacted]`);
    expect(logged.stack).toContain("params: [redacted]\n    at ");
    expect(logged.cause.message).toContain("users_email_key");
  });
});

describe("createLogger redaction", () => {
  const HASH = "$2b$10$abcdefghijklmnopqrstuuKX8yW0r7Vw2m0bZ1k5y3u9Qp6s4tE2a";

  it("logs a failed query's SQL but not its parameters (message, stack and cause)", () => {
    const { log, lines } = capture();
    const cause = new Error("duplicate key value violates unique constraint \"users_email_unique\"");
    const error = new DrizzleQueryError('insert into "users" ("email", "password_hash") values ($1, $2)', ["ann@example.com", HASH], cause);
    log.error("sign-up failed", { ref: "7F3K-9QZ2", error });
    const text = JSON.stringify(lines);
    expect(text).toContain('insert into \\"users\\"');
    expect(text).toContain("7F3K-9QZ2");
    expect(text).toContain("users_email_unique");
    expect(text).not.toContain("ann@example.com");
    expect(text).not.toContain("$2b$");
  });

  it("blanks secret-looking fields and tokens in messages", () => {
    const { log, lines } = capture();
    log.info("token refreshed with Bearer abc123", { tokens: { accessToken: "at-1", refresh_token: "rt-1", expiresIn: 3600 }, password: "hunter22" });
    const entry = lines[0]!.entry;
    expect(entry.message).toBe("token refreshed with Bearer [redacted]");
    expect(entry.tokens).toEqual({ accessToken: "[redacted]", refresh_token: "[redacted]", expiresIn: 3600 });
    expect(entry.password).toBe("[redacted]");
  });
});

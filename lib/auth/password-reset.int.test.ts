import { createServer } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { authenticate, signUp } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { passwordResetTokens, users } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createPasswordResetToken, resetPassword } from "./password-reset";
import { PASSWORD_RESET_REQUESTED_MESSAGE, PASSWORD_RESET_TTL_MS } from "./password-reset-rules";
import { currentSessionVersion } from "./session-version";

// The actions on a real database; the process log captured; SMTP_URL switched per test.
const ctx = vi.hoisted(() => ({ db: null as unknown, smtpUrl: undefined as string | undefined, log: [] as string[] }));
vi.mock("@/lib/db", () => ({ getDb: async () => ctx.db }));
vi.mock("@/lib/config/env", () => ({ env: () => ({ APP_URL: "http://127.0.0.1:3000", SMTP_URL: ctx.smtpUrl }) }));
vi.mock("@/lib/log", async (importActual) => {
  const actual = await importActual<typeof import("@/lib/log")>();
  const log = actual.createLogger({ sink: (line) => ctx.log.push(line) });
  return { ...actual, logger: () => log };
});

const { requestPasswordResetAction, resetPasswordAction } = await import("./password-reset-actions");

let handle: DatabaseHandle;
const password = "correct horse battery";
const newPassword = "violet tugboat marmalade";
let ann: { id: string; email: string; name: string };

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}
const LINK = /http:\/\/127\.0\.0\.1:3000\/reset-password\/([\w-]{43})/;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx.db = handle.db;
  ann = (await signUp(handle.db, { name: "Ann Lee", email: "ann@example.com", password, organizationName: "Ann Co" })).user;
});
afterAll(async () => handle?.close());
beforeEach(() => {
  ctx.smtpUrl = undefined;
  ctx.log.length = 0;
});

describe("asking for a reset link", () => {
  it("answers the same for an unknown e-mail, and stores nothing for it", async () => {
    const known = await requestPasswordResetAction(null, form({ email: "Ann@Example.com" }));
    const unknown = await requestPasswordResetAction(null, form({ email: "nobody@example.com" }));
    expect(known).toEqual({ ok: true, data: { message: PASSWORD_RESET_REQUESTED_MESSAGE } });
    expect(unknown).toEqual(known);
    const rows = await handle.db.select().from(passwordResetTokens);
    expect(rows.map((r) => r.userId)).toEqual([ann.id]);
  });

  it("without SMTP_URL writes the link to the log, and stores only the token's SHA-256, valid one hour", async () => {
    const before = Date.now();
    await requestPasswordResetAction(null, form({ email: "ann@example.com" }));
    const lines = ctx.log.filter((line) => line.includes("reset-password"));
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as { message: string; to: string; text: string };
    expect(entry).toMatchObject({ message: expect.stringContaining("SMTP_URL is not set"), to: "ann@example.com" });
    const token = LINK.exec(entry.text)![1]!;
    const [row] = await handle.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, ann.id));
    const { createHash } = await import("node:crypto");
    expect(row!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(PASSWORD_RESET_TTL_MS);
    expect(row!.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("with SMTP_URL sends the link through the SMTP server", async () => {
    const received: Array<{ to: string[]; data: string }> = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, session, callback) {
        let data = "";
        stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    try {
      ctx.smtpUrl = `smtp://127.0.0.1:${port}`;
      expect(await requestPasswordResetAction(null, form({ email: "ann@example.com" }))).toEqual({
        ok: true,
        data: { message: PASSWORD_RESET_REQUESTED_MESSAGE },
      });
      expect(received).toHaveLength(1);
      expect(received[0]!.to).toEqual(["ann@example.com"]);
      // Quoted-printable may fold long lines: unfold before looking for the link.
      const body = received[0]!.data.replace(/=\r?\n/g, "");
      expect(body).toMatch(/Subject: Choose a new Ledgerbridge password/);
      expect(body).toMatch(LINK);
      expect(ctx.log.some((line) => line.includes("reset-password/"))).toBe(false);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("resetting the password", () => {
  async function freshToken() {
    const created = await createPasswordResetToken(handle.db, "ann@example.com");
    return created!.token;
  }

  it("refuses a weak password or one made of the person's details, and the link still works", async () => {
    const token = await freshToken();
    const weak = await resetPasswordAction(null, form({ token, password: "password123" }));
    expect(weak).toMatchObject({ ok: false, fieldErrors: { password: [expect.any(String)] } });
    const own = await resetPasswordAction(null, form({ token, password: "ann@example.com" }));
    expect(own).toMatchObject({ ok: false, fieldErrors: { password: [expect.any(String)] } });
    expect(await resetPasswordAction(null, form({ token, password: newPassword }))).toEqual({ ok: true, data: { email: "ann@example.com" } });
  });

  it("sets the new password, signs out the other sessions, and works once", async () => {
    const token = await freshToken();
    const versionBefore = await currentSessionVersion(handle.db, ann.id);
    expect(await resetPasswordAction(null, form({ token, password: "quiet lantern orchard" }))).toMatchObject({ ok: true });
    expect(await currentSessionVersion(handle.db, ann.id)).toBe(versionBefore! + 1);
    expect(await authenticate(handle.db, { email: "ann@example.com", password: "quiet lantern orchard", ip: "10.0.0.9" })).toMatchObject({ ok: true });
    expect(await resetPasswordAction(null, form({ token, password: "another fine lantern" }))).toEqual({
      ok: false,
      message: expect.stringContaining("not valid any more"),
    });
  });

  it("stops working after one hour, and a newer link replaces an older one", async () => {
    const issued = new Date("2026-03-01T10:00:00Z");
    const old = (await createPasswordResetToken(handle.db, "ann@example.com", issued))!.token;
    const late = new Date(issued.getTime() + PASSWORD_RESET_TTL_MS + 1);
    expect(await resetPassword(handle.db, { token: old, password: newPassword }, late)).toEqual({ ok: false, reason: "invalid" });
    const older = await freshToken();
    const newer = await freshToken();
    expect(await resetPasswordAction(null, form({ token: older, password: newPassword }))).toMatchObject({ ok: false });
    expect(await resetPasswordAction(null, form({ token: newer, password: newPassword }))).toMatchObject({ ok: true });
  });

  it("lets one of 10 concurrent uses of a link through", async () => {
    const token = await freshToken();
    const versionBefore = await currentSessionVersion(handle.db, ann.id);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => resetPassword(handle.db, { token, password: `concurrent tulip ${i} harbour` })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await currentSessionVersion(handle.db, ann.id)).toBe(versionBefore! + 1);
    const [user] = await handle.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, ann.id));
    expect(user!.hash).toMatch(/^\$2/);
  });

  it("answers a link that is not ours as not valid", async () => {
    expect(await resetPasswordAction(null, form({ token: "x".repeat(43), password: newPassword }))).toEqual({
      ok: false,
      message: expect.stringContaining("not valid any more"),
    });
    expect(await resetPasswordAction(null, form({ token: "short", password: newPassword }))).toEqual({
      ok: false,
      message: expect.stringContaining("not valid any more"),
    });
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

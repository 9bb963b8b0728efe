/**
 * Issue 12 item 5: vendor / customer names and sign-up emails stay unique when requests race, and
 * the loser gets the form's field error, never a server error. Driven through the real server
 * actions, with only the session, the process database and Next's cache swapped for the test's.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { customers, users, vendors } from "@/lib/db/schema";
import { createLogger, type Logger } from "@/lib/log";
import { createTestDatabase } from "@/lib/testing/test-database";
import { and, eq, sql } from "drizzle-orm";

const state = vi.hoisted(() => ({
  db: undefined as unknown,
  user: null as { id: string; email: string; name: string } | null,
}));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => state.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { signUpAction } = await import("@/app/sign-up/actions");
const { saveCounterpartyAction } = await import("@/lib/counterparties/actions");

const PASSWORD = "violet harbour quartz 1987";
const LOGGER = Symbol.for("ledgerbridge.logger");
let handle: DatabaseHandle;
let organizationId: string;
let slug: string;
let logLines: string[];

beforeAll(async () => {
  handle = await createTestDatabase();
  state.db = handle.db;
  const { user, organization } = await signUp(handle.db, { name: "Owner", email: "owner@example.com", password: PASSWORD, organizationName: "Race Gardens" });
  state.user = { id: user.id, email: user.email, name: user.name };
  organizationId = organization.id;
  slug = organization.slug;
});
afterAll(async () => handle?.close());

beforeEach(() => {
  logLines = [];
  (globalThis as { [LOGGER]?: Logger })[LOGGER] = createLogger({ sink: (line) => logLines.push(line) });
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe("vendor and customer names", () => {
  it.each([
    ["vendor", vendors],
    ["customer", customers],
  ] as const)("ten %s creates with one name at once (any case): one saved, nine get the name field error", async (kind, table) => {
    const names = ["Hillside Stone", "HILLSIDE STONE", "hillside stone", "Hillside Stone", "Hillside stone", "Hillside Stone", "HillSide Stone", "Hillside Stone", "hillside STONE", "Hillside Stone"];
    const results = await Promise.all(names.map((displayName) => saveCounterpartyAction(null, form({ orgSlug: slug, kind, displayName }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(9);
    for (const result of refused) {
      expect(result).toMatchObject({ ok: false, message: "That name is already used." });
      expect(result.ok ? null : result.fieldErrors?.displayName?.[0]).toMatch(new RegExp(`^Another ${kind} is already named "hillside stone"$`, "i"));
    }
    const [row] = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(table)
      .where(and(eq(table.organizationId, organizationId), sql`lower(${table.displayName}) = 'hillside stone'`));
    expect(row!.n).toBe(1);
    expect(logLines.filter((line) => line.includes('"level":"error"'))).toEqual([]);
  });
});

describe("sign-up emails", () => {
  it("five sign-ups with one email at once: one account, four email field errors, nothing thrown or logged", async () => {
    const emails = ["race@example.com", "RACE@example.com", "race@example.com", "Race@Example.com", "race@example.com"];
    const results = await Promise.all(
      emails.map((email, n) => signUpAction(null, form({ name: `Person ${n}`, email, password: PASSWORD, organizationName: "Twin Oaks" }))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(4);
    for (const result of refused) {
      expect(result).toEqual({
        ok: false,
        message: "An account with this email already exists. Sign in instead.",
        fieldErrors: { email: ["An account with this email already exists. Sign in instead."] },
      });
    }
    const [row] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(users).where(sql`lower(${users.email}) = 'race@example.com'`);
    expect(row!.n).toBe(1);
    expect(logLines).toEqual([]);
  });

  it("five sign-ups with different emails and one business name at once: five accounts, five organisations, distinct slugs", async () => {
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => signUpAction(null, form({ name: `Owner ${n}`, email: `same-name-${n}@example.com`, password: PASSWORD, organizationName: "Same Name Landscaping" }))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const slugs = results.map((r) => (r.ok ? r.data.slug : null));
    expect(new Set(slugs).size).toBe(5);
    expect(slugs).toContain("same-name-landscaping");
    expect(logLines).toEqual([]);
  });

  it("a sign-up whose INSERT fails for another reason is logged without the query's parameters (no password hash)", async () => {
    // A trigger makes the users INSERT fail the way an unexpected database error would.
    await handle.query(`create function refuse_user() returns trigger language plpgsql as $$ begin raise exception 'refused for the test'; end $$`);
    await handle.query(`create trigger refuse_user before insert on users for each row execute function refuse_user()`);
    let reference = "";
    try {
      const result = await signUpAction(null, form({ name: "Fay", email: "fay@example.com", password: PASSWORD, organizationName: "Fay Farms" }));
      expect(result.ok).toBe(false);
      const message = result.ok ? "" : result.message;
      expect(message).toMatch(/^Something went wrong \(ref [A-Z0-9]{4}-[A-Z0-9]{4}\) and nothing was saved/);
      reference = /ref ([A-Z0-9-]+)/.exec(message)?.[1] ?? "";
    } finally {
      await handle.query(`drop trigger refuse_user on users`);
      await handle.query(`drop function refuse_user()`);
    }
    expect(logLines).toHaveLength(1);
    const line = logLines[0]!;
    expect(line).toContain("sign-up failed");
    expect(line).toContain(reference);
    expect(line).toContain("insert into");
    expect(line).toContain("params: [redacted]");
    expect(line).not.toMatch(/\$2[aby]\$/);
    expect(line).not.toContain("fay@example.com");
  });
});

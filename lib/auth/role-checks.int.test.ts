/**
 * Every exported server action checks the role on the server. The actions are found by walking the
 * "use server" modules, so a new action that skips the guard (or names no permission) fails here.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { memberships } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";
import { can, type Permission, type Role } from "./permissions";

const ctx = vi.hoisted(() => ({ db: null as unknown, user: null as { id: string; email: string; name: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => ctx.user, requireSessionUser: async () => ctx.user }));
vi.mock("@/lib/db", () => ({ getDb: async () => ctx.db }));
vi.mock("@/lib/config/env", () => ({ env: () => ({ APP_URL: "http://127.0.0.1:3000" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { permissionOfAction } = await import("./guard");

/** Entry points that are not about one organisation: they check the session (or nothing) themselves. */
const NOT_ORG_SCOPED = new Set([
  "app/sign-up/actions.ts#signUpAction",
  "app/sign-up/actions.ts#signUpByInvitationAction",
  "lib/orgs/actions.ts#acceptInvitationAction",
  "lib/orgs/actions.ts#createOrganizationAction",
  "lib/auth/password-reset-actions.ts#requestPasswordResetAction",
  "lib/auth/password-reset-actions.ts#resetPasswordAction",
]);

const ROOT = path.resolve(__dirname, "../..");

function serverActionModules(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const text = readFileSync(path.join(ROOT, relative), "utf8");
        if (/^\s*["']use server["']/.test(text)) found.push(relative.split(path.sep).join("/"));
      }
    }
  };
  for (const dir of ["app", "lib", "components"]) walk(dir);
  return found.sort();
}

type Action = (previous: unknown, form: FormData) => Promise<unknown>;
type FoundAction = { name: string; action: Action; permission: Permission | undefined };

async function allActions(): Promise<FoundAction[]> {
  const actions: FoundAction[] = [];
  for (const file of serverActionModules()) {
    const exports = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const [exported, value] of Object.entries(exports)) {
      if (typeof value !== "function") continue;
      actions.push({ name: `${file}#${exported}`, action: value as Action, permission: permissionOfAction(value) });
    }
  }
  return actions;
}

let handle: DatabaseHandle;
let actions: FoundAction[];
const people = {} as Record<"admin" | "clerk" | "accountant", { id: string; email: string; name: string }>;
const password = "correct horse battery";

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await handle.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await handle.query<{ n: number | string }>(`select count(*) as n from "${table_name}"`);
    counts[table_name] = Number(row!.n);
  }
  return counts;
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx.db = handle.db;
  const { user: admin, organization } = await signUp(handle.db, { name: "Ada", email: "ada@example.com", password, organizationName: "Acme" });
  people.admin = admin;
  for (const role of ["clerk", "accountant"] as const) {
    const { user } = await signUp(handle.db, { name: role, email: `${role}@example.com`, password, organizationName: `${role} own` });
    await handle.db.insert(memberships).values({ organizationId: organization.id, userId: user.id, role });
    people[role] = user;
  }
  actions = await allActions();
});
afterAll(async () => handle?.close());

describe("the server actions found", () => {
  it("are many, and each org-scoped one names the permission it checks", () => {
    expect(actions.length).toBeGreaterThan(25);
    const unchecked = actions.filter((a) => !NOT_ORG_SCOPED.has(a.name) && a.permission === undefined).map((a) => a.name);
    expect(unchecked).toEqual([]);
    // The list of exceptions names only actions that exist.
    const names = new Set(actions.map((a) => a.name));
    expect([...NOT_ORG_SCOPED].filter((name) => !names.has(name))).toEqual([]);
  });

  it("include the team and settings actions as admin-only", () => {
    const byName = (suffix: string) => actions.find((a) => a.name.endsWith(suffix))?.permission;
    expect(byName("#changeMemberRoleAction")).toBe("team.manage");
    expect(byName("#removeMemberAction")).toBe("team.manage");
    expect(byName("#inviteMemberAction")).toBe("team.manage");
    expect(byName("#saveSyncPreferencesAction")).toBe("settings.manage");
    expect(byName("#disconnectQboAction")).toBe("settings.manage");
    expect(byName("#startSyncAction")).toBe("sync.run");
  });
});

async function expectRefusedFor(role: Role, which: (permission: Permission) => boolean) {
  ctx.user = people[role as "clerk" | "accountant"];
  const checked = actions.filter((a) => a.permission !== undefined && which(a.permission));
  expect(checked.length).toBeGreaterThan(0);
  const before = await rowCounts();
  const answers: Record<string, unknown> = {};
  for (const { name, action } of checked) answers[name] = await action(null, form({ orgSlug: "acme" }));
  for (const { name, permission } of checked) {
    expect({ name, answer: answers[name] }).toEqual({ name, answer: { ok: false, message: expect.any(String), forbidden: true } });
    expect(can(role, permission!)).toBe(false);
  }
  expect(await rowCounts()).toEqual(before);
  return checked.map((a) => a.name);
}

describe("as an accountant (read-only)", () => {
  it("every server action is refused and nothing is written", async () => {
    const refused = await expectRefusedFor("accountant", () => true);
    expect(refused.length).toBe(actions.length - NOT_ORG_SCOPED.size);
  });
});

describe("as a clerk", () => {
  it("every admin-only action is refused and nothing is written", async () => {
    const refused = await expectRefusedFor("clerk", (permission) => !can("clerk", permission));
    expect(refused).toEqual(expect.arrayContaining(["lib/orgs/actions.ts#changeMemberRoleAction", "lib/sync/actions.ts#saveSyncPreferencesAction"]));
  });

  it("passes the guard for the work a clerk does (the form is then checked)", async () => {
    ctx.user = people.clerk;
    const save = actions.find((a) => a.name === "lib/bills/actions.ts#saveBillAction")!;
    const answer = (await save.action(null, form({ orgSlug: "acme" }))) as { ok: boolean; forbidden?: boolean };
    expect(answer.ok).toBe(false);
    expect(answer.forbidden).toBeUndefined();
  });
});

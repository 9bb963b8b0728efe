import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { auditEvents, memberships, organizations } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";
import { findMembership } from "./organizations";
import { changeMemberRole } from "./team";

// The team actions on a real database, as a signed-in person (no next-auth, no Next.js runtime).
const ctx = vi.hoisted(() => ({ db: null as unknown, user: null as { id: string; email: string; name: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => ctx.user }));
vi.mock("@/lib/db", () => ({ getDb: async () => ctx.db }));
vi.mock("@/lib/config/env", () => ({ env: () => ({ APP_URL: "http://127.0.0.1:3000" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { changeMemberRoleAction, removeMemberAction, revokeInvitationAction } = await import("./actions");
const { saveCounterpartyAction } = await import("@/lib/counterparties/actions");

let handle: DatabaseHandle;
const password = "correct horse battery";
type Person = { id: string; email: string; name: string };
let ada: Person;
let bo: Person;
let cy: Person;
let organizationId: string;

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}
const person = async (name: string) =>
  (await signUp(handle.db, { name, email: `${name.toLowerCase()}@example.com`, password, organizationName: `${name} own` })).user;
const roleOf = async (userId: string) => (await findMembership(handle.db, userId, "acme"))?.role ?? null;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx.db = handle.db;
  const signedUp = await signUp(handle.db, { name: "Ada", email: "ada@example.com", password, organizationName: "Acme" });
  ada = signedUp.user;
  organizationId = signedUp.organization.id;
  bo = await person("Bo");
  cy = await person("Cy");
  await handle.db.insert(memberships).values([
    { organizationId, userId: bo.id, role: "clerk" },
    { organizationId, userId: cy.id, role: "clerk" },
  ]);
});
afterAll(async () => handle?.close());
beforeEach(() => {
  ctx.user = ada;
});

describe("changing a member's role", () => {
  it("an admin makes a clerk an accountant, audited with the old and new role", async () => {
    expect(await changeMemberRoleAction(null, form({ orgSlug: "acme", userId: cy.id, role: "accountant" }))).toEqual({
      ok: true,
      data: { changed: true, role: "accountant" },
    });
    expect(await roleOf(cy.id)).toBe("accountant");
    const events = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.entityType, "membership"), eq(auditEvents.entityId, cy.id)));
    expect(events).toEqual([
      expect.objectContaining({ action: "role_changed", actorUserId: ada.id, changes: [{ field: "role", label: "Role of Cy", old: "Clerk", new: "Accountant" }] }),
    ]);
  });

  it("the changed role applies to the person's next request: the accountant can no longer save a vendor", async () => {
    ctx.user = cy;
    const answer = await saveCounterpartyAction(null, form({ orgSlug: "acme", kind: "vendor", displayName: "Nope Ltd" }));
    expect(answer).toMatchObject({ ok: false, forbidden: true });
  });

  it("refuses a role that does not exist and a person who is not a member", async () => {
    expect(await changeMemberRoleAction(null, form({ orgSlug: "acme", userId: cy.id, role: "owner" }))).toMatchObject({
      ok: false,
      fieldErrors: { role: [expect.any(String)] },
    });
    const outsider = await person("Oz");
    expect(await changeMemberRoleAction(null, form({ orgSlug: "acme", userId: outsider.id, role: "admin" }))).toMatchObject({
      ok: false,
      message: expect.stringContaining("no longer a member"),
    });
  });

  it("is for admins only", async () => {
    ctx.user = bo;
    expect(await changeMemberRoleAction(null, form({ orgSlug: "acme", userId: bo.id, role: "admin" }))).toMatchObject({ ok: false, forbidden: true });
    expect(await roleOf(bo.id)).toBe("clerk");
  });

  it("never demotes the last admin", async () => {
    expect(await changeMemberRoleAction(null, form({ orgSlug: "acme", userId: ada.id, role: "clerk" }))).toEqual({
      ok: false,
      message: expect.stringContaining("at least one admin"),
    });
    expect(await roleOf(ada.id)).toBe("admin");
  });

  it("of two admins demoting each other at the same moment, one is refused", async () => {
    await changeMemberRole(handle.db, { organizationId, userId: ada.id }, { userId: bo.id, role: "admin" });
    const results = await Promise.all([
      changeMemberRole(handle.db, { organizationId, userId: ada.id }, { userId: bo.id, role: "clerk" }),
      changeMemberRole(handle.db, { organizationId, userId: bo.id }, { userId: ada.id, role: "clerk" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "last-admin" }]);
    const admins = await handle.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "admin")));
    expect(admins).toHaveLength(1);
    // Back to Ada as the one admin, Bo a clerk.
    if (admins[0]!.userId !== ada.id) {
      await changeMemberRole(handle.db, { organizationId, userId: bo.id }, { userId: ada.id, role: "admin" });
      await changeMemberRole(handle.db, { organizationId, userId: ada.id }, { userId: bo.id, role: "clerk" });
    }
  });
});

// PostgreSQL only: the embedded database runs one transaction at a time, so nothing can race there.
describe.runIf(process.env.TEST_DB_KIND === "postgres")("a demotion while another team change is in progress", () => {
  it("waits for it, then sees its result: the last admin is not demoted", async () => {
    await changeMemberRole(handle.db, { organizationId, userId: ada.id }, { userId: bo.id, role: "admin" });
    let racing: Promise<Awaited<ReturnType<typeof changeMemberRole>>> | undefined;
    await handle.db.transaction(async (tx) => {
      // Another admin's change, not committed yet: it holds the team lock and has demoted Bo.
      await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId)).for("update");
      await tx.update(memberships).set({ role: "clerk" }).where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, bo.id)));
      let settled = false;
      racing = changeMemberRole(handle.db, { organizationId, userId: bo.id }, { userId: ada.id, role: "clerk" });
      void racing.finally(() => (settled = true));
      // Commit only once the demotion of Ada is waiting for the lock (or, without one, has finished).
      for (;;) {
        const [row] = await handle.query<{ n: number | string }>(
          "select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        );
        if (settled || Number(row!.n) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    expect(await racing).toEqual({ ok: false, reason: "last-admin" });
    expect(await roleOf(ada.id)).toBe("admin");
    expect(await roleOf(bo.id)).toBe("clerk");
  });
});

describe("removing a member", () => {
  it("never removes the last admin", async () => {
    expect(await removeMemberAction(null, form({ orgSlug: "acme", userId: ada.id }))).toMatchObject({
      ok: false,
      message: expect.stringContaining("at least one admin"),
    });
    expect(await roleOf(ada.id)).toBe("admin");
  });

  it("removes the member, audited, and their session loses the organisation at once", async () => {
    ctx.user = bo;
    expect(await saveCounterpartyAction(null, form({ orgSlug: "acme" }))).toMatchObject({ ok: false, fieldErrors: expect.any(Object) });
    ctx.user = ada;
    expect(await removeMemberAction(null, form({ orgSlug: "acme", userId: bo.id }))).toEqual({ ok: true, data: { changed: true } });
    expect(await roleOf(bo.id)).toBeNull();
    const [event] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "membership"), eq(auditEvents.entityId, bo.id), eq(auditEvents.action, "removed")));
    expect(event).toMatchObject({ actorUserId: ada.id, changes: [expect.objectContaining({ old: expect.stringContaining("bo@example.com"), new: null })] });
    // The same signed-in Bo, next request: the organisation is "not found" for him now.
    ctx.user = bo;
    expect(await saveCounterpartyAction(null, form({ orgSlug: "acme", kind: "vendor", displayName: "Late Ltd" }))).toMatchObject({ ok: false, notFound: true });
    expect(await revokeInvitationAction(null, form({ orgSlug: "acme", invitationId: bo.id }))).toMatchObject({ ok: false, notFound: true });
  });
});

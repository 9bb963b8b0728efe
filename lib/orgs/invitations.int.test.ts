import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate, EmailTakenError, InvitationRefusedError, signUp, signUpByInvitation } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { invitations, memberships } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";
import { INVITATION_TTL_MS } from "./invitation-rules";
import { hashInvitationToken } from "./invitation-token";
import { acceptInvitation, createInvitation, findInvitationByToken, listPendingInvitations, revokeInvitation } from "./invitations";
import { findMembership, listMembers, listMemberships } from "./organizations";

let handle: DatabaseHandle;
let orgId: string;
let adminId: string;
const password = "correct horse battery";

beforeAll(async () => {
  handle = await createTestDatabase();
  const admin = await signUp(handle.db, { name: "Ada", email: "ada@example.com", password, organizationName: "Acme" });
  orgId = admin.organization.id;
  adminId = admin.user.id;
});
afterAll(async () => {
  await handle.close();
});

async function person(name: string, email: string) {
  const { user } = await signUp(handle.db, { name, email, password, organizationName: `${name} Co` });
  return user;
}

const invite = (email: string, role: "admin" | "clerk" = "clerk", now?: Date) =>
  createInvitation(handle.db, { organizationId: orgId, email, role, invitedBy: adminId }, now);

async function token(email: string, role: "admin" | "clerk" = "clerk", now?: Date) {
  const result = await invite(email, role, now);
  if (result.kind !== "created") throw new Error(`expected an invitation, got ${result.kind}`);
  return result.token;
}

describe("creating an invitation", () => {
  it("answers the same whether or not the address has an account, and adds nobody", async () => {
    const bob = await person("Bob", "bob@example.com");
    const forExisting = await invite("Bob@Example.com");
    const forNew = await invite("newcomer@example.com");
    expect(forExisting.kind).toBe("created");
    expect(forNew.kind).toBe("created");
    expect(Object.keys(forExisting).sort()).toEqual(Object.keys(forNew).sort());
    expect(await findMembership(handle.db, bob.id, "acme")).toBeNull();
  });

  it("stores the lower-cased e-mail, only the token's SHA-256, and an expiry 7 days out", async () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const raw = await token("Casey@Example.com", "admin", now);
    const [row] = await handle.db.select().from(invitations).where(eq(invitations.email, "casey@example.com"));
    expect(row).toMatchObject({ role: "admin", tokenHash: hashInvitationToken(raw), invitedBy: adminId, acceptedAt: null });
    expect(JSON.stringify(row)).not.toContain(raw);
    expect(row!.expiresAt.getTime() - now.getTime()).toBe(INVITATION_TTL_MS);
  });

  it("refuses a current member, and replaces a pending invitation (one pending per address)", async () => {
    expect((await invite("ADA@example.com")).kind).toBe("already-member");
    const first = await token("dee@example.com");
    const second = await token("dee@example.com", "admin");
    expect(await findInvitationByToken(handle.db, first)).toBeNull();
    expect(await findInvitationByToken(handle.db, second)).toMatchObject({ email: "dee@example.com", role: "admin" });
    const pending = await listPendingInvitations(handle.db, orgId);
    expect(pending.filter((p) => p.email === "dee@example.com")).toHaveLength(1);
    expect(pending[0]).toMatchObject({ invitedByName: "Ada" });
  });

  it("lets an admin revoke a pending invitation: its link stops working", async () => {
    const raw = await token("revoked@example.com");
    const [row] = (await listPendingInvitations(handle.db, orgId)).filter((p) => p.email === "revoked@example.com");
    expect(await revokeInvitation(handle.db, orgId, row!.id)).toBe(true);
    expect(await revokeInvitation(handle.db, orgId, row!.id)).toBe(false);
    expect(await findInvitationByToken(handle.db, raw)).toBeNull();
    const other = await signUp(handle.db, { name: "Oz", email: "oz@example.com", password, organizationName: "Oz" });
    const elsewhere = await createInvitation(handle.db, {
      organizationId: other.organization.id,
      email: "x@example.com",
      role: "clerk",
      invitedBy: other.user.id,
    });
    const [foreign] = await listPendingInvitations(handle.db, other.organization.id);
    expect(elsewhere.kind).toBe("created");
    // Another organisation's invitation cannot be revoked from here.
    expect(await revokeInvitation(handle.db, orgId, foreign!.id)).toBe(false);
  });
});

describe("accepting an invitation", () => {
  it("a signed-in person with the invited e-mail joins with the invited role, once", async () => {
    const eve = await person("Eve", "eve@example.com");
    const raw = await token("EVE@example.com", "admin");
    expect(await acceptInvitation(handle.db, { token: raw, userId: eve.id })).toEqual({
      ok: true,
      organization: { slug: "acme", name: "Acme" },
      role: "admin",
    });
    expect(await findMembership(handle.db, eve.id, "acme")).toMatchObject({ role: "admin" });
    expect(await acceptInvitation(handle.db, { token: raw, userId: eve.id })).toEqual({ ok: false, reason: "used" });
    expect((await listPendingInvitations(handle.db, orgId)).map((p) => p.email)).not.toContain("eve@example.com");
  });

  it("refuses another account, an expired link and an unknown token, and adds nobody", async () => {
    const fay = await person("Fay", "fay@example.com");
    const intruder = await person("Ivan", "ivan@example.com");
    const created = new Date("2026-12-01T10:00:00Z");
    const raw = await token("fay@example.com", "clerk", created);
    expect(await acceptInvitation(handle.db, { token: raw, userId: intruder.id }, created)).toEqual({
      ok: false,
      reason: "wrong-email",
    });
    const expired = new Date(created.getTime() + INVITATION_TTL_MS);
    expect(await acceptInvitation(handle.db, { token: raw, userId: fay.id }, expired)).toEqual({ ok: false, reason: "expired" });
    expect(await acceptInvitation(handle.db, { token: "A".repeat(43), userId: fay.id })).toEqual({ ok: false, reason: "not-found" });
    expect(await findMembership(handle.db, fay.id, "acme")).toBeNull();
    expect(await findMembership(handle.db, intruder.id, "acme")).toBeNull();
    // Still pending until it expires: the right person can accept just before.
    const justBefore = new Date(expired.getTime() - 1000);
    expect(await acceptInvitation(handle.db, { token: raw, userId: fay.id }, justBefore)).toMatchObject({ ok: true });
  });

  it("10 concurrent accepts of one link give one membership and one success", async () => {
    const gus = await person("Gus", "gus@example.com");
    const raw = await token("gus@example.com");
    const results = await Promise.all(
      Array.from({ length: 10 }, () => acceptInvitation(handle.db, { token: raw, userId: gus.id })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(Array(9).fill("used"));
    const rows = await handle.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, gus.id)));
    expect(rows).toHaveLength(1);
  });
});

describe("signing up from an invitation", () => {
  it("creates the account with the invited e-mail and its membership only", async () => {
    const raw = await token("Hal@Example.com", "clerk");
    const { user, organization } = await signUpByInvitation(handle.db, { name: "Hal", password, invitation: raw });
    expect(user.email).toBe("hal@example.com");
    expect(organization).toEqual({ slug: "acme", name: "Acme" });
    expect((await listMemberships(handle.db, user.id)).map((m) => [m.slug, m.role])).toEqual([["acme", "clerk"]]);
    expect(await authenticate(handle.db, { email: "hal@example.com", password })).toMatchObject({ ok: true });
    await expect(signUpByInvitation(handle.db, { name: "Hal again", password, invitation: raw })).rejects.toMatchObject({
      reason: "used",
    });
  });

  it("sends an address that already has an account to sign in, and leaves the invitation pending", async () => {
    const raw = await token("bob@example.com");
    await expect(signUpByInvitation(handle.db, { name: "Bob", password, invitation: raw })).rejects.toBeInstanceOf(
      EmailTakenError,
    );
    expect(await findInvitationByToken(handle.db, raw)).toMatchObject({ acceptedAt: null });
  });

  it("refuses an expired invitation without creating an account", async () => {
    const created = new Date(Date.now() - INVITATION_TTL_MS - 1000);
    const raw = await token("late@example.com", "clerk", created);
    const refusal = signUpByInvitation(handle.db, { name: "Late", password, invitation: raw });
    await expect(refusal).rejects.toBeInstanceOf(InvitationRefusedError);
    await expect(refusal).rejects.toMatchObject({ reason: "expired" });
    expect((await listMembers(handle.db, orgId)).map((m) => m.email)).not.toContain("late@example.com");
    expect(await authenticate(handle.db, { email: "late@example.com", password })).toMatchObject({ ok: false });
  });

  it("5 concurrent sign-ups from one link give one account-and-membership", async () => {
    const raw = await token("ivy@example.com");
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => signUpByInvitation(handle.db, { name: "Ivy", password, invitation: raw })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    // The others are told the account exists (or the link is used), never a database error.
    for (const r of results) {
      if (r.status === "rejected") expect(r.reason).toSatisfy((e) => e instanceof EmailTakenError || e instanceof InvitationRefusedError);
    }
    expect((await listMembers(handle.db, orgId)).filter((m) => m.email === "ivy@example.com")).toHaveLength(1);
  });
});

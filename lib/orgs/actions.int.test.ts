import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { invitations } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";
import { findMembership } from "./organizations";

// The server actions on a real database, as a signed-in person (no next-auth, no Next.js runtime).
const ctx = vi.hoisted(() => ({ db: null as unknown, user: null as { id: string; email: string; name: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => ctx.user }));
vi.mock("@/lib/db", () => ({ getDb: async () => ctx.db }));
vi.mock("@/lib/config/env", () => ({ env: () => ({ APP_URL: "http://127.0.0.1:3000" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { acceptInvitationAction, inviteMemberAction, revokeInvitationAction } = await import("./actions");

let handle: DatabaseHandle;
const password = "correct horse battery";
let admin: { id: string; email: string; name: string };
let member: { id: string; email: string; name: string };
let outsider: { id: string; email: string; name: string };

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx.db = handle.db;
  admin = (await signUp(handle.db, { name: "Ada", email: "ada@example.com", password, organizationName: "Acme" })).user;
  outsider = (await signUp(handle.db, { name: "Oli", email: "oli@example.com", password, organizationName: "Oli Co" })).user;
  member = (await signUp(handle.db, { name: "Mo", email: "mo@example.com", password, organizationName: "Mo Co" })).user;
  ctx.user = admin;
  const invited = await inviteMemberAction(null, form({ orgSlug: "acme", email: "mo@example.com", role: "clerk" }));
  if (!invited.ok) throw new Error(invited.message);
  ctx.user = member;
  await acceptInvitationAction(null, form({ invitation: new URL(invited.data.link).pathname.split("/")[2]! })).catch(() => undefined);
});
afterAll(async () => {
  await handle.close();
});
beforeEach(() => {
  ctx.user = admin;
});

describe("inviteMemberAction", () => {
  it("gives the admin one reply whether or not the e-mail has an account, with a link shown once", async () => {
    const existing = await inviteMemberAction(null, form({ orgSlug: "acme", email: "oli@example.com", role: "clerk" }));
    const unknown = await inviteMemberAction(null, form({ orgSlug: "acme", email: "nobody@example.com", role: "clerk" }));
    expect(existing).toEqual({ ok: true, data: { email: "oli@example.com", link: expect.stringMatching(/^http:\/\/127\.0\.0\.1:3000\/invite\/[\w-]{43}$/) } });
    expect(unknown).toEqual({ ok: true, data: { email: "nobody@example.com", link: expect.stringMatching(/\/invite\/[\w-]{43}$/) } });
    // Nobody joins before accepting.
    expect(await findMembership(handle.db, outsider.id, "acme")).toBeNull();
  });

  it("is for admins only: a member is refused on the server and nothing is stored", async () => {
    ctx.user = member;
    expect(await findMembership(handle.db, member.id, "acme")).toMatchObject({ role: "clerk" });
    const before = (await handle.db.select().from(invitations)).length;
    expect(await inviteMemberAction(null, form({ orgSlug: "acme", email: "x@example.com", role: "admin" }))).toEqual({
      ok: false,
      message: "Only an admin of this organisation can do this.",
      forbidden: true,
    });
    expect((await handle.db.select().from(invitations)).length).toBe(before);
    ctx.user = outsider;
    expect(await inviteMemberAction(null, form({ orgSlug: "acme", email: "x@example.com", role: "admin" }))).toMatchObject({
      ok: false,
      notFound: true,
    });
  });

  it("revocation is for admins of the organisation only", async () => {
    const [pending] = await handle.db.select().from(invitations).limit(1);
    ctx.user = member;
    expect(await revokeInvitationAction(null, form({ orgSlug: "acme", invitationId: pending!.id }))).toMatchObject({ ok: false });
    ctx.user = admin;
    expect(await revokeInvitationAction(null, form({ orgSlug: "acme", invitationId: "not-a-uuid" }))).toMatchObject({ ok: false });
  });
});

describe("acceptInvitationAction", () => {
  it("lets the invited account in and sends it to the organisation", async () => {
    const invited = await inviteMemberAction(null, form({ orgSlug: "acme", email: "OLI@example.com", role: "admin" }));
    if (!invited.ok) throw new Error(invited.message);
    const token = new URL(invited.data.link).pathname.split("/")[2]!;
    ctx.user = member;
    expect(await acceptInvitationAction(null, form({ invitation: token }))).toEqual({
      ok: false,
      message: expect.stringContaining("different e-mail address"),
    });
    ctx.user = outsider;
    await expect(acceptInvitationAction(null, form({ invitation: token }))).rejects.toMatchObject({
      digest: expect.stringContaining("/o/acme"),
    });
    expect(await findMembership(handle.db, outsider.id, "acme")).toMatchObject({ role: "admin" });
    expect(await acceptInvitationAction(null, form({ invitation: token }))).toEqual({
      ok: false,
      message: expect.stringContaining("already been used"),
    });
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { memberships, qboConnections, users } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";

// The switch's server actions on a real database, as a signed-in person (no next-auth, no Next.js runtime).
const ctx = vi.hoisted(() => ({ db: null as unknown, user: null as { id: string; email: string; name: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => ctx.user }));
vi.mock("@/lib/db", () => ({ getDb: async () => ctx.db }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { cancelCompanySwitchAction, confirmCompanySwitchAction } = await import("./switch-actions");

let handle: DatabaseHandle;
let organizationId: string;
let member: { id: string; email: string; name: string };
let outsider: { id: string; email: string; name: string };

function form(slug: string) {
  const data = new FormData();
  data.set("orgSlug", slug);
  return data;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx.db = handle.db;
  const owner = await signUp(handle.db, { name: "Ada", email: "ada-switch@example.com", password: "correct horse battery", organizationName: "Switch Roles" });
  organizationId = owner.organization.id;
  outsider = (await signUp(handle.db, { name: "Oli", email: "oli-switch@example.com", password: "correct horse battery", organizationName: "Elsewhere" })).user;
  const [row] = await handle.db.insert(users).values({ email: "mo-switch@example.com", name: "Mo", passwordHash: "x" }).returning();
  member = { id: row!.id, email: row!.email, name: row!.name };
  await handle.db.insert(memberships).values({ organizationId, userId: member.id, role: "member" });
  await handle.db.insert(qboConnections).values({
    organizationId,
    realmId: "9341000000000777",
    companyName: "New Books Co",
    status: "awaiting_confirmation",
    awaitingKind: "switch",
    switchFromRealmId: "9341000000000111",
    switchFromCompanyName: "Old Books Co",
    connectedBy: owner.user.id,
  });
});
afterAll(async () => handle?.close());

const connection = async () => (await handle.db.select().from(qboConnections).where(eq(qboConnections.organizationId, organizationId)))[0]!;

describe("switch company actions", () => {
  it("refuse a member: the switch still waits, nothing archived or disconnected", async () => {
    ctx.user = member;
    expect(await confirmCompanySwitchAction(null, form("switch-roles"))).toEqual({ ok: false, message: "Only an admin of this organisation can do this." });
    expect(await cancelCompanySwitchAction(null, form("switch-roles"))).toEqual({ ok: false, message: "Only an admin of this organisation can do this." });
    expect(await connection()).toMatchObject({ status: "awaiting_confirmation", awaitingKind: "switch", realmId: "9341000000000777" });
  });

  it("answer a non-member with not found", async () => {
    ctx.user = outsider;
    expect(await confirmCompanySwitchAction(null, form("switch-roles"))).toMatchObject({ ok: false, notFound: true });
    expect((await connection()).status).toBe("awaiting_confirmation");
  });
});

describe("the database", () => {
  it("refuses a connection awaiting confirmation without a reason, and a switch that names no company it leaves", async () => {
    await expect(handle.db.update(qboConnections).set({ awaitingKind: null }).where(eq(qboConnections.organizationId, organizationId))).rejects.toThrow();
    await expect(handle.db.update(qboConnections).set({ switchFromRealmId: null }).where(eq(qboConnections.organizationId, organizationId))).rejects.toThrow();
    await expect(handle.db.update(qboConnections).set({ status: "connected" }).where(eq(qboConnections.organizationId, organizationId))).rejects.toThrow();
    expect((await connection()).status).toBe("awaiting_confirmation");
  });
});

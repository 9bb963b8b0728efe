import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import { signUpSchema } from "@/lib/auth/schemas";
import type { DatabaseHandle } from "@/lib/db/connection";
import { auditEvents, organizations } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";
import { findMembership } from "./organizations";

// The Settings action on a real database, as a signed-in person (no next-auth, no Next.js runtime).
const ctx = vi.hoisted(() => ({ db: null as unknown, user: null as { id: string; email: string; name: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => ctx.user }));
vi.mock("@/lib/db", () => ({ getDb: async () => ctx.db }));
vi.mock("@/lib/config/env", () => ({ env: () => ({ APP_URL: "http://127.0.0.1:3000" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { updateTimeZoneAction } = await import("./actions");

let handle: DatabaseHandle;
const password = "correct horse battery";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx.db = handle.db;
});
afterAll(async () => {
  await handle.close();
});

describe("organisation time zone", () => {
  it("starts from the browser's zone at sign-up, and from UTC when the browser names none", async () => {
    const fromBrowser = signUpSchema.parse({ name: "Lou", email: "lou@example.com", password, organizationName: "Lou's Plumbing", timeZone: "America/Los_Angeles" });
    const { user } = await signUp(handle.db, fromBrowser);
    expect((await findMembership(handle.db, user.id, "lou-s-plumbing"))?.timeZone).toBe("America/Los_Angeles");

    const noZone = signUpSchema.parse({ name: "Kim", email: "kim@example.com", password, organizationName: "Kim Bakery", timeZone: "Nowhere/Special" });
    expect(noZone.timeZone).toBe("UTC");
  });

  it("an admin changes it in Settings (audited); a bad name is a field error and changes nothing", async () => {
    const { user, organization } = await signUp(handle.db, { name: "Ada", email: "ada@example.com", password, organizationName: "Acme Tiles" });
    ctx.user = user;
    const refused = await updateTimeZoneAction(null, form({ orgSlug: organization.slug, timeZone: "Mars/Olympus" }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { timeZone: [expect.stringMatching(/Choose a time zone/)] } });
    const [unchanged] = await handle.db.select().from(organizations).where(eq(organizations.id, organization.id));
    expect(unchanged?.timeZone).toBe("UTC");

    const saved = await updateTimeZoneAction(null, form({ orgSlug: organization.slug, timeZone: "America/New_York" }));
    expect(saved).toMatchObject({ ok: true, data: { changed: true, timeZone: "America/New_York" } });
    expect((await findMembership(handle.db, user.id, organization.slug))?.timeZone).toBe("America/New_York");
    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, organization.id));
    expect(audit.map((event) => event.changes)).toEqual([[{ field: "timeZone", label: "Time zone", old: "UTC", new: "America/New_York" }]]);
  });

  it("a member cannot change it", async () => {
    const { user: owner, organization } = await signUp(handle.db, { name: "Bo", email: "bo@example.com", password, organizationName: "Bo Builders" });
    const { user: other } = await signUp(handle.db, { name: "Cy", email: "cy@example.com", password, organizationName: "Cy Co" });
    ctx.user = other;
    expect(await updateTimeZoneAction(null, form({ orgSlug: organization.slug, timeZone: "Europe/Paris" }))).toMatchObject({ ok: false, notFound: true });
    ctx.user = owner;
  });
});

import { beforeEach, describe, expect, it, vi } from "vitest";

// Settings → Sync → QuickBooks Commerce markers → Save, with a signed-in admin of "shop" and a member
// of "team"; the markers repository is faked (its own integration test covers the database).
const session = vi.hoisted(() => ({ user: { id: "u1", email: "ann@example.com", name: "Ann" } }));
const saved = vi.hoisted(() => ({ calls: [] as unknown[], result: { ok: true, markers: { docNumberPrefixes: ["SHOP-"], memoPhrases: [] } } as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));
vi.mock("@/lib/db", () => ({ getDb: async () => ({}) }));
vi.mock("@/lib/orgs/organizations", () => ({
  findMembership: async (_db: unknown, _userId: string, slug: string) =>
    slug === "shop" || slug === "team"
      ? { organizationId: "00000000-0000-4000-8000-000000000001", slug, name: slug, role: slug === "shop" ? "admin" : "clerk" }
      : null,
}));
vi.mock("@/lib/config/env", () => ({ env: () => ({ APP_URL: "http://127.0.0.1:3000" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/sync/start-sync", () => ({ startSyncInBackground: async () => ({}) }));
vi.mock("@/lib/sync/preferences", () => ({
  saveSyncPreferences: async () => ({ ok: true }),
  saveCommerceMarkers: async (_db: unknown, organizationId: string, userId: string, input: unknown) => {
    saved.calls.push({ organizationId, userId, input });
    return saved.result;
  },
}));

const { saveCommerceMarkersAction } = await import("@/lib/sync/actions");

function form(slug: string, fields: Record<string, string>): FormData {
  const data = new FormData();
  data.set("orgSlug", slug);
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

beforeEach(() => {
  saved.calls = [];
  saved.result = { ok: true, markers: { docNumberPrefixes: ["SHOP-"], memoPhrases: [] } };
});

describe("saveCommerceMarkersAction", () => {
  it("saves an admin's markers for their organisation", async () => {
    expect(await saveCommerceMarkersAction(null, form("shop", { docNumberPrefixes: "SHOP-", memoPhrases: "" }))).toEqual({ ok: true, data: { saved: true } });
    expect(saved.calls).toEqual([{ organizationId: "00000000-0000-4000-8000-000000000001", userId: "u1", input: { docNumberPrefixes: "SHOP-", memoPhrases: "" } }]);
  });

  it("refuses a clerk, and saves nothing", async () => {
    expect(await saveCommerceMarkersAction(null, form("team", { docNumberPrefixes: "SHOP-" }))).toEqual({ ok: false, message: "Only an admin of this organisation can do this.", forbidden: true });
    expect(saved.calls).toEqual([]);
  });

  it("answers a rejected marker with its field error", async () => {
    saved.result = { ok: false, fieldErrors: { docNumberPrefixes: "“S” is too short: a prefix needs at least 2 characters" } };
    expect(await saveCommerceMarkersAction(null, form("shop", { docNumberPrefixes: "S" }))).toEqual({
      ok: false,
      message: "The QuickBooks Commerce markers were not saved. Please correct the highlighted fields.",
      fieldErrors: { docNumberPrefixes: ["“S” is too short: a prefix needs at least 2 characters"] },
    });
  });
});

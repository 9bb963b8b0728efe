import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

// The guard's collaborators: a signed-in admin of "acme", no real session or database needed.
const session = vi.hoisted(() => ({ user: { id: "u1", email: "ann@example.com", name: "Ann" } as { id: string; email: string; name: string } | null }));
vi.mock("./session", () => ({ getSessionUser: async () => session.user }));
vi.mock("@/lib/db", () => ({ getDb: async () => ({}) }));
vi.mock("@/lib/orgs/organizations", () => ({
  findMembership: async (_db: unknown, _userId: string, slug: string) =>
    slug === "acme" ? { organizationId: "00000000-0000-4000-8000-000000000001", slug, name: "Acme", role: "admin" } : null,
}));

const { orgAction } = await import("./guard");

beforeEach(() => {
  session.user = { id: "u1", email: "ann@example.com", name: "Ann" };
});

describe("orgAction", () => {
  const schema = z.object({ lines: z.array(z.object({ amount: z.string() })) });

  it("answers a hostile row index with a field error and never runs the handler", async () => {
    const handler = vi.fn(async () => "saved");
    const action = orgAction({ schema }, handler);
    const form = new FormData();
    form.set("orgSlug", "acme");
    form.set("lines.100000000.amount", "1");
    const result = await action(null, form);
    expect(result).toMatchObject({ ok: false, fieldErrors: { "lines.100000000.amount": [expect.stringContaining("at most")] } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("passes well-formed rows to the handler, densely", async () => {
    const action = orgAction({ schema }, async (_ctx, input) => input.lines.map((line) => line.amount));
    const form = new FormData();
    form.set("orgSlug", "acme");
    form.set("lines.4.amount", "4");
    form.set("lines.1.amount", "1");
    expect(await action(null, form)).toEqual({ ok: true, data: ["1", "4"] });
  });
});

import { beforeEach, describe, expect, it, vi } from "vitest";
import { DrizzleQueryError } from "drizzle-orm";
import { z } from "zod";

// The guard's collaborators: a signed-in admin of "acme", no real session or database needed.
const session = vi.hoisted(() => ({ user: { id: "u1", email: "ann@example.com", name: "Ann" } as { id: string; email: string; name: string } | null }));
vi.mock("./session", () => ({ getSessionUser: async () => session.user }));
vi.mock("@/lib/db", () => ({ getDb: async () => ({}) }));
vi.mock("@/lib/orgs/organizations", () => ({
  findMembership: async (_db: unknown, _userId: string, slug: string) =>
    slug === "acme" ? { organizationId: "00000000-0000-4000-8000-000000000001", slug, name: "Acme", role: "admin" } : null,
}));

vi.mock("@/lib/config/env", () => ({ env: () => ({ APP_URL: "http://127.0.0.1:3000" }) }));
// The process logger, captured: what the server log line of a failure holds.
const logLines = vi.hoisted(() => [] as string[]);
vi.mock("@/lib/log", async (importActual) => {
  const actual = await importActual<typeof import("@/lib/log")>();
  const log = actual.createLogger({ sink: (line) => logLines.push(line) });
  return { ...actual, logger: () => log };
});

const { orgAction, orgRoute } = await import("./guard");

beforeEach(() => {
  session.user = { id: "u1", email: "ann@example.com", name: "Ann" };
});

describe("orgAction", () => {
  const schema = z.object({ lines: z.array(z.object({ amount: z.string() })) });

  it("answers a hostile row index with a field error and never runs the handler", async () => {
    const handler = vi.fn(async () => "saved");
    const action = orgAction({ schema, permission: "bill.edit" }, handler);
    const form = new FormData();
    form.set("orgSlug", "acme");
    form.set("lines.100000000.amount", "1");
    const result = await action(null, form);
    expect(result).toMatchObject({ ok: false, fieldErrors: { "lines.100000000.amount": [expect.stringContaining("at most")] } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("passes well-formed rows to the handler, densely", async () => {
    const action = orgAction({ schema, permission: "bill.edit" }, async (_ctx, input) => input.lines.map((line) => line.amount));
    const form = new FormData();
    form.set("orgSlug", "acme");
    form.set("lines.4.amount", "4");
    form.set("lines.1.amount", "1");
    expect(await action(null, form)).toEqual({ ok: true, data: ["1", "4"] });
  });
});

describe("orgAction on an unexpected error", () => {
  it("shows a short message with a reference, and logs the full error (parameters redacted) under it", async () => {
    const hash = "$2b$10$abcdefghijklmnopqrstuuKX8yW0r7Vw2m0bZ1k5y3u9Qp6s4tE2a";
    const action = orgAction({ schema: z.object({}), permission: "bill.edit" }, async () => {
      throw new DrizzleQueryError('insert into "users" ("email", "password_hash") values ($1, $2)', ["ann@example.com", hash]);
    });
    const form = new FormData();
    form.set("orgSlug", "acme");
    logLines.length = 0;
    const result = await action(null, form);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^Something went wrong \(ref [0-9A-Z]{4}-[0-9A-Z]{4}\)/) });
    const message = (result as { message: string }).message;
    expect(message).not.toMatch(/insert|users|\$1|ann@example/);
    const ref = /ref ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(message)![1]!;
    expect(logLines).toHaveLength(1);
    const line = JSON.parse(logLines[0]!) as { level: string; ref: string; error: { message: string } };
    expect(line).toMatchObject({ level: "error", ref });
    expect(line.error.message).toContain('insert into "users"');
    expect(logLines[0]).not.toContain("ann@example.com");
    expect(logLines[0]).not.toContain("$2b$");
  });
});

describe("orgRoute", () => {
  const params = { params: Promise.resolve({ orgSlug: "acme" }) };
  const route = () => {
    const handler = vi.fn(async () => new Response("attached", { status: 201 }));
    return { handler, post: orgRoute({ permission: "bill.edit" }, handler) };
  };
  const upload = (headers: Record<string, string>, method = "POST") =>
    new Request("http://127.0.0.1:3000/api/orgs/acme/bills/1/documents", { method, headers });

  it("refuses a change sent from a page on another port of the same host (same-site, other origin)", async () => {
    const { handler, post } = route();
    const response = await post(upload({ origin: "http://127.0.0.1:4000", "sec-fetch-site": "same-site" }), params);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "cross_site_request" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a cross-site change by its Origin alone (older browsers send no Sec-Fetch-Site)", async () => {
    const { handler, post } = route();
    expect((await post(upload({ origin: "https://evil.example" }), params)).status).toBe(403);
    expect((await post(upload({ origin: "null" }), params)).status).toBe(403);
    expect((await post(upload({ "sec-fetch-site": "cross-site" }), params)).status).toBe(403);
    expect((await post(upload({ origin: "https://evil.example" }, "DELETE"), params)).status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
  });

  it("accepts the app's own pages and clients that are not browsers", async () => {
    const { handler, post } = route();
    expect((await post(upload({ origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }), params)).status).toBe(201);
    expect((await post(upload({}), params)).status).toBe(201);
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it("leaves reads alone: a cross-site GET cannot read the answer anyway", async () => {
    const { handler, post: get } = route();
    expect((await get(upload({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }, "GET"), params)).status).toBe(201);
    expect(handler).toHaveBeenCalledTimes(1);
  });
});

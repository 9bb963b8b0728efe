import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedDemoBills } from "@/lib/bills/seed-bills";
import { createApOrg, type ApOrg } from "@/lib/bills/test-fixtures";
import type { DatabaseHandle } from "@/lib/db/connection";
import { bills, syncIssues } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";
import { CSV_BOM } from "./csv";
import { EXPORT_PAGE_SIZE } from "./exports";

// The export route on a real database, as a signed-in member (no next-auth, no Next.js runtime).
const ctx = vi.hoisted(() => ({ db: null as unknown, user: null as { id: string; email: string; name: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => ctx.user }));
vi.mock("@/lib/db", () => ({ getDb: async () => ctx.db }));
vi.mock("@/lib/config/env", () => ({ env: () => ({ APP_URL: "http://127.0.0.1:3000" }) }));

const { exportCsvRoute } = await import("./export-route");

let handle: DatabaseHandle;
let org: ApOrg;
let other: ApOrg;
const BILLS = 5_200;

function get(slug: string, file: string, query = "") {
  const request = new Request(`http://127.0.0.1:3000/api/orgs/${slug}/exports/${file}${query}`);
  return exportCsvRoute(request, { params: Promise.resolve({ orgSlug: slug, file }) });
}

/** The body's text after checking it starts with the BOM (Response.text() would drop it silently). */
async function csvText(response: Response): Promise<string> {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
  expect(text.startsWith(CSV_BOM)).toBe(true);
  return text.slice(CSV_BOM.length);
}

function as(someone: ApOrg) {
  ctx.user = { id: someone.actor.userId, email: "clerk@example.com", name: "Clerk" };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx.db = handle.db;
  org = await createApOrg(handle.db, "Export");
  other = await createApOrg(handle.db, "Other");
  await seedDemoBills(handle.db, org.organizationId, { count: BILLS, today: "2026-04-10" });
}, 120_000);
afterAll(async () => {
  await handle.close();
});

describe("GET /api/orgs/<slug>/exports/sync-issues.csv", () => {
  it("lists the page's open issues of the chosen group, a formula in a record's name made plain text", async () => {
    as(org);
    const issue = { organizationId: org.organizationId, objectType: "vendor", severity: "failure" as const, reasonCode: "PREFERENCES_MISSING" };
    await handle.db.insert(syncIssues).values([
      { ...issue, issueKey: "vendor:1", label: '=HYPERLINK("http://evil.example","Click")' },
      { ...issue, issueKey: "vendor:2", label: "Resolved Co", resolvedAt: new Date() },
      { ...issue, organizationId: other.organizationId, issueKey: "vendor:3", label: "Other org's vendor" },
    ]);
    const rows = (await csvText(await get(org.slug, "sync-issues.csv", "?group=action"))).split("\r\n").filter(Boolean);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
  });
});

describe("GET /api/orgs/<slug>/exports/bills.csv", () => {
  it("streams every bill in keyset pages, reading the next page only as the body is read", async () => {
    as(org);
    const select = vi.spyOn(handle.db, "select");
    const response = await get(org.slug, "bills.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain(`${org.slug}-bills.csv`);
    const pagesRead = select.mock.calls.length;

    const reader = response.body!.getReader();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    const chunks: string[] = [];
    const selectsAfterChunk: number[] = [];
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      chunks.push(decoder.decode(chunk.value, { stream: true }));
      selectsAfterChunk.push(select.mock.calls.length - pagesRead);
    }
    select.mockRestore();

    const text = chunks.join("");
    expect(text.startsWith(`${CSV_BOM}Bill number,Vendor,Bill date,Due date,Currency,Total,Open balance,Status,QuickBooks id\r\n`)).toBe(true);
    const lines = text.slice(CSV_BOM.length).split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(BILLS + 1);
    const pages = Math.ceil(BILLS / EXPORT_PAGE_SIZE);
    // The header chunk reads nothing; then each chunk is one page of at most 1,000 rows, one query each.
    expect(chunks).toHaveLength(1 + pages);
    expect(selectsAfterChunk).toEqual([0, ...Array.from({ length: pages }, (_, i) => i + 1)]);
    for (const chunk of chunks.slice(1)) expect(chunk.split("\r\n").filter(Boolean).length).toBeLessThanOrEqual(EXPORT_PAGE_SIZE);
    // Every bill exactly once, in (bill date, id) order.
    const numbers = new Set(lines.slice(1).map((line) => line.split(",")[0]));
    expect(numbers.size).toBe(BILLS);
    const dates = lines.slice(1).map((line) => line.split(",").at(-7)!);
    expect([...dates].sort()).toEqual(dates);
  }, 60_000);

  it("applies the page's filters (the bills list's own query parser)", async () => {
    as(org);
    const [voided] = await handle.db.select({ n: count() }).from(bills).where(eq(bills.status, "voided"));
    const text = await csvText(await get(org.slug, "bills.csv", "?status=voided&page=7"));
    const rows = text.split("\r\n").filter(Boolean).slice(1);
    expect(rows).toHaveLength(voided!.n);
    expect(rows.every((row) => row.includes(",voided,"))).toBe(true);
  });

  it("is not found for a person outside the organisation, and for an unknown export", async () => {
    as(other);
    expect((await get(org.slug, "bills.csv")).status).toBe(404);
    const own = await csvText(await get(other.slug, "bills.csv"));
    expect(own.split("\r\n").filter(Boolean)).toHaveLength(1);
    as(org);
    expect((await get(org.slug, "users.csv")).status).toBe(404);
    expect((await get(org.slug, "bills.json")).status).toBe(404);
    ctx.user = null;
    expect((await get(org.slug, "bills.csv")).status).toBe(401);
  });

  it("exports the other lists and reports with their headers", async () => {
    as(org);
    for (const [file, header] of [
      ["invoices.csv", "Invoice number,Customer"],
      ["payments.csv", "Process date,Paid date,Vendor"],
      ["received-payments.csv", "Received date,Customer"],
      ["ap-aging.csv", "Vendor,Current,1–30 days"],
      ["ar-aging.csv", "Customer,Current"],
      ["funds-transfers.csv", "Transfer date,Direction"],
      ["sync-issues.csv", "Record type,Record,QuickBooks id,Reason"],
    ] as const) {
      const response = await get(org.slug, file, "?asOf=2026-04-10");
      expect(response.status, file).toBe(200);
      expect((await csvText(response)).startsWith(header), file).toBe(true);
    }
    const aging = (await csvText(await get(org.slug, "ap-aging.csv", "?asOf=2026-04-10"))).split("\r\n").filter(Boolean);
    expect(aging.at(-1)!.startsWith("Total,")).toBe(true);
    expect(aging.length).toBeGreaterThan(2);
    const payments = (await csvText(await get(org.slug, "payments.csv"))).split("\r\n").filter(Boolean);
    expect(payments.length).toBeGreaterThan(1);
  }, 60_000);
});

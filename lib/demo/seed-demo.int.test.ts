import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { bills, invoices, organizations } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";
import { DEMO_SIGN_IN, seedDemo } from "./seed-demo";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle.close());

describe("seedDemo", () => {
  it("creates a signed-in-able demo organisation with bills and invoices, once", async () => {
    const first = await seedDemo(handle.db, { bills: 30, invoices: 20 }, "2026-11-25");
    expect(first.created).toBe(true);
    const second = await seedDemo(handle.db, { bills: 30, invoices: 20 }, "2026-11-25");
    expect(second).toEqual({ slug: first.slug, created: false });
    const [org] = await handle.db.select().from(organizations).where(eq(organizations.slug, first.slug));
    const [billCount] = await handle.db.select({ n: count() }).from(bills).where(eq(bills.organizationId, org!.id));
    const [invoiceCount] = await handle.db.select({ n: count() }).from(invoices).where(eq(invoices.organizationId, org!.id));
    expect(billCount?.n).toBe(30);
    expect(invoiceCount?.n).toBe(20);
    expect(await authenticate(handle.db, DEMO_SIGN_IN)).toMatchObject({ ok: true });
  });
});

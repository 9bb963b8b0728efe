import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/connection";
import { bills, fundsTransfers, vendorCredits } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";
import { listBills } from "./bill-queries";
import { parseBillListQuery } from "./list-query";
import { refreshBillStatus } from "./refresh-bill-status";
import { seedDemoBills } from "./seed-bills";
import { createApOrg } from "./test-fixtures";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

describe("seedDemoBills", () => {
  it("seeds 10,000 bills in every state and the list still returns a page with totals", async () => {
    const org = await createApOrg(handle.db, "Seeded");
    const result = await seedDemoBills(handle.db, org.organizationId, { count: 10_000, today: "2026-04-10" });
    expect(result.bills).toBe(10_000);
    expect(result.vendorCredits).toBe(2);
    expect(result.fundsTransfers).toBeGreaterThan(0);

    const statuses = await handle.db.select({ status: bills.status, n: count() }).from(bills).where(eq(bills.organizationId, org.organizationId)).groupBy(bills.status);
    const byStatus = Object.fromEntries(statuses.map((row) => [row.status, row.n]));
    expect(byStatus.voided).toBe(1);
    for (const status of ["unpaid", "scheduled", "partially_paid", "paid"]) expect(byStatus[status]).toBeGreaterThan(0);

    const page = await listBills(handle.db, org.organizationId, parseBillListQuery({ status: "unpaid", sort: "amount", dir: "desc", page: "3" }));
    expect(page.rows).toHaveLength(25);
    expect(page.total).toBe(byStatus.unpaid);
    expect(page.rows[0]!.totalCents).toBeGreaterThanOrEqual(page.rows[24]!.totalCents);
    const searched = await listBills(handle.db, org.organizationId, parseBillListQuery({ q: "cascade" }));
    expect(searched.total).toBeGreaterThan(0);

    // Stored statuses agree with what the app's own rule recomputes.
    const sample = await handle.db.select({ id: bills.id, status: bills.status, open: bills.openBalanceCents }).from(bills).where(eq(bills.organizationId, org.organizationId)).limit(200);
    for (const row of sample) {
      const summary = await refreshBillStatus(handle.db, org.organizationId, row.id);
      expect([summary?.status, summary?.openBalanceCents]).toEqual([row.status, row.open]);
    }
    const [credit] = await handle.db.select().from(vendorCredits).where(eq(vendorCredits.creditNumber, "CR-2001"));
    expect(credit!.balanceCents).toBe(5_000);
    const [transfers] = await handle.db.select({ n: count() }).from(fundsTransfers).where(eq(fundsTransfers.organizationId, org.organizationId));
    expect(transfers?.n).toBe(result.fundsTransfers);
  }, 120_000);
});

/**
 * Migration 0009 adds unique indexes on numbers that databases may already repeat (saves that raced
 * before the indexes existed, QBO imports of repeated numbers). It must apply anyway: the extra
 * holders are renumbered "<number>-2", "-3", … (skipping numbers in use) with an audit event, the one
 * linked to QuickBooks (else the oldest) keeps its number, and voided records are left alone.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApOrg, type ApOrg } from "@/lib/bills/test-fixtures";
import { MIGRATIONS_FOLDER, type DatabaseHandle } from "@/lib/db/connection";
import { auditEvents, bills, customers, invoices, vendorCredits } from "@/lib/db/schema";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { createTestDatabase } from "@/lib/testing/test-database";

let handle: DatabaseHandle;
let org: ApOrg;

beforeAll(async () => {
  handle = await createTestDatabase();
  org = await createApOrg(handle.db, "Renumber");
});
afterAll(async () => handle?.close());

const MIGRATION = readFileSync(path.join(MIGRATIONS_FOLDER, "0009_unique_numbers_and_names.sql"), "utf8");
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

describe("migration 0009 on a database that already repeats numbers", () => {
  it("renumbers the extra holders, keeps the linked or oldest one, and the indexes then hold", async () => {
    // The database as it was before 0009.
    for (const index of ["bills_vendor_number_key", "invoices_org_number_key", "vendor_credits_vendor_number_key"]) {
      await handle.query(`drop index "${index}"`);
    }
    const bill = (billNumber: string, minute: number, extra: Partial<typeof bills.$inferInsert> = {}) => ({
      organizationId: org.organizationId,
      vendorId: org.nursery,
      billNumber,
      billDate: "2026-01-01",
      dueDate: "2026-01-31",
      totalCents: 100,
      openBalanceCents: 100,
      createdAt: at(minute),
      ...extra,
    });
    const long = "L".repeat(21);
    const rows = await handle.db
      .insert(bills)
      .values([
        bill("B-1", 1),
        bill("b-1", 2),
        bill("B-1", 3, { qboId: "77" }),
        bill("B-1-2", 4),
        bill("B-1", 5, { voidedAt: at(6), status: "voided" }),
        bill("B-1", 7, { vendorId: org.irrigation }),
        bill(long, 8),
        bill(long, 9),
      ])
      .returning({ id: bills.id });
    const [customer] = await handle.db.select().from(customers).where(eq(customers.organizationId, org.organizationId)).limit(1);
    const invoice = (minute: number) => ({
      organizationId: org.organizationId,
      customerId: customer!.id,
      invoiceNumber: "1001",
      invoiceDate: "2026-01-01",
      dueDate: "2026-01-31",
      totalCents: 100,
      openBalanceCents: 100,
      createdAt: at(minute),
    });
    const invoiceRows = await handle.db.insert(invoices).values([invoice(1), invoice(2)]).returning({ id: invoices.id });
    const credit = (minute: number) => ({
      organizationId: org.organizationId,
      vendorId: org.nursery,
      creditNumber: "CR-1",
      creditDate: "2026-01-01",
      totalCents: 100,
      balanceCents: 100,
      createdAt: at(minute),
    });
    const creditRows = await handle.db.insert(vendorCredits).values([credit(1), credit(2)]).returning({ id: vendorCredits.id });

    for (const statement of MIGRATION.split("--> statement-breakpoint")) {
      if (statement.trim()) await handle.query(statement);
    }

    const numberOf = async (id: string) => (await handle.db.select({ n: bills.billNumber }).from(bills).where(eq(bills.id, id)))[0]!.n;
    const ids = rows.map((row) => row.id);
    expect(await Promise.all(ids.map(numberOf))).toEqual([
      "B-1-3", // oldest unlinked: renumbered, "B-1-2" being taken
      "b-1-4",
      "B-1", // linked to QuickBooks: keeps its number
      "B-1-2",
      "B-1", // voided: outside the index
      "B-1", // another vendor
      long,
      `${"L".repeat(19)}-2`, // QBO's DocNumber holds 21 characters
    ]);
    const invoiceNumbers = await Promise.all(invoiceRows.map(async ({ id }) => (await handle.db.select().from(invoices).where(eq(invoices.id, id)))[0]!.invoiceNumber));
    expect(invoiceNumbers).toEqual(["1001", "1001-2"]);
    const creditNumbers = await Promise.all(creditRows.map(async ({ id }) => (await handle.db.select().from(vendorCredits).where(eq(vendorCredits.id, id)))[0]!.creditNumber));
    expect(creditNumbers).toEqual(["CR-1", "CR-1-2"]);

    const [audit] = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "bill"), eq(auditEvents.entityId, ids[0]!)));
    expect(audit).toMatchObject({
      actorKind: "system",
      action: "renumbered: another bill of this vendor had the same number",
      changes: [{ field: "billNumber", label: "Bill number", old: "B-1", new: "B-1-3" }],
    });

    // The indexes are back and hold.
    const again = await handle.db.insert(bills).values(bill("b-1-3", 10)).then(() => null, (e: unknown) => e);
    expect(isUniqueViolation(again, "bills_vendor_number_key")).toBe(true);
  });
});

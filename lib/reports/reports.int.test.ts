import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { accounts, billPayments, bills, customers, fundsTransfers, invoices, receivedPayments, vendors } from "@/lib/db/schema";
import { seedReferenceData } from "@/lib/demo/seed-demo";
import { createTestDatabase } from "@/lib/testing/test-database";
import { loadApAging, loadArAging } from "./aging";
import { loadFundsTransferReport } from "./funds-transfers";

let handle: DatabaseHandle;
let orgA: string;
let orgB: string;

async function makeOrg(label: string) {
  const { organization } = await signUp(handle.db, {
    name: label,
    email: `${label.toLowerCase()}@example.com`,
    password: "a long enough password",
    organizationName: `${label} Co`,
  });
  await seedReferenceData(handle.db, organization.id);
  return organization.id;
}

async function refs(org: string) {
  const [bank] = await handle.db.select().from(accounts).where(and(eq(accounts.organizationId, org), eq(accounts.name, "Business Checking")));
  const vendorRows = await handle.db.select().from(vendors).where(eq(vendors.organizationId, org)).orderBy(vendors.displayName);
  const customerRows = await handle.db.select().from(customers).where(eq(customers.organizationId, org)).orderBy(customers.displayName);
  return { bankId: bank!.id, vendors: vendorRows, customers: customerRows };
}

async function insertBill(org: string, vendorId: string, number: string, dueDate: string, totalCents: number, openBalanceCents = totalCents) {
  const [row] = await handle.db
    .insert(bills)
    .values({
      organizationId: org,
      vendorId,
      billNumber: number,
      billDate: "2026-06-01",
      dueDate,
      totalCents,
      openBalanceCents,
      status: openBalanceCents === 0 ? "paid" : openBalanceCents < totalCents ? "partially_paid" : "unpaid",
    })
    .returning();
  return row!;
}

async function insertInvoice(org: string, customerId: string, number: string, invoiceDate: string, dueDate: string, totalCents: number, voided = false) {
  const [row] = await handle.db
    .insert(invoices)
    .values({
      organizationId: org,
      customerId,
      invoiceNumber: number,
      invoiceDate,
      dueDate,
      totalCents,
      openBalanceCents: voided ? 0 : totalCents,
      status: voided ? "voided" : "unpaid",
      voidedAt: voided ? new Date() : null,
    })
    .returning();
  return row!;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  orgA = await makeOrg("Reporter");
  orgB = await makeOrg("Other");
});
afterAll(async () => handle?.close());

describe("Funds Transfer Detail", () => {
  it("lists each transfer with its payments and reconciles the clearing accounts", async () => {
    const { bankId, vendors: [v1, v2], customers: [c1] } = await refs(orgA);
    const billOne = await insertBill(orgA, v1!.id, "B-1", "2026-07-01", 50_000);
    const billTwo = await insertBill(orgA, v2!.id, "B-2", "2026-07-01", 25_000);
    const [transfer] = await handle.db
      .insert(fundsTransfers)
      .values({ organizationId: orgA, direction: "out", bankAccountId: bankId, transferDate: "2026-07-10", amountCents: 75_000, qboId: "JE-17" })
      .returning();
    const common = { organizationId: orgA, kind: "electronic" as const, status: "paid" as const, bankAccountId: bankId, processDate: "2026-07-10" };
    await handle.db.insert(billPayments).values([
      { ...common, billId: billOne.id, vendorId: v1!.id, amountCents: 50_000, fundsTransferId: transfer!.id, qboId: "BP-1" },
      { ...common, billId: billTwo.id, vendorId: v2!.id, amountCents: 25_000, fundsTransferId: transfer!.id },
      // Offline payments never touch clearing; scheduled ones haven't yet.
      { ...common, kind: "offline", billId: billTwo.id, vendorId: v2!.id, amountCents: 999 },
      { ...common, status: "scheduled", billId: billTwo.id, vendorId: v2!.id, amountCents: 888 },
    ]);
    const invoice = await insertInvoice(orgA, c1!.id, "INV-1", "2026-07-01", "2026-07-31", 12_345);
    const [transferIn] = await handle.db
      .insert(fundsTransfers)
      .values({ organizationId: orgA, direction: "in", bankAccountId: bankId, transferDate: "2026-07-12", amountCents: 12_345 })
      .returning();
    const [undeposited] = await handle.db.select().from(accounts).where(and(eq(accounts.organizationId, orgA), eq(accounts.name, "Undeposited Funds")));
    await handle.db.insert(receivedPayments).values({
      organizationId: orgA,
      invoiceId: invoice.id,
      customerId: c1!.id,
      amountCents: 12_345,
      depositAccountId: undeposited!.id,
      receivedDate: "2026-07-12",
      fundsTransferId: transferIn!.id,
      qboId: "PMT-3",
    });

    const report = await loadFundsTransferReport(handle.db, orgA, { from: "2026-07-01", to: "2026-07-31" });
    expect(report.sections).toHaveLength(2);
    const out = report.sections.find((section) => section.transfer.direction === "out")!;
    expect(out.transfer).toMatchObject({ amountCents: 75_000, qboId: "JE-17", bankAccountName: "Business Checking" });
    expect(out.payments.map((payment) => [payment.partyName, payment.documentNumber, payment.amountCents, payment.qboId]).sort()).toEqual([
      [v1!.displayName, "B-1", 50_000, "BP-1"],
      [v2!.displayName, "B-2", 25_000, null],
    ].sort());
    expect(out.balanced).toBe(true);
    const inbound = report.sections.find((section) => section.transfer.direction === "in")!;
    expect(inbound.payments).toEqual([expect.objectContaining({ partyName: c1!.displayName, documentNumber: "INV-1", status: "received", qboId: "PMT-3" })]);
    expect(report.totals.out).toMatchObject({ transferCount: 1, transfersCents: 75_000, clearingBalanceCents: 0, reconciles: true });
    expect(report.totals.in).toMatchObject({ transferCount: 1, transfersCents: 12_345, reconciles: true });

    // A processing electronic payment with no transfer yet is money in transit: the report says so.
    await handle.db.insert(billPayments).values({ ...common, status: "processing", processDate: "2026-07-20", billId: billOne.id, vendorId: v1!.id, amountCents: 1_000 });
    const unreconciled = await loadFundsTransferReport(handle.db, orgA, { from: "2026-07-01", to: "2026-07-31" });
    expect(unreconciled.unassignedPayments.map((payment) => payment.amountCents)).toEqual([1_000]);
    expect(unreconciled.totals.out).toMatchObject({ clearingBalanceCents: 1_000, reconciles: false });

    // The date range limits transfers; another organisation sees none of it.
    expect((await loadFundsTransferReport(handle.db, orgA, { from: "2026-08-01" })).sections).toHaveLength(0);
    const other = await loadFundsTransferReport(handle.db, orgB, {});
    expect(other.sections).toHaveLength(0);
    expect(other.unassignedPayments).toHaveLength(0);
  });
});

describe("aging", () => {
  it("buckets open bills and invoices by days past due on the as-of date", async () => {
    const { vendors: [, , v3, v4], customers: [, c2, c3] } = await refs(orgA);
    await insertBill(orgA, v3!.id, "AG-1", "2026-09-30", 10_000); // current on 09-30
    await insertBill(orgA, v3!.id, "AG-2", "2026-09-01", 20_000); // 29 days
    await insertBill(orgA, v4!.id, "AG-3", "2026-07-31", 30_000, 5_000); // 61 days, partly paid
    await insertBill(orgA, v4!.id, "AG-4", "2026-05-01", 40_000, 0); // paid: left out
    const ap = await loadApAging(handle.db, orgA, "2026-09-30");
    const row3 = ap.rows.find((row) => row.partyId === v3!.id)!;
    expect(row3.buckets).toMatchObject({ current: 10_000, days1to30: 20_000 });
    const row4 = ap.rows.find((row) => row.partyId === v4!.id)!;
    expect(row4).toMatchObject({ totalCents: 5_000, documentCount: 1 });
    expect(row4.buckets.days61to90).toBe(5_000);

    await insertInvoice(orgA, c2!.id, "AR-1", "2026-01-01", "2026-02-01", 7_700); // 241 days
    await insertInvoice(orgA, c2!.id, "AR-2", "2026-09-01", "2026-09-15", 3_300); // 15 days
    await insertInvoice(orgA, c3!.id, "AR-3", "2026-09-01", "2026-09-15", 9_900, true); // voided
    await insertInvoice(orgA, c3!.id, "AR-4", "2026-10-15", "2026-11-15", 1_100); // dated after as-of
    const ar = await loadArAging(handle.db, orgA, "2026-09-30");
    const c2Row = ar.rows.find((row) => row.partyId === c2!.id)!;
    expect(c2Row.buckets).toMatchObject({ over90: 7_700, days1to30: 3_300 });
    expect(ar.rows.find((row) => row.partyId === c3!.id)).toBeUndefined();
    expect(ar.totalCents).toBe(ar.rows.reduce((sum, row) => sum + row.totalCents, 0));

    expect((await loadApAging(handle.db, orgB, "2026-09-30")).rows).toHaveLength(0);
    expect((await loadArAging(handle.db, orgB, "2026-09-30")).rows).toHaveLength(0);
  });
});

/**
 * Issue 12 item 5: document numbers stay unique when saves race. Ten creates fire at once through
 * the repositories (the form's server actions call exactly these); one is saved, the nine others
 * get the field error the form gives when the duplicate is entered later.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invoiceSchema, type VendorCreditForm } from "@/lib/ap";
import { createBill, voidBill } from "@/lib/bills/bill-repository";
import { billForm, createApOrg, type ApOrg } from "@/lib/bills/test-fixtures";
import type { DatabaseHandle } from "@/lib/db/connection";
import { bills, customers, invoices, items, vendorCredits } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/forms/action-result";
import { createInvoice, updateInvoice } from "@/lib/invoices/save-invoice";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createVendorCredit } from "@/lib/vendor-credits/credit-repository";

let handle: DatabaseHandle;
let org: ApOrg;
let customerId: string;
let itemId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  org = await createApOrg(handle.db, "Numbers");
  const [customer] = await handle.db.select().from(customers).where(eq(customers.organizationId, org.organizationId)).limit(1);
  const [item] = await handle.db.select().from(items).where(eq(items.organizationId, org.organizationId)).limit(1);
  customerId = customer!.id;
  itemId = item!.id;
});
afterAll(async () => handle?.close());

/** What each of the concurrent calls ended with: saved, or the error it threw. */
async function settle<T>(calls: Array<() => Promise<T>>) {
  const results = await Promise.allSettled(calls.map((call) => call()));
  const saved = results.filter((r) => r.status === "fulfilled");
  const errors = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  return { saved, errors };
}

function expectFieldErrors(errors: unknown[], field: string, message: string) {
  for (const error of errors) {
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).fieldErrors).toEqual({ [field]: [message] });
  }
}

const invoiceInput = (invoiceNumber: string) =>
  invoiceSchema.parse({
    customerId,
    invoiceNumber,
    invoiceDate: "2026-10-01",
    dueDate: "2026-10-31",
    lines: [{ itemId, description: "Visit", quantity: "1", unitPrice: "85.00" }],
  });

const creditInput = (creditNumber: string, vendorId = org.nursery): VendorCreditForm => ({
  vendorId,
  creditNumber,
  creditDate: "2026-03-02",
  currency: "USD",
  memo: undefined,
  lines: billForm(org, { amounts: [25_00] }).lines,
  totalCents: 25_00,
});

const count = async (table: typeof bills | typeof invoices | typeof vendorCredits, column: typeof bills.billNumber | typeof invoices.invoiceNumber | typeof vendorCredits.creditNumber, value: string) => {
  const [row] = await handle.db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(and(eq(table.organizationId, org.organizationId), eq(column, value)));
  return row!.n;
};

describe("ten creates with one number at the same moment", () => {
  it("invoices: one saved, nine get the invoice-number field error", async () => {
    const { saved, errors } = await settle(Array.from({ length: 10 }, () => () => createInvoice(handle.db, org.actor, invoiceInput("7001"))));
    expect(saved).toHaveLength(1);
    expect(errors).toHaveLength(9);
    expectFieldErrors(errors, "invoiceNumber", "Another invoice already uses number 7001.");
    expect(await count(invoices, invoices.invoiceNumber, "7001")).toBe(1);
  });

  it("bills of one vendor: one saved, nine get the bill-number field error", async () => {
    const { saved, errors } = await settle(
      Array.from({ length: 10 }, () => () => createBill(handle.db, org.actor, billForm(org, { billNumber: "RACE-1" }))),
    );
    expect(saved).toHaveLength(1);
    expectFieldErrors(errors, "billNumber", "This vendor already has a bill numbered RACE-1.");
    expect(await count(bills, bills.billNumber, "RACE-1")).toBe(1);
  });

  it("vendor credits of one vendor: one saved, nine get the credit-number field error", async () => {
    const { saved, errors } = await settle(Array.from({ length: 10 }, () => () => createVendorCredit(handle.db, org.actor, creditInput("CR-RACE"))));
    expect(saved).toHaveLength(1);
    expectFieldErrors(errors, "creditNumber", "This vendor already has a credit numbered CR-RACE.");
    expect(await count(vendorCredits, vendorCredits.creditNumber, "CR-RACE")).toBe(1);
  });
});

describe("the rules the indexes enforce are the forms' rules", () => {
  it("a vendor credit number already used by the vendor is refused, in any case; another vendor may use it", async () => {
    await createVendorCredit(handle.db, org.actor, creditInput("CR-500"));
    const error = await createVendorCredit(handle.db, org.actor, creditInput("cr-500")).catch((e: unknown) => e);
    expectFieldErrors([error], "creditNumber", "This vendor already has a credit numbered cr-500.");
    await expect(createVendorCredit(handle.db, org.actor, creditInput("CR-500", org.irrigation))).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("a voided bill or invoice frees its number; numbers compare without case", async () => {
    const { id: billId } = await createBill(handle.db, org.actor, billForm(org, { billNumber: "V-1" }));
    const dup = await createBill(handle.db, org.actor, billForm(org, { billNumber: "v-1" })).catch((e: unknown) => e);
    expectFieldErrors([dup], "billNumber", "This vendor already has a bill numbered v-1.");
    await voidBill(handle.db, org.actor, billId);
    await expect(createBill(handle.db, org.actor, billForm(org, { billNumber: "V-1" }))).resolves.toMatchObject({ id: expect.any(String) });
    await expect(createBill(handle.db, org.actor, billForm(org, { billNumber: "V-1", vendorId: org.irrigation }))).resolves.toMatchObject({ id: expect.any(String) });

    const { id: invoiceId } = await createInvoice(handle.db, org.actor, invoiceInput("INV-9"));
    await voidInvoice(handle.db, org.actor, invoiceId);
    await expect(createInvoice(handle.db, org.actor, invoiceInput("inv-9"))).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("two edits renaming different invoices onto one number at once: one wins, the other gets the field error", async () => {
    const { id: first } = await createInvoice(handle.db, org.actor, invoiceInput("E-1"));
    const { id: second } = await createInvoice(handle.db, org.actor, invoiceInput("E-2"));
    const { saved, errors } = await settle([
      () => updateInvoice(handle.db, org.actor, first, invoiceInput("E-3")),
      () => updateInvoice(handle.db, org.actor, second, invoiceInput("E-3")),
    ]);
    expect(saved).toHaveLength(1);
    expectFieldErrors(errors, "invoiceNumber", "Another invoice already uses number E-3.");
  });
});

import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { accounts, auditEvents, billPayments, bills, customers, invoices, items, receivedPayments, vendorCredits, vendors } from "@/lib/db/schema";
import { seedReferenceData } from "@/lib/demo/seed-demo";
import { createTestDatabase } from "@/lib/testing/test-database";

// The real server actions, on a real database; only the session and Next's cache are stand-ins.
const state = vi.hoisted(() => ({ db: undefined as unknown, user: null as { id: string; email: string; name: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => state.user }));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { saveBillAction, voidBillAction } = await import("@/lib/bills/actions");
const { saveInvoiceAction } = await import("@/lib/invoices/actions");
const { markAsPaidAction, payBillsAction } = await import("@/lib/payments/actions");
const { receivePaymentAction } = await import("@/lib/received-payments/actions");
const { createVendorCreditAction, applyVendorCreditAction, updateVendorCreditAction, unapplyVendorCreditAction, voidVendorCreditAction } = await import("@/lib/vendor-credits/actions");
const { saveCounterpartyAction } = await import("@/lib/counterparties/actions");

let handle: DatabaseHandle;
let org: { id: string; slug: string; vendorId: string; customerId: string; itemId: string; expenseId: string; bankId: string };

beforeAll(async () => {
  handle = await createTestDatabase();
  state.db = handle.db;
  const { user, organization } = await signUp(handle.db, {
    name: "Ann Hostile",
    email: "ann@hostile.example",
    password: "a long enough password",
    organizationName: "Hostile Input Co",
  });
  state.user = { id: user.id, email: user.email, name: user.name };
  await seedReferenceData(handle.db, organization.id);
  const one = async <T extends { id: string }>(rows: Promise<T[]>) => (await rows)[0]!.id;
  org = {
    id: organization.id,
    slug: organization.slug,
    vendorId: await one(handle.db.select({ id: vendors.id }).from(vendors).where(eq(vendors.organizationId, organization.id)).limit(1)),
    customerId: await one(handle.db.select({ id: customers.id }).from(customers).where(eq(customers.organizationId, organization.id)).limit(1)),
    itemId: await one(handle.db.select({ id: items.id }).from(items).where(eq(items.organizationId, organization.id)).limit(1)),
    expenseId: await one(handle.db.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.organizationId, organization.id), eq(accounts.accountType, "Expense"))).limit(1)),
    bankId: await one(handle.db.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.organizationId, organization.id), eq(accounts.accountType, "Bank"))).limit(1)),
  };
});

afterAll(async () => {
  await handle?.close();
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  data.set("orgSlug", org.slug);
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const bill = (overrides: Record<string, string> = {}) =>
  form({
    vendorId: org.vendorId,
    billNumber: "H-1",
    billDate: "2026-10-01",
    dueDate: "2026-10-31",
    currency: "USD",
    "lines.0.accountId": org.expenseId,
    "lines.0.amount": "10.00",
    ...overrides,
  });

const invoice = (overrides: Record<string, string> = {}) =>
  form({
    customerId: org.customerId,
    invoiceNumber: "H-1001",
    invoiceDate: "2026-10-01",
    dueDate: "2026-10-31",
    currency: "USD",
    "lines.0.itemId": org.itemId,
    "lines.0.quantity": "1",
    "lines.0.unitPrice": "10",
    ...overrides,
  });

/** Rows of everything a form could write, for this organisation. */
async function written() {
  const tally = async (table: typeof bills | typeof invoices | typeof vendorCredits | typeof billPayments | typeof receivedPayments | typeof auditEvents) =>
    (await handle.db.select({ n: count() }).from(table).where(eq(table.organizationId, org.id)))[0]!.n;
  return {
    bills: await tally(bills),
    invoices: await tally(invoices),
    vendorCredits: await tally(vendorCredits),
    billPayments: await tally(billPayments),
    receivedPayments: await tally(receivedPayments),
    audit: await tally(auditEvents),
  };
}

type Result = { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> };

/** The action answered with an error on each of `fields` (not "Something went wrong") and wrote nothing. */
async function expectFieldErrors(run: () => Promise<unknown>, fields: string[]) {
  const before = await written();
  const result = (await run()) as Result;
  expect(result.ok).toBe(false);
  expect(result.message).not.toMatch(/went wrong/i);
  for (const field of fields) expect(result.fieldErrors?.[field], `${field} in ${JSON.stringify(result)}`).toBeDefined();
  expect(await written()).toEqual(before);
}

describe("server actions against forged input (issue 12): field errors, nothing written", () => {
  it("non-UUID ids in bill, invoice, payment and credit forms", async () => {
    await expectFieldErrors(() => saveBillAction(null, bill({ vendorId: "not-a-uuid", "lines.0.accountId": "not-a-uuid" })), ["vendorId", "lines.0.accountId"]);
    await expectFieldErrors(() => saveBillAction(null, bill({ id: "not-a-uuid" })), ["id"]);
    await expectFieldErrors(() => saveBillAction(null, bill({ termsId: "1", "lines.0.classId": "x", "lines.0.locationId": "y" })), ["termsId", "lines.0.classId", "lines.0.locationId"]);
    await expectFieldErrors(() => voidBillAction(null, form({ billId: "not-a-uuid" })), ["billId"]);
    await expectFieldErrors(() => saveInvoiceAction(null, invoice({ customerId: "not-a-uuid", "lines.0.itemId": "not-a-uuid" })), ["customerId", "lines.0.itemId"]);
    await expectFieldErrors(() => saveInvoiceAction(null, invoice({ id: "not-a-uuid" })), ["id"]);
    await expectFieldErrors(
      () => markAsPaidAction(null, form({ billId: "not-a-uuid", bankAccountId: "not-a-uuid", paidDate: "2026-10-02", amount: "1" })),
      ["billId", "bankAccountId"],
    );
    await expectFieldErrors(
      () => payBillsAction(null, form({ bankAccountId: org.bankId, processDate: "2099-01-01", "payments.0.billId": "not-a-uuid", "payments.0.amount": "1" })),
      ["payments.0.billId"],
    );
    await expectFieldErrors(
      () => receivePaymentAction(null, form({ invoiceId: "not-a-uuid", depositAccountId: "not-a-uuid", paymentDate: "2026-10-02", amount: "1" })),
      ["invoiceId", "depositAccountId"],
    );
    await expectFieldErrors(
      () => createVendorCreditAction(null, form({ vendorId: "not-a-uuid", creditNumber: "C-1", creditDate: "2026-10-01", "lines.0.accountId": org.expenseId, "lines.0.amount": "1" })),
      ["vendorId"],
    );
    await expectFieldErrors(
      () => applyVendorCreditAction(null, form({ vendorCreditId: "not-a-uuid", "applications.0.billId": "not-a-uuid", "applications.0.amount": "1" })),
      ["vendorCreditId", "applications.0.billId"],
    );
    await expectFieldErrors(
      () => updateVendorCreditAction(null, form({ id: "not-a-uuid", vendorId: org.vendorId, creditNumber: "C-3", creditDate: "2026-10-01", "lines.0.accountId": org.expenseId, "lines.0.amount": "1" })),
      ["id"],
    );
    await expectFieldErrors(() => unapplyVendorCreditAction(null, form({ vendorCreditId: "not-a-uuid", applicationId: "1" })), ["vendorCreditId", "applicationId"]);
    await expectFieldErrors(() => voidVendorCreditAction(null, form({ vendorCreditId: "not-a-uuid" })), ["vendorCreditId"]);
    await expectFieldErrors(() => saveCounterpartyAction(null, form({ kind: "vendor", id: "not-a-uuid", displayName: "Forged" })), ["id"]);
  });

  it("a NUL character in a text field", async () => {
    await expectFieldErrors(() => saveBillAction(null, bill({ memo: "rent\u0000" })), ["memo"]);
    await expectFieldErrors(() => saveBillAction(null, bill({ billNumber: "H\u00002" })), ["billNumber"]);
    await expectFieldErrors(() => saveInvoiceAction(null, invoice({ "lines.0.description": "\u0000" })), ["lines.0.description"]);
    await expectFieldErrors(() => saveCounterpartyAction(null, form({ kind: "customer", displayName: "Nul\u0000 Ltd" })), ["displayName"]);
  });

  it("a quantity × rate beyond what the amount column holds", async () => {
    await expectFieldErrors(() => saveInvoiceAction(null, invoice({ "lines.0.quantity": "99999999999999", "lines.0.unitPrice": "99999999999" })), ["lines.0.quantity"]);
    await expectFieldErrors(() => saveInvoiceAction(null, invoice({ "lines.0.quantity": "999999999999999" })), ["lines.0.quantity"]);
    await expectFieldErrors(() => saveInvoiceAction(null, invoice({ "lines.0.unitPrice": "999999999999999" })), ["lines.0.unitPrice"]);
  });

  it("a currency that is not ISO 4217", async () => {
    await expectFieldErrors(() => saveBillAction(null, bill({ currency: "ZZZ" })), ["currency"]);
    await expectFieldErrors(() => saveInvoiceAction(null, invoice({ currency: "ZZZ" })), ["currency"]);
    await expectFieldErrors(
      () => createVendorCreditAction(null, form({ vendorId: org.vendorId, creditNumber: "C-2", creditDate: "2026-10-01", currency: "ZZZ", "lines.0.accountId": org.expenseId, "lines.0.amount": "1" })),
      ["currency"],
    );
  });

  it("the same forms, well formed, still save (the stand-ins are wired right)", async () => {
    const before = await written();
    expect(await saveBillAction(null, bill())).toMatchObject({ ok: true });
    expect(await saveInvoiceAction(null, invoice())).toMatchObject({ ok: true });
    const after = await written();
    expect(after.bills).toBe(before.bills + 1);
    expect(after.invoices).toBe(before.invoices + 1);
  });
});

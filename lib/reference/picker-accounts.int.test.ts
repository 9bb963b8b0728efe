import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invoiceSchema, receivedPaymentSchema } from "@/lib/ap";
import { createBill } from "@/lib/bills/bill-repository";
import { billForm, createApOrg, type ApOrg } from "@/lib/bills/test-fixtures";
import type { DatabaseHandle } from "@/lib/db/connection";
import { accounts, billPayments, customers, items, receivedPayments, syncPreferences } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/forms/action-result";
import { createInvoice } from "@/lib/invoices/save-invoice";
import { markBillAsPaid, scheduleElectronicPayments } from "@/lib/payments/payment-repository";
import { receivePayment } from "@/lib/received-payments/receive-payment";
import { createTestDatabase } from "@/lib/testing/test-database";
import { loadPickerAccounts } from "./picker-accounts";

let handle: DatabaseHandle;
let org: ApOrg;
let ids: { moneyIn: string; moneyOut: string; inventory: string; undeposited: string; income: string };
const TODAY = "2026-04-10";

async function addAccount(name: string, accountType: string, accountSubType: string) {
  const [row] = await handle.db
    .insert(accounts)
    .values({ organizationId: org.organizationId, name, fullyQualifiedName: name, accountType, accountSubType })
    .returning({ id: accounts.id });
  return row!.id;
}

async function accountId(name: string) {
  const [row] = await handle.db.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.organizationId, org.organizationId), eq(accounts.name, name)));
  return row!.id;
}

async function fieldErrorOf(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  return (error as UserFacingError).fieldErrors ?? {};
}

beforeAll(async () => {
  handle = await createTestDatabase();
  org = await createApOrg(handle.db, "Pickers");
  ids = {
    moneyIn: await addAccount("Money In Clearing", "Bank", "Checking"),
    moneyOut: await addAccount("Money Out Clearing", "Bank", "Checking"),
    inventory: await addAccount("Inventory Asset", "Other Current Asset", "Inventory"),
    undeposited: await accountId("Undeposited Funds"),
    income: org.supplies,
  };
  // Bank Account GL = Business Savings, so the default is not simply the first bank account by name.
  await handle.db.insert(syncPreferences).values({
    organizationId: org.organizationId,
    bankAccountId: org.savings,
    moneyOutClearingAccountId: ids.moneyOut,
    moneyInClearingAccountId: ids.moneyIn,
  });
});
afterAll(async () => {
  await handle.close();
});

describe("payment pickers", () => {
  it("Paid from lists bank accounts but no clearing account, and starts on the Bank Account GL", async () => {
    const picker = await loadPickerAccounts(handle.db, org.organizationId, "payment_source");
    expect(picker.accounts.map((account) => account.name)).toEqual(["Business Checking", "Business Savings"]);
    expect(picker.defaultId).toBe(org.savings);
  });

  it("Deposit to lists bank accounts and Undeposited Funds only, starting on Undeposited Funds", async () => {
    const picker = await loadPickerAccounts(handle.db, org.organizationId, "deposit_to");
    expect(picker.accounts.map((account) => account.name)).toEqual(["Business Checking", "Business Savings", "Undeposited Funds"]);
    expect(picker.defaultId).toBe(ids.undeposited);
  });
});

describe("server-side refusals", () => {
  it("Mark as paid refuses a clearing or non-bank account with a field error and records nothing", async () => {
    const { id: billId } = await createBill(handle.db, org.actor, billForm(org, { amounts: [250_00] }));
    const pay = (bankAccountId: string) =>
      markBillAsPaid(handle.db, org.actor, { billId, bankAccountId, paidDate: TODAY, amountCents: 100_00, reference: undefined, syncToQbo: true });
    for (const account of [ids.moneyIn, ids.moneyOut, ids.inventory, ids.income]) {
      const errors = await fieldErrorOf(pay(account));
      expect(errors.bankAccountId?.[0]).toMatch(/Choose a bank account .*not a clearing account/);
    }
    expect(await handle.db.select().from(billPayments).where(eq(billPayments.billId, billId))).toHaveLength(0);
    await pay(org.savings);
    expect(await handle.db.select().from(billPayments).where(eq(billPayments.billId, billId))).toHaveLength(1);
  });

  it("Pay bills refuses a clearing account as the account paid from", async () => {
    const { id: billId } = await createBill(handle.db, org.actor, billForm(org, { amounts: [90_00] }));
    const errors = await fieldErrorOf(
      scheduleElectronicPayments(handle.db, org.actor, { bankAccountId: ids.moneyOut, processDate: TODAY, payments: [{ billId, amountCents: 90_00 }] }, TODAY),
    );
    expect(Object.keys(errors)).toContain("bankAccountId");
  });

  it("Receive payment refuses Inventory Asset, a clearing account or an income account, and takes a bank or Undeposited Funds", async () => {
    const [customer] = await handle.db.select().from(customers).where(eq(customers.organizationId, org.organizationId)).limit(1);
    const [item] = await handle.db.select().from(items).where(eq(items.organizationId, org.organizationId)).limit(1);
    const { id: invoiceId } = await createInvoice(
      handle.db,
      org.actor,
      invoiceSchema.parse({
        customerId: customer!.id,
        invoiceNumber: "PK-1",
        invoiceDate: "2026-04-01",
        dueDate: "2026-04-30",
        lines: [{ itemId: item!.id, quantity: "1", unitPrice: "300.00" }],
      }),
    );
    const receive = (depositAccountId: string) =>
      receivePayment(handle.db, org.actor, receivedPaymentSchema.parse({ invoiceId, depositAccountId, paymentDate: TODAY, amount: "10" }));
    for (const account of [ids.inventory, ids.moneyIn, ids.moneyOut, ids.income]) {
      const errors = await fieldErrorOf(receive(account));
      expect(errors.depositAccountId?.[0]).toMatch(/bank account or Undeposited Funds/);
    }
    expect(await handle.db.select().from(receivedPayments).where(eq(receivedPayments.invoiceId, invoiceId))).toHaveLength(0);
    await receive(ids.undeposited);
    await receive(org.checking);
    expect(await handle.db.select().from(receivedPayments).where(eq(receivedPayments.invoiceId, invoiceId))).toHaveLength(2);
  });
});

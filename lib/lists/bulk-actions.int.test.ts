/** Issue 16 item 3: bulk actions on bills and invoices — every id done or reported, never twice. */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invoiceSchema, receivedPaymentSchema } from "@/lib/ap";
import { listAudit } from "@/lib/audit/record-audit";
import { billsCsv } from "@/lib/bills/bill-queries";
import { createBill, voidBills } from "@/lib/bills/bill-repository";
import { billForm, createApOrg, type ApOrg } from "@/lib/bills/test-fixtures";
import type { DatabaseHandle } from "@/lib/db/connection";
import { billPayments, bills, customers, invoices, items, syncPreferences } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/forms/action-result";
import { createInvoice } from "@/lib/invoices/save-invoice";
import { voidInvoices } from "@/lib/invoices/void-invoice";
import { payBillsInFull, scheduleElectronicPayments } from "@/lib/payments/payment-repository";
import { listBillPayments } from "@/lib/payments/payment-queries";
import { receivePayment } from "@/lib/received-payments/receive-payment";
import { createTestDatabase } from "@/lib/testing/test-database";
import { bulkIdsField, BULK_MAX } from "./bulk";

let handle: DatabaseHandle;
let a: ApOrg;
let b: ApOrg;
const TODAY = "2026-06-10";

const newBill = async (org: ApOrg, amount = 100_00) => (await createBill(handle.db, org.actor, billForm(org, { amounts: [amount] }))).id;

beforeAll(async () => {
  handle = await createTestDatabase();
  a = await createApOrg(handle.db, "Bulk");
  b = await createApOrg(handle.db, "Stranger");
  // The Bank Account GL preference is Business Savings: a bulk payment with no account uses it.
  await handle.db.insert(syncPreferences).values({ organizationId: a.organizationId, bankAccountId: a.savings }).onConflictDoUpdate({ target: syncPreferences.organizationId, set: { bankAccountId: a.savings } });
});
afterAll(async () => handle?.close());

async function paymentsOf(billIds: string[]) {
  return handle.db.select().from(billPayments).where(and(eq(billPayments.organizationId, a.organizationId), inArray(billPayments.billId, billIds)));
}

describe("bulk ids at the boundary", () => {
  it("takes one or many record ids, drops duplicates, and refuses forged values and more than the maximum", () => {
    const schema = bulkIdsField();
    const id = "0b6f1c7e-4a4f-4c55-9d59-0a3c8f1e2b11";
    expect(schema.parse(id)).toEqual([id]);
    expect(schema.parse([id, id.toUpperCase()])).toEqual([id]);
    expect(schema.safeParse([id, "1 or 1=1"]).success).toBe(false);
    expect(schema.safeParse(undefined).success).toBe(false);
    expect(schema.safeParse(Array.from({ length: BULK_MAX + 1 }, (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`)).success).toBe(false);
  });
});

describe("bulk Schedule payment", () => {
  it("schedules what is payable on each bill from the Bank Account GL, and reports the others with their reason", async () => {
    const [open1, open2, partlyScheduled, fullyScheduled] = [await newBill(a, 100_00), await newBill(a, 200_00), await newBill(a, 300_00), await newBill(a, 50_00)];
    const voided = await newBill(a);
    await voidBills(handle.db, a.actor, [voided]);
    await scheduleElectronicPayments(handle.db, a.actor, { bankAccountId: a.checking, processDate: TODAY, payments: [{ billId: partlyScheduled, amountCents: 120_00 }, { billId: fullyScheduled, amountCents: 50_00 }] }, TODAY);
    const foreign = await newBill(b);
    const missing = "0b6f1c7e-4a4f-4c55-9d59-0a3c8f1e2b11";

    const result = await payBillsInFull(handle.db, a.actor, [open1, open2, partlyScheduled, fullyScheduled, voided, foreign, missing], { kind: "electronic", processDate: "2026-06-12" }, TODAY);

    expect(result.done).toEqual([open1, open2, partlyScheduled]);
    expect(result.failed).toEqual([
      { id: fullyScheduled, reason: "Payments already scheduled cover this whole bill." },
      { id: voided, reason: "This bill is voided and can't be paid." },
      { id: foreign, reason: "This bill no longer exists." },
      { id: missing, reason: "This bill no longer exists." },
    ]);
    const made = (await paymentsOf([open1, open2, partlyScheduled])).filter((payment) => payment.processDate === "2026-06-12");
    expect(made.map((payment) => [payment.billId, payment.amountCents, payment.status, payment.bankAccountId]).sort()).toEqual(
      [
        [open1, 100_00, "scheduled", a.savings],
        [open2, 200_00, "scheduled", a.savings],
        [partlyScheduled, 180_00, "scheduled", a.savings],
      ].sort(),
    );
    // The other organisation's bill is untouched, and the payments are on Payments.
    expect(await handle.db.select().from(billPayments).where(eq(billPayments.billId, foreign))).toEqual([]);
    const payments = await listBillPayments(handle.db, a.organizationId, { status: "scheduled", page: 1 });
    expect(payments.rows.filter((row) => row.processDate === "2026-06-12")).toHaveLength(3);
    const [bill] = await handle.db.select().from(bills).where(eq(bills.id, open1));
    expect(bill?.status).toBe("scheduled");
  });

  it("refuses the whole request for a past process date or a bank account not of this organisation, paying nothing", async () => {
    const id = await newBill(a);
    await expect(payBillsInFull(handle.db, a.actor, [id], { kind: "electronic", processDate: "2026-06-09" }, TODAY)).rejects.toMatchObject({
      fieldErrors: { processDate: ["The process date can't be in the past."] },
    });
    const wrongAccount = await payBillsInFull(handle.db, a.actor, [id], { kind: "electronic", bankAccountId: b.checking, processDate: TODAY }, TODAY).catch((error: unknown) => error);
    expect(wrongAccount).toBeInstanceOf(UserFacingError);
    expect(Object.keys((wrongAccount as UserFacingError).fieldErrors ?? {})).toEqual(["bankAccountId"]);
    expect(await paymentsOf([id])).toEqual([]);
  });
});

describe("bulk Mark paid", () => {
  it("records the rest of each bill as paid outside the app (offline rule), from the Bank Account GL", async () => {
    const [one, two] = [await newBill(a, 80_00), await newBill(a, 20_00)];
    const result = await payBillsInFull(handle.db, a.actor, [one, two], { kind: "offline", paidDate: "2026-06-01", syncToQbo: true }, TODAY);
    expect(result).toEqual({ done: [one, two], failed: [] });
    const made = await paymentsOf([one, two]);
    expect(made.map((payment) => [payment.kind, payment.status, payment.amountCents, payment.paidDate, payment.bankAccountId, payment.syncToQbo])).toEqual(
      expect.arrayContaining([
        ["offline", "paid", 80_00, "2026-06-01", a.savings, true],
        ["offline", "paid", 20_00, "2026-06-01", a.savings, true],
      ]),
    );
    const again = await payBillsInFull(handle.db, a.actor, [one], { kind: "offline", paidDate: "2026-06-01", syncToQbo: false }, TODAY);
    expect(again).toEqual({ done: [], failed: [{ id: one, reason: "This bill is already paid." }] });
  });
});

describe("bulk Void", () => {
  it("voids bills, reports already-voided, paid and foreign ones", async () => {
    const [one, two, paid] = [await newBill(a), await newBill(a), await newBill(a)];
    await payBillsInFull(handle.db, a.actor, [paid], { kind: "offline", paidDate: TODAY, syncToQbo: false }, TODAY);
    await voidBills(handle.db, a.actor, [two]);
    const foreign = await newBill(b);
    const result = await voidBills(handle.db, a.actor, [one, two, paid, foreign]);
    expect(result.done).toEqual([one]);
    expect(result.failed).toEqual([
      { id: two, reason: "This bill is already voided." },
      { id: paid, reason: "Void this bill's payments first: money was paid or scheduled against it." },
      { id: foreign, reason: "This bill no longer exists." },
    ]);
    const [foreignRow] = await handle.db.select().from(bills).where(eq(bills.id, foreign));
    expect(foreignRow?.voidedAt).toBeNull();
  });

  it("10 concurrent identical bulk voids void each bill once and audit it once", async () => {
    const ids = [await newBill(a), await newBill(a), await newBill(a)];
    const results = await Promise.all(Array.from({ length: 10 }, () => voidBills(handle.db, a.actor, ids)));
    for (const id of ids) {
      expect(results.filter((result) => result.done.includes(id))).toHaveLength(1);
      expect(results.filter((result) => result.failed.some((failure) => failure.id === id && failure.reason === "This bill is already voided."))).toHaveLength(9);
      const audit = await listAudit(handle.db, a.organizationId, "bill", id);
      expect(audit.filter((entry) => entry.action === "voided")).toHaveLength(1);
    }
  });

  it("voids invoices, reporting one with a payment, an already voided one and another organisation's", async () => {
    const invoice = async (org: ApOrg, invoiceNumber: string) => {
      const [customer] = await handle.db.select().from(customers).where(eq(customers.organizationId, org.organizationId)).limit(1);
      const [item] = await handle.db.select().from(items).where(and(eq(items.organizationId, org.organizationId), eq(items.name, "Lawn care visit")));
      const input = invoiceSchema.parse({ customerId: customer!.id, invoiceNumber, invoiceDate: "2026-06-01", dueDate: "2026-06-30", lines: [{ itemId: item!.id, quantity: "1", unitPrice: "100" }] });
      return (await createInvoice(handle.db, org.actor, input)).id;
    };
    const [one, paid, foreign] = [await invoice(a, "BV-1"), await invoice(a, "BV-2"), await invoice(b, "BV-1")];
    await receivePayment(handle.db, a.actor, receivedPaymentSchema.parse({ invoiceId: paid, depositAccountId: a.checking, paymentDate: "2026-06-02", amount: "10" }));
    const results = await Promise.all(Array.from({ length: 10 }, () => voidInvoices(handle.db, a.actor, [one, paid, foreign])));
    expect(results.filter((result) => result.done.includes(one))).toHaveLength(1);
    expect(results.every((result) => result.failed.some((failure) => failure.id === paid && /payment of \$10\.00/.test(failure.reason)))).toBe(true);
    expect(results.every((result) => result.failed.some((failure) => failure.id === foreign && failure.reason === "This invoice no longer exists."))).toBe(true);
    expect((await listAudit(handle.db, a.organizationId, "invoice", one)).filter((entry) => entry.action === "voided")).toHaveLength(1);
    const [foreignRow] = await handle.db.select().from(invoices).where(eq(invoices.id, foreign));
    expect(foreignRow?.voidedAt).toBeNull();
  });
});

describe("Export selected", () => {
  it("writes the selected bills of this organisation only, formula-like names defused", async () => {
    const own = (await createBill(handle.db, a.actor, billForm(a, { billNumber: "=CMD()", amounts: [12_34], dueDate: "2026-07-01" }))).id;
    const foreign = await newBill(b, 99_00);
    const csv = await billsCsv(handle.db, a.organizationId, [own, foreign]);
    const lines = csv.trimEnd().split("\r\n");
    // A BOM first, so Excel reads the file as UTF-8.
    expect(lines[0]).toBe("\uFEFFBill number,Vendor,Bill date,Due date,Status,Currency,Amount,Open balance,Memo");
    expect(lines.slice(1)).toEqual(["'=CMD(),Cascade Nursery Supply,2026-03-01,2026-07-01,Unpaid,USD,12.34,12.34,"]);
    expect(await billsCsv(handle.db, a.organizationId, [foreign])).toBe("\uFEFFBill number,Vendor,Bill date,Due date,Status,Currency,Amount,Open balance,Memo\r\n");
  });
});

import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/lib/audit/record-audit";
import type { DatabaseHandle } from "@/lib/db/connection";
import { billPayments, bills, fundsTransfers, vendorCreditApplications } from "@/lib/db/schema";
import { attachBillDocument, getDocument, listBillDocuments } from "@/lib/documents/document-repository";
import { UserFacingError } from "@/lib/forms/action-result";
import {
  markBillAsPaid,
  processDuePayments,
  scheduleElectronicPayments,
  settleProcessingPayments,
  voidBillPayment,
} from "@/lib/payments/payment-repository";
import { getBillPaymentDetail, listBillPayments, listRecentFundsTransfers, loadBillsToPay } from "@/lib/payments/payment-queries";
import { applyVendorCredit, createVendorCredit, getVendorCreditDetail, listVendorCredits } from "@/lib/vendor-credits/credit-repository";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createBill, updateBill, voidBill } from "./bill-repository";
import { getBillDetail, listBills, listOpenBillsForVendor, loadBillFormOptions } from "./bill-queries";
import { parseBillListQuery } from "./list-query";
import { refreshBillStatus } from "./refresh-bill-status";
import { billForm, createApOrg, type ApOrg } from "./test-fixtures";

let handle: DatabaseHandle;
let a: ApOrg;
let b: ApOrg;
const TODAY = "2026-04-10";

beforeAll(async () => {
  handle = await createTestDatabase();
  a = await createApOrg(handle.db, "Alpha");
  b = await createApOrg(handle.db, "Beta");
});
afterAll(async () => {
  await handle.close();
});

async function billRow(id: string) {
  const [row] = await handle.db.select().from(bills).where(eq(bills.id, id));
  return row!;
}

async function expectUserError(promise: Promise<unknown>, message: RegExp, field?: string) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  const userError = error as UserFacingError;
  expect([userError.message, ...Object.values(userError.fieldErrors ?? {}).flat()].join(" | ")).toMatch(message);
  if (field) expect(Object.keys(userError.fieldErrors ?? {})).toContain(field);
}

describe("bills", () => {
  it("creates a bill with lines, a server-computed total, status unpaid and an audit entry", async () => {
    const { id } = await createBill(handle.db, a.actor, billForm(a, { amounts: [120_50, 79_50], billNumber: "CN-1" }));
    const detail = await getBillDetail(handle.db, a.organizationId, id);
    expect(detail?.bill).toMatchObject({ totalCents: 200_00, openBalanceCents: 200_00, status: "unpaid", billNumber: "CN-1" });
    expect(detail?.lines.map((line) => line.amountCents)).toEqual([120_50, 79_50]);
    const audit = await listAudit(handle.db, a.organizationId, "bill", id);
    expect(audit[0]?.action).toBe("created");
    expect(audit[0]?.changes).toContainEqual({ field: "totalCents", label: "Total", old: null, new: "$200.00" });
  });

  it("refuses another organisation's vendor or account and a duplicate number, writing nothing", async () => {
    const before = (await listBills(handle.db, a.organizationId, parseBillListQuery({}))).total;
    await expectUserError(createBill(handle.db, a.actor, billForm(a, { vendorId: b.nursery })), /Choose a vendor/, "vendorId");
    const foreignLine = billForm(a);
    foreignLine.lines[0]!.accountId = b.supplies;
    await expectUserError(createBill(handle.db, a.actor, foreignLine), /Choose an account/, "lines.0.accountId");
    const bankLine = billForm(a);
    bankLine.lines[0]!.accountId = a.checking;
    await expectUserError(createBill(handle.db, a.actor, bankLine), /Bank account can't be used/, "lines.0.accountId");
    await expectUserError(createBill(handle.db, a.actor, billForm(a, { billNumber: "cn-1" })), /already has a bill numbered/, "billNumber");
    expect((await listBills(handle.db, a.organizationId, parseBillListQuery({}))).total).toBe(before);
  });

  it("lists with status filter, search by number or vendor, sorting, paging and totals of the filtered set", async () => {
    const org = await createApOrg(handle.db, "Lister");
    for (const [n, amounts, vendorId] of [
      [1, [300_00], org.irrigation],
      [2, [100_00], org.nursery],
      [3, [200_00], org.nursery],
    ] as const) {
      await createBill(handle.db, org.actor, billForm(org, { billNumber: `L-${n}`, amounts: [...amounts], vendorId, dueDate: `2026-03-2${n}` }));
    }
    const byAmount = await listBills(handle.db, org.organizationId, parseBillListQuery({ sort: "amount", dir: "desc" }));
    expect(byAmount.rows.map((row) => row.billNumber)).toEqual(["L-1", "L-3", "L-2"]);
    expect(byAmount).toMatchObject({ total: 3, totalCents: 600_00, openBalanceCents: 600_00 });
    const byVendor = await listBills(handle.db, org.organizationId, parseBillListQuery({ sort: "vendor" }));
    expect(byVendor.rows[0]?.vendorName).toBe("Cascade Nursery Supply");
    const search = await listBills(handle.db, org.organizationId, parseBillListQuery({ q: "pacific" }));
    expect(search.rows.map((row) => row.billNumber)).toEqual(["L-1"]);
    expect((await listBills(handle.db, org.organizationId, parseBillListQuery({ q: "l-2" }))).rows).toHaveLength(1);
    expect((await listBills(handle.db, org.organizationId, parseBillListQuery({ status: "paid" }))).total).toBe(0);
    expect((await listBills(handle.db, org.organizationId, parseBillListQuery({ page: "2" }))).rows).toHaveLength(0);
  });

  it("won't lower a total below what is paid, and recomputes status after an edit", async () => {
    const form = billForm(a, { amounts: [500_00] });
    const { id } = await createBill(handle.db, a.actor, form);
    await markBillAsPaid(handle.db, a.actor, { billId: id, bankAccountId: a.checking, paidDate: TODAY, amountCents: 300_00, reference: "CHK 1", syncToQbo: true });
    await expectUserError(updateBill(handle.db, a.actor, id, { ...form, lines: [{ ...form.lines[0]!, amountCents: 200_00 }] }), /\$300\.00 paid.*can't be lower/, "lines");
    expect((await billRow(id)).totalCents).toBe(500_00);
    await updateBill(handle.db, a.actor, id, { ...form, lines: [{ ...form.lines[0]!, amountCents: 300_00 }] });
    expect(await billRow(id)).toMatchObject({ totalCents: 300_00, openBalanceCents: 0, status: "paid" });
  });
});

describe("paying bills", () => {
  it("records partial then full offline payments, and a void reopens the bill", async () => {
    const { id } = await createBill(handle.db, a.actor, billForm(a, { amounts: [1_000_00] }));
    const first = await markBillAsPaid(handle.db, a.actor, { billId: id, bankAccountId: a.checking, paidDate: TODAY, amountCents: 400_00, reference: undefined, syncToQbo: false });
    expect(await billRow(id)).toMatchObject({ status: "partially_paid", openBalanceCents: 600_00 });
    await expectUserError(
      markBillAsPaid(handle.db, a.actor, { billId: id, bankAccountId: a.checking, paidDate: TODAY, amountCents: 600_01, reference: undefined, syncToQbo: true }),
      /can't be more than the \$600\.00/,
      "amount",
    );
    await markBillAsPaid(handle.db, a.actor, { billId: id, bankAccountId: a.checking, paidDate: TODAY, amountCents: 600_00, reference: "CHK 2", syncToQbo: true });
    expect(await billRow(id)).toMatchObject({ status: "paid", openBalanceCents: 0 });
    const [payment] = await handle.db.select().from(billPayments).where(eq(billPayments.id, first.paymentId));
    expect(payment).toMatchObject({ kind: "offline", status: "paid", syncToQbo: false });

    await voidBillPayment(handle.db, a.actor, first.paymentId);
    expect(await billRow(id)).toMatchObject({ status: "partially_paid", openBalanceCents: 400_00 });
    await expectUserError(voidBillPayment(handle.db, a.actor, first.paymentId), /already voided/);
    const history = await listAudit(handle.db, a.organizationId, "bill", id);
    expect(history.map((event) => event.action)).toContain("payment voided");
  });

  it("schedules electronic payments, processes them into one funds transfer per day and bank account, then settles", async () => {
    const org = await createApOrg(handle.db, "Payer");
    const made = [];
    for (const cents of [100_00, 250_00, 75_00, 40_00]) made.push((await createBill(handle.db, org.actor, billForm(org, { amounts: [cents] }))).id);
    const [b1, b2, b3, b4] = made as [string, string, string, string];
    await scheduleElectronicPayments(handle.db, org.actor, { bankAccountId: org.checking, processDate: TODAY, payments: [{ billId: b1, amountCents: 100_00 }, { billId: b2, amountCents: 200_00 }] }, TODAY);
    await scheduleElectronicPayments(handle.db, org.actor, { bankAccountId: org.savings, processDate: TODAY, payments: [{ billId: b3, amountCents: 75_00 }] }, TODAY);
    await scheduleElectronicPayments(handle.db, org.actor, { bankAccountId: org.checking, processDate: "2026-04-12", payments: [{ billId: b4, amountCents: 40_00 }] }, TODAY);
    expect(await billRow(b1)).toMatchObject({ status: "scheduled", openBalanceCents: 100_00 });
    await expectUserError(
      scheduleElectronicPayments(handle.db, org.actor, { bankAccountId: org.checking, processDate: TODAY, payments: [{ billId: b1, amountCents: 1 }] }, TODAY),
      /already scheduled cover/,
    );
    await expectUserError(
      scheduleElectronicPayments(handle.db, org.actor, { bankAccountId: org.checking, processDate: "2026-04-09", payments: [{ billId: b2, amountCents: 1 }] }, TODAY),
      /can't be in the past/,
    );
    await expectUserError(
      scheduleElectronicPayments(handle.db, org.actor, { bankAccountId: org.supplies, processDate: TODAY, payments: [{ billId: b2, amountCents: 1 }] }, TODAY),
      /bank account/,
      "bankAccountId",
    );

    const processed = await processDuePayments(handle.db, org.actor, TODAY);
    expect(processed).toMatchObject({ paymentCount: 3, totalCents: 375_00 });
    const transfers = await handle.db.select().from(fundsTransfers).where(eq(fundsTransfers.organizationId, org.organizationId));
    expect(transfers.map((t) => [t.bankAccountId, t.transferDate, t.amountCents]).sort()).toEqual(
      [
        [org.checking, TODAY, 300_00],
        [org.savings, TODAY, 75_00],
      ].sort(),
    );
    const recent = await listRecentFundsTransfers(handle.db, org.organizationId);
    const checkingTransfer = recent.find((t) => t.amountCents === 300_00);
    expect(checkingTransfer?.payments.map((p) => p.billId).sort()).toEqual([b1, b2].sort());
    // The later payment waits for its day; processing payments can't be cancelled.
    const [later] = await handle.db.select().from(billPayments).where(eq(billPayments.billId, b4));
    expect(later?.status).toBe("scheduled");
    const [processing] = await handle.db.select().from(billPayments).where(eq(billPayments.billId, b1));
    await expectUserError(voidBillPayment(handle.db, org.actor, processing!.id), /processing can't be cancelled/);
    expect((await processDuePayments(handle.db, org.actor, TODAY)).paymentCount).toBe(0);

    expect((await settleProcessingPayments(handle.db, org.actor, TODAY)).paymentCount).toBe(3);
    expect(await billRow(b1)).toMatchObject({ status: "paid", openBalanceCents: 0 });
    expect(await billRow(b2)).toMatchObject({ status: "partially_paid", openBalanceCents: 50_00 });
    expect(await billRow(b4)).toMatchObject({ status: "scheduled" });

    // Cancelling the scheduled one puts the bill back to unpaid.
    await voidBillPayment(handle.db, org.actor, later!.id);
    expect(await billRow(b4)).toMatchObject({ status: "unpaid", openBalanceCents: 40_00 });
    const listed = await listBillPayments(handle.db, org.organizationId, { status: "paid", page: 1 });
    expect(listed.total).toBe(3);
  });
});

describe("a payment's own page", () => {
  it("shows the payment with its bill, vendor, bank account, funds transfer and history; another organisation gets nothing", async () => {
    const org = await createApOrg(handle.db, "Detail");
    const { id } = await createBill(handle.db, org.actor, billForm(org, { amounts: [250_00], billNumber: "PD-1" }));
    const { paymentIds } = await scheduleElectronicPayments(handle.db, org.actor, { bankAccountId: org.checking, processDate: TODAY, payments: [{ billId: id, amountCents: 250_00 }] }, TODAY);
    await processDuePayments(handle.db, org.actor, TODAY);
    const detail = await getBillPaymentDetail(handle.db, org.organizationId, paymentIds[0]!);
    expect(detail).toMatchObject({ billId: id, billNumber: "PD-1", kind: "electronic", status: "processing", amountCents: 250_00, vendorId: expect.any(String) });
    expect(detail?.transfer).toMatchObject({ transferDate: TODAY, amountCents: 250_00 });
    expect(detail?.bankAccountName).toBeTruthy();
    const events = await listAudit(handle.db, org.organizationId, "bill_payment", paymentIds[0]!);
    expect(events.length).toBeGreaterThan(0);
    expect(await getBillPaymentDetail(handle.db, a.organizationId, paymentIds[0]!)).toBeNull();
    expect(await getBillPaymentDetail(handle.db, org.organizationId, "not-a-uuid")).toBeNull();
  });
});

describe("vendor credits", () => {
  it("applies a credit across bills of the same vendor; a fully covered bill becomes paid", async () => {
    const { id: small } = await createBill(handle.db, a.actor, billForm(a, { amounts: [80_00] }));
    const { id: large } = await createBill(handle.db, a.actor, billForm(a, { amounts: [500_00] }));
    const { id: otherVendor } = await createBill(handle.db, a.actor, billForm(a, { amounts: [50_00], vendorId: a.irrigation }));
    const { id: creditId } = await createVendorCredit(handle.db, a.actor, {
      vendorId: a.nursery,
      creditNumber: "CR-9",
      creditDate: TODAY,
      currency: "USD",
      memo: "Returned plants",
      lines: billForm(a, { amounts: [150_00] }).lines,
      totalCents: 150_00,
    });
    await expectUserError(
      applyVendorCredit(handle.db, a.actor, { vendorCreditId: creditId, applications: [{ billId: otherVendor, amountCents: 10_00 }] }),
      /same vendor/,
      "applications.0.amount",
    );
    await expectUserError(
      applyVendorCredit(handle.db, a.actor, { vendorCreditId: creditId, applications: [{ billId: small, amountCents: 80_00 }, { billId: large, amountCents: 100_00 }] }),
      /more than the credit's \$150\.00 balance/,
    );
    expect(await billRow(small)).toMatchObject({ status: "unpaid" });

    const result = await applyVendorCredit(handle.db, a.actor, {
      vendorCreditId: creditId,
      applications: [{ billId: small, amountCents: 80_00 }, { billId: large, amountCents: 70_00 }],
    });
    expect(result).toEqual({ settledBillIds: [small], balanceCents: 0 });
    expect(await billRow(small)).toMatchObject({ status: "paid", openBalanceCents: 0 });
    expect(await billRow(large)).toMatchObject({ status: "partially_paid", openBalanceCents: 430_00 });
    const detail = await getVendorCreditDetail(handle.db, a.organizationId, creditId);
    expect(detail).toMatchObject({ status: "applied", appliedCents: 150_00 });
    expect(detail?.credit.balanceCents).toBe(0);
    const billDetail = await getBillDetail(handle.db, a.organizationId, small);
    expect(billDetail?.summary).toMatchObject({ creditedCents: 80_00, settledByCreditAlone: true });
    expect(billDetail?.credits[0]?.creditNumber).toBe("CR-9");
  });

  it("voiding a bill releases its credit applications back to the credit", async () => {
    const { id: billId } = await createBill(handle.db, a.actor, billForm(a, { amounts: [60_00] }));
    const lines = billForm(a, { amounts: [100_00] }).lines;
    const { id: creditId } = await createVendorCredit(handle.db, a.actor, { vendorId: a.nursery, creditNumber: "CR-10", creditDate: TODAY, currency: "USD", memo: undefined, lines, totalCents: 100_00 });
    await applyVendorCredit(handle.db, a.actor, { vendorCreditId: creditId, applications: [{ billId, amountCents: 60_00 }] });
    expect((await getVendorCreditDetail(handle.db, a.organizationId, creditId))?.credit.balanceCents).toBe(40_00);
    await voidBill(handle.db, a.actor, billId);
    expect(await billRow(billId)).toMatchObject({ status: "voided", openBalanceCents: 0 });
    expect((await getVendorCreditDetail(handle.db, a.organizationId, creditId))?.credit.balanceCents).toBe(100_00);
    const apps = await handle.db.select().from(vendorCreditApplications).where(eq(vendorCreditApplications.billId, billId));
    expect(apps.every((app) => app.voidedAt !== null)).toBe(true);
  });
});

describe("documents", () => {
  it("stores PDFs by their real type and refuses other content", async () => {
    const { id } = await createBill(handle.db, a.actor, billForm(a));
    const pdf = new TextEncoder().encode("%PDF-1.4 hello");
    const saved = await attachBillDocument(handle.db, a.actor, id, { name: "scan.png", bytes: pdf });
    expect(saved.fileName).toBe("scan.pdf");
    await expectUserError(attachBillDocument(handle.db, a.actor, id, { name: "x.pdf", bytes: new TextEncoder().encode("MZ...") }), /Only PDF, PNG and JPEG/);
    const listed = await listBillDocuments(handle.db, a.organizationId, id);
    expect(listed).toHaveLength(1);
    const fetched = await getDocument(handle.db, a.organizationId, saved.id);
    expect(fetched?.contentType).toBe("application/pdf");
    expect(Buffer.from(fetched!.content).toString()).toBe("%PDF-1.4 hello");
  });
});

describe("organisation isolation", () => {
  it("never reads or changes another organisation's records through any function", async () => {
    const { id: billB } = await createBill(handle.db, b.actor, billForm(b, { amounts: [90_00] }));
    const { id: creditB } = await createVendorCredit(handle.db, b.actor, { vendorId: b.nursery, creditNumber: "CR-B", creditDate: TODAY, currency: "USD", memo: undefined, lines: billForm(b).lines, totalCents: 100_00 });
    const paidB = await markBillAsPaid(handle.db, b.actor, { billId: billB, bankAccountId: b.checking, paidDate: TODAY, amountCents: 10_00, reference: undefined, syncToQbo: true });
    await scheduleElectronicPayments(handle.db, b.actor, { bankAccountId: b.checking, processDate: TODAY, payments: [{ billId: billB, amountCents: 20_00 }] }, TODAY);
    const docB = await attachBillDocument(handle.db, b.actor, billB, { name: "b.pdf", bytes: new TextEncoder().encode("%PDF-b") });
    const snapshot = async () => ({
      bill: await billRow(billB),
      payments: await handle.db.select().from(billPayments).where(eq(billPayments.billId, billB)),
      apps: await handle.db.select().from(vendorCreditApplications).where(eq(vendorCreditApplications.vendorCreditId, creditB)),
    });
    const before = await snapshot();

    // Reads with org A's id see nothing of org B.
    expect(await getBillDetail(handle.db, a.organizationId, billB)).toBeNull();
    expect(await getVendorCreditDetail(handle.db, a.organizationId, creditB)).toBeNull();
    expect(await getDocument(handle.db, a.organizationId, docB.id)).toBeNull();
    expect(await listBillDocuments(handle.db, a.organizationId, billB)).toEqual([]);
    expect(await loadBillsToPay(handle.db, a.organizationId, [billB])).toEqual([]);
    expect(await listOpenBillsForVendor(handle.db, a.organizationId, b.nursery)).toEqual([]);
    expect(await refreshBillStatus(handle.db, a.organizationId, billB)).toBeNull();
    const listA = await listBills(handle.db, a.organizationId, parseBillListQuery({ q: "" }));
    expect(listA.rows.some((row) => row.id === billB)).toBe(false);
    expect((await listBillPayments(handle.db, a.organizationId, { status: "all", page: 1 })).rows.some((row) => row.id === paidB.paymentId)).toBe(false);
    expect((await listVendorCredits(handle.db, a.organizationId, { q: "", open: "all", page: 1 })).rows.some((row) => row.id === creditB)).toBe(false);
    const optionsA = await loadBillFormOptions(handle.db, a.organizationId);
    expect(optionsA.vendors.some((vendor) => vendor.id === b.nursery)).toBe(false);

    // Writes with org A's actor and org B's ids change nothing.
    await expectUserError(updateBill(handle.db, a.actor, billB, billForm(a)), /no longer exists/);
    await expectUserError(voidBill(handle.db, a.actor, billB), /no longer exists/);
    await expectUserError(markBillAsPaid(handle.db, a.actor, { billId: billB, bankAccountId: a.checking, paidDate: TODAY, amountCents: 1_00, reference: undefined, syncToQbo: true }), /no longer exists/);
    await expectUserError(markBillAsPaid(handle.db, a.actor, { billId: billB, bankAccountId: b.checking, paidDate: TODAY, amountCents: 1_00, reference: undefined, syncToQbo: true }), /bank account/);
    await expectUserError(scheduleElectronicPayments(handle.db, a.actor, { bankAccountId: a.checking, processDate: TODAY, payments: [{ billId: billB, amountCents: 1_00 }] }, TODAY), /no longer exists/);
    await expectUserError(voidBillPayment(handle.db, a.actor, paidB.paymentId), /no longer exists/);
    await expectUserError(applyVendorCredit(handle.db, a.actor, { vendorCreditId: creditB, applications: [{ billId: billB, amountCents: 1_00 }] }), /no longer exists/);
    await expectUserError(attachBillDocument(handle.db, a.actor, billB, { name: "x.pdf", bytes: new TextEncoder().encode("%PDF-x") }), /no longer exists/);
    await processDuePayments(handle.db, a.actor, "2099-01-01");
    await settleProcessingPayments(handle.db, a.actor, "2099-01-01");
    expect(before.payments.map((payment) => payment.status).sort()).toEqual(["paid", "scheduled"]);
    expect(await snapshot()).toEqual(before);
    const docsB = await listBillDocuments(handle.db, b.organizationId, billB);
    expect(docsB).toHaveLength(1);
    const [stillB] = await handle.db.select().from(bills).where(and(eq(bills.id, billB), eq(bills.organizationId, b.organizationId)));
    expect(stillB?.status).toBe("partially_paid");
  });
});

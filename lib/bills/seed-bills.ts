/**
 * Demo bills for an organisation that already has vendors, a chart of accounts and terms: a realistic
 * mix of unpaid, scheduled, partially paid, paid and one voided bill, processed payments grouped into
 * funds transfers, and a couple of vendor credits (one settling a bill on its own).
 * Everything is built in memory and written with a handful of batched inserts, so 10,000 bills seed
 * in seconds. Deterministic: the same count and date give the same data.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { addDays, compareDates, dueDateFromTerms, groupIntoFundsTransfers, summarizeBill, type BillStatusSummary } from "@/lib/ap";
import { bulkInsert } from "@/lib/db/bulk-insert";
import type { Db, Tx } from "@/lib/db/connection";
import {
  accounts,
  billLines,
  billPayments,
  bills,
  classes,
  fundsTransfers,
  locations,
  terms,
  vendorCreditApplications,
  vendorCreditLines,
  vendorCredits,
  vendors,
} from "@/lib/db/schema";
import { seededRandom } from "@/lib/seeded-random";


const LINE_DESCRIPTIONS = [
  "Monthly service",
  "Materials for job site",
  "Replacement parts",
  "Delivery and handling",
  "Equipment rental, 3 days",
  "Consulting hours",
  "Quarterly premium",
  "Fuel surcharge",
  "Bulk order",
  "Repair call-out",
];

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .map((word) => word.replace(/[^A-Za-z]/g, "")[0] ?? "")
    .join("")
    .toUpperCase();
  return (letters || "B").slice(0, 3);
}

type PaymentRow = typeof billPayments.$inferInsert;
type Plan = "unpaid" | "scheduled" | "partially_paid" | "paid" | "voided";

export type SeedBillsResult = { bills: number; payments: number; fundsTransfers: number; vendorCredits: number };

export async function seedDemoBills(
  db: Db,
  organizationId: string,
  options: { count: number; today: string },
): Promise<SeedBillsResult> {
  const { count, today } = options;
  const [vendorRows, accountRows, termRows, classRows, locationRows] = await Promise.all([
    db.select({ id: vendors.id, name: vendors.displayName }).from(vendors).where(and(eq(vendors.organizationId, organizationId), eq(vendors.active, true))),
    db
      .select({ id: accounts.id, type: accounts.accountType })
      .from(accounts)
      .where(and(eq(accounts.organizationId, organizationId), inArray(accounts.accountType, ["Bank", "Expense", "Cost of Goods Sold"]))),
    db.select({ id: terms.id, dueDays: terms.dueDays }).from(terms).where(eq(terms.organizationId, organizationId)),
    db.select({ id: classes.id }).from(classes).where(eq(classes.organizationId, organizationId)),
    db.select({ id: locations.id }).from(locations).where(eq(locations.organizationId, organizationId)),
  ]);
  const banks = accountRows.filter((account) => account.type === "Bank").slice(0, 2);
  const expenseAccounts = accountRows.filter((account) => account.type !== "Bank");
  if (vendorRows.length === 0 || banks.length === 0 || expenseAccounts.length === 0) {
    throw new Error("seedDemoBills needs vendors, a bank account and expense accounts: seed reference data first.");
  }

  const random = seededRandom(count * 7919 + 17);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const amount = (min: number, max: number) => Math.round((min + random() * (max - min)) / 5) * 5;
  const vendorSequence = new Map<string, number>();

  const billRows: (typeof bills.$inferInsert)[] = [];
  const lineRows: (typeof billLines.$inferInsert)[] = [];
  const paymentRows: PaymentRow[] = [];
  const plans: Plan[] = [];

  for (let index = 0; index < count; index += 1) {
    const vendor = pick(vendorRows);
    const sequence = (vendorSequence.get(vendor.id) ?? 1000) + 1;
    vendorSequence.set(vendor.id, sequence);
    const billDate = addDays(today, -Math.floor(random() * 150));
    const term = termRows.length > 0 ? pick(termRows) : null;
    const dueDate = dueDateFromTerms(billDate, term ? { type: "STANDARD", dueDays: term.dueDays ?? 0 } : null, 30);
    const billId = randomUUID();
    const lineCount = 1 + Math.floor(random() * 3);
    let totalCents = 0;
    for (let position = 0; position < lineCount; position += 1) {
      const cents = amount(2_500, 250_000);
      totalCents += cents;
      lineRows.push({
        organizationId,
        billId,
        position,
        accountId: pick(expenseAccounts).id,
        description: pick(LINE_DESCRIPTIONS),
        amountCents: cents,
        classId: classRows.length > 0 && random() < 0.6 ? pick(classRows).id : null,
        locationId: locationRows.length > 0 && random() < 0.4 ? pick(locationRows).id : null,
      });
    }
    // Older bills are more likely settled, as in a real ledger.
    const overdue = compareDates(dueDate, today) < 0;
    const roll = random();
    const plan: Plan =
      index === 0 ? "voided" : overdue ? (roll < 0.55 ? "paid" : roll < 0.75 ? "partially_paid" : "unpaid") : roll < 0.2 ? "scheduled" : roll < 0.3 ? "partially_paid" : roll < 0.4 ? "paid" : "unpaid";
    plans.push(plan);
    billRows.push({
      id: billId,
      organizationId,
      vendorId: vendor.id,
      billNumber: `${initials(vendor.name)}-${sequence}`,
      billDate,
      dueDate,
      termsId: term?.id ?? null,
      currency: "USD",
      memo: random() < 0.2 ? "Per signed quote" : null,
      totalCents,
      openBalanceCents: totalCents,
      status: "unpaid",
      voidedAt: plan === "voided" ? new Date() : null,
    });

    const bank = pick(banks);
    const payment = (cents: number, status: "scheduled" | "paid", kind: "electronic" | "offline", date: string): PaymentRow => ({
      id: randomUUID(),
      organizationId,
      billId,
      vendorId: vendor.id,
      kind,
      status,
      amountCents: cents,
      bankAccountId: bank.id,
      processDate: date,
      paidDate: status === "paid" ? date : null,
      reference: kind === "offline" ? `CHK ${4000 + index}` : null,
      syncToQbo: true,
    });
    const paidOn = compareDates(dueDate, today) < 0 ? dueDate : billDate;
    if (plan === "paid") paymentRows.push(payment(totalCents, "paid", random() < 0.6 ? "electronic" : "offline", paidOn));
    if (plan === "partially_paid") paymentRows.push(payment(Math.round(totalCents * 0.4), "paid", "electronic", paidOn));
    if (plan === "scheduled") paymentRows.push(payment(totalCents, "scheduled", "electronic", addDays(today, Math.floor(random() * 7))));
  }

  // Processed electronic payments left the bank grouped by day and account.
  const processed = paymentRows.filter((row) => row.kind === "electronic" && row.status === "paid");
  const transferDrafts = groupIntoFundsTransfers(
    processed.map((row) => ({ id: row.id!, amountCents: row.amountCents, processDate: row.processDate, bankAccountId: row.bankAccountId })),
  );
  const processedById = new Map(processed.map((row) => [row.id!, row]));
  const transferRows = transferDrafts.map((draft) => {
    const id = randomUUID();
    for (const paymentId of draft.paymentIds) {
      const row = processedById.get(paymentId);
      if (row) row.fundsTransferId = id;
    }
    return { id, organizationId, direction: "out" as const, bankAccountId: draft.bankAccountId, transferDate: draft.transferDate, amountCents: draft.totalCents };
  });

  // Two vendor credits: one settles an unpaid bill by itself, one waits unapplied.
  const creditRows: (typeof vendorCredits.$inferInsert)[] = [];
  const creditLineRows: (typeof vendorCreditLines.$inferInsert)[] = [];
  const applicationRows: (typeof vendorCreditApplications.$inferInsert)[] = [];
  const settledIndex = plans.findIndex((plan, index) => plan === "unpaid" && index > 0);
  const settledBill = settledIndex >= 0 ? billRows[settledIndex] : undefined;
  const creditSpecs = [
    { bill: settledBill, vendorId: settledBill?.vendorId ?? vendorRows[0]!.id, totalCents: (settledBill?.totalCents ?? 10_000) + 5_000, memo: "Returned damaged goods" },
    { bill: undefined, vendorId: pick(vendorRows).id, totalCents: 12_500, memo: "Volume rebate" },
  ];
  creditSpecs.forEach((spec, n) => {
    const id = randomUUID();
    const applied = spec.bill ? spec.bill.totalCents : 0;
    creditRows.push({
      id,
      organizationId,
      vendorId: spec.vendorId,
      creditNumber: `CR-${2001 + n}`,
      creditDate: addDays(today, -10 - n * 5),
      currency: "USD",
      memo: spec.memo,
      totalCents: spec.totalCents,
      balanceCents: spec.totalCents - applied,
    });
    creditLineRows.push({ organizationId, vendorCreditId: id, position: 0, accountId: expenseAccounts[0]!.id, description: spec.memo, amountCents: spec.totalCents });
    if (spec.bill) applicationRows.push({ organizationId, vendorCreditId: id, billId: spec.bill.id!, amountCents: applied });
  });

  // Stored status and open balance come from the same rule the app uses after every change.
  const paymentsByBill = new Map<string, PaymentRow[]>();
  for (const row of paymentRows) paymentsByBill.set(row.billId, [...(paymentsByBill.get(row.billId) ?? []), row]);
  for (const row of billRows) {
    const summary: BillStatusSummary = summarizeBill({
      totalCents: row.totalCents,
      voided: row.voidedAt != null,
      payments: (paymentsByBill.get(row.id!) ?? []).map((payment) => ({ status: payment.status, amountCents: payment.amountCents })),
      creditApplications: applicationRows.filter((application) => application.billId === row.id).map((application) => ({ amountCents: application.amountCents })),
    });
    row.status = summary.status;
    row.openBalanceCents = summary.openBalanceCents;
  }

  await db.transaction(async (tx: Tx) => {
    await bulkInsert(tx, bills, billRows);
    await bulkInsert(tx, billLines, lineRows);
    await bulkInsert(tx, fundsTransfers, transferRows);
    await bulkInsert(tx, billPayments, paymentRows);
    await bulkInsert(tx, vendorCredits, creditRows);
    await bulkInsert(tx, vendorCreditLines, creditLineRows);
    await bulkInsert(tx, vendorCreditApplications, applicationRows);
  });
  return { bills: billRows.length, payments: paymentRows.length, fundsTransfers: transferRows.length, vendorCredits: creditRows.length };
}

/**
 * Realistic demo invoices: customers and items from the organisation's lists, a year of dates, terms
 * and due dates, 1–3 item lines, and received payments that leave a mix of paid, partially paid and
 * unpaid invoices (plus one voided). Deterministic for a given count and date, and inserted in
 * batches so 10,000 invoices take seconds.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { addDays, dueDateFromTerms, summarizeInvoice, type IsoDate } from "@/lib/ap";
import { bulkInsert } from "@/lib/db/bulk-insert";
import type { Db } from "@/lib/db/connection";
import { customers, invoiceLines, invoices, receivedPayments } from "@/lib/db/schema";
import { listClasses, listItems, listTerms, toPaymentTerms } from "@/lib/reference/queries";
import { loadPickerAccounts } from "@/lib/reference/picker-accounts";
import { suggestInvoiceNumber } from "./queries";
import { seededRandom } from "@/lib/seeded-random";

const BATCH_SIZE = 500;

export const DEMO_INVOICE_NUMBERS_FROM = 5001;

export type SeedInvoicesResult = { invoices: number; payments: number };

export async function seedDemoInvoices(
  db: Db,
  organizationId: string,
  options: { count: number; today: IsoDate; seed?: number },
): Promise<SeedInvoicesResult> {
  const [customerRows, itemRows, classRows, termsRows, deposit] = await Promise.all([
    db.select({ id: customers.id }).from(customers).where(and(eq(customers.organizationId, organizationId), eq(customers.active, true))),
    listItems(db, organizationId, { activeOnly: true }),
    listClasses(db, organizationId, { activeOnly: true }),
    listTerms(db, organizationId, { activeOnly: true }),
    loadPickerAccounts(db, organizationId, "deposit_to"),
  ]);
  if (customerRows.length === 0 || itemRows.length === 0 || !deposit.defaultId) {
    throw new Error("Seeding invoices needs customers, items and a bank or Undeposited Funds account first.");
  }
  const depositAccountId = deposit.defaultId;
  const next = seededRandom(options.seed ?? 20_260_101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  // Its own number series, so the demo's invoices never collide with the QuickBooks company's (1001…).
  let number = Math.max(Number(await suggestInvoiceNumber(db, organizationId)), DEMO_INVOICE_NUMBERS_FROM);
  const voidedIndex = Math.min(options.count - 1, 7);

  let paymentCount = 0;
  for (let start = 0; start < options.count; start += BATCH_SIZE) {
    const invoiceValues: (typeof invoices.$inferInsert)[] = [];
    const lineValues: (typeof invoiceLines.$inferInsert)[] = [];
    const paymentValues: (typeof receivedPayments.$inferInsert)[] = [];
    for (let index = start; index < Math.min(options.count, start + BATCH_SIZE); index += 1) {
      const id = randomUUID();
      const customerId = pick(customerRows).id;
      const invoiceDate = addDays(options.today, -Math.floor(next() * 365));
      const termsRow = termsRows.length ? pick(termsRows) : null;
      const dueDate = dueDateFromTerms(invoiceDate, termsRow ? toPaymentTerms(termsRow) : null);
      let totalCents = 0;
      const lineCount = Math.min(itemRows.length, 1 + Math.floor(next() * 3));
      // Distinct items per invoice, as a person would write it.
      const remaining = [...itemRows];
      for (let position = 0; position < lineCount; position += 1) {
        const item = remaining.splice(Math.floor(next() * remaining.length), 1)[0]!;
        const quantity = 1 + Math.floor(next() * 8);
        const unitPriceCents = item.unitPriceCents ?? 5_000;
        const amountCents = quantity * unitPriceCents;
        totalCents += amountCents;
        lineValues.push({
          organizationId,
          invoiceId: id,
          position,
          itemId: item.id,
          description: item.description ?? item.name,
          quantity: String(quantity),
          unitPriceCents,
          amountCents,
          classId: classRows.length && next() < 0.7 ? pick(classRows).id : null,
        });
      }

      // Older invoices are far more likely to be settled, as in a real ledger: most of what is open is recent.
      const age = Math.max(0, Math.round((Date.parse(options.today) - Date.parse(invoiceDate)) / 86_400_000));
      const [paidChance, partialChance] = age > 90 ? [0.9, 0.05] : age > 30 ? [0.7, 0.12] : [0.25, 0.15];
      const roll = next();
      const paidShare = roll < paidChance ? 1 : roll < paidChance + partialChance ? 0.2 + next() * 0.6 : 0;
      const paidCents = Math.round((totalCents * paidShare) / 100) * 100;
      const payments: { amountCents: number }[] = [];
      if (paidShare === 1 && totalCents > 10_000 && next() < 0.3) {
        const first = Math.round(totalCents / 200) * 100;
        payments.push({ amountCents: first }, { amountCents: totalCents - first });
      } else if (paidShare === 1) {
        payments.push({ amountCents: totalCents });
      } else if (paidCents > 0 && paidCents < totalCents) {
        payments.push({ amountCents: paidCents });
      }
      const voided = index === voidedIndex;
      const livePayments = voided ? [] : payments;
      for (const payment of livePayments) {
        paymentValues.push({
          organizationId,
          invoiceId: id,
          customerId,
          status: "paid",
          amountCents: payment.amountCents,
          depositAccountId: depositAccountId,
          receivedDate: addDays(invoiceDate, Math.min(age, 5 + Math.floor(next() * 40))),
          reference: `CHK ${1000 + Math.floor(next() * 9000)}`,
        });
      }
      const summary = summarizeInvoice({
        totalCents,
        voided,
        payments: livePayments.map((payment) => ({ status: "received", amountCents: payment.amountCents })),
      });
      invoiceValues.push({
        id,
        organizationId,
        customerId,
        invoiceNumber: String(number),
        invoiceDate,
        dueDate,
        termsId: termsRow?.id ?? null,
        memo: next() < 0.2 ? "Thank you for your business." : null,
        totalCents,
        openBalanceCents: summary.openBalanceCents,
        status: summary.status,
        voidedAt: voided ? new Date(`${options.today}T12:00:00Z`) : null,
      });
      number += 1;
    }
    await db.transaction(async (tx) => {
      await bulkInsert(tx, invoices, invoiceValues);
      await bulkInsert(tx, invoiceLines, lineValues);
      await bulkInsert(tx, receivedPayments, paymentValues);
    });
    paymentCount += paymentValues.length;
  }
  return { invoices: options.count, payments: paymentCount };
}

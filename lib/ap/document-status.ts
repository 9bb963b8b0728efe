/**
 * Payment status of bills and invoices, always derived from the money linked to them — never typed in.
 *
 * Bill status precedence (first rule that matches wins):
 *  1. `voided`          — the bill itself is voided/deleted; its payments don't matter.
 *  2. `paid`            — paid + credited covers the whole total (open balance 0; a $0 bill owes
 *                         nothing and so counts as paid — such bills are never sent to QBO anyway).
 *  3. `partially_paid`  — something is settled (a paid payment or an applied credit) but not all.
 *  4. `scheduled`       — nothing settled yet, but scheduled/processing payments are in flight.
 *  5. `unpaid`          — nothing settled and nothing in flight.
 * "Settled" means money that really left (status `paid`) or a vendor credit applied. Scheduled and
 * processing payments don't reduce the open balance; they reduce what is still *payable*
 * (`payableCents`), which is what a new payment may cover. Voided payments and removed credit
 * applications count for nothing, which is how a void reopens a bill.
 *
 * Invoice status precedence: `voided`, then `paid`, `partially_paid`, `unpaid` by received amounts.
 */
import { assertCents, sumCents } from "./money";

export type PaymentStatus = "scheduled" | "processing" | "paid" | "voided";

export type BillStatus = "voided" | "paid" | "partially_paid" | "scheduled" | "unpaid";
export type InvoiceStatus = "voided" | "paid" | "partially_paid" | "unpaid";

export const BILL_STATUS_LABELS: Record<BillStatus, string> = {
  voided: "Voided",
  paid: "Paid",
  partially_paid: "Partially paid",
  scheduled: "Scheduled",
  unpaid: "Unpaid",
};

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  voided: "Voided",
  paid: "Paid",
  partially_paid: "Partially paid",
  unpaid: "Unpaid",
};

export interface BillPaymentAmount {
  status: PaymentStatus;
  amountCents: number;
}

export interface CreditApplicationAmount {
  amountCents: number;
  /** An application that was removed (or whose credit was voided) no longer settles anything. */
  voided?: boolean;
}

export interface BillStatusInput {
  totalCents: number;
  voided?: boolean;
  payments: readonly BillPaymentAmount[];
  creditApplications?: readonly CreditApplicationAmount[];
}

export interface BillStatusSummary {
  status: BillStatus;
  totalCents: number;
  /** Sum of payments with status `paid`. */
  paidCents: number;
  /** Sum of applied (not voided) vendor credits. */
  creditedCents: number;
  /** Sum of `scheduled` + `processing` payments (money in flight). */
  scheduledCents: number;
  /** total − paid − credited, never below 0 (0 for a voided bill). */
  openBalanceCents: number;
  /** open balance − in-flight payments, never below 0: the most a new payment or credit may cover. */
  payableCents: number;
  /** Settled beyond the total (e.g. an overpayment recorded in QBO); 0 normally. */
  overpaidCents: number;
  /** Fully settled by vendor credits with no paid payment: QBO needs a $0 BillPayment to link them. */
  settledByCreditAlone: boolean;
}

function sumAmounts(rows: readonly { amountCents: number }[]): number {
  return sumCents(rows.map((row) => row.amountCents));
}

export function summarizeBill(input: BillStatusInput): BillStatusSummary {
  assertCents(input.totalCents, "bill total");
  const paidCents = sumAmounts(input.payments.filter((payment) => payment.status === "paid"));
  const scheduledCents = sumAmounts(
    input.payments.filter((payment) => payment.status === "scheduled" || payment.status === "processing"),
  );
  const creditedCents = sumAmounts((input.creditApplications ?? []).filter((application) => !application.voided));
  const settledCents = paidCents + creditedCents;
  const voided = input.voided === true;
  const openBalanceCents = voided ? 0 : Math.max(0, input.totalCents - settledCents);
  const payableCents = Math.max(0, openBalanceCents - scheduledCents);
  const overpaidCents = Math.max(0, settledCents - input.totalCents);

  let status: BillStatus;
  if (voided) status = "voided";
  else if (openBalanceCents === 0) status = "paid";
  else if (settledCents > 0) status = "partially_paid";
  else if (scheduledCents > 0) status = "scheduled";
  else status = "unpaid";

  return {
    status,
    totalCents: input.totalCents,
    paidCents,
    creditedCents,
    scheduledCents,
    openBalanceCents,
    payableCents,
    overpaidCents,
    settledByCreditAlone: status === "paid" && paidCents === 0 && creditedCents > 0,
  };
}

export function billStatus(input: BillStatusInput): BillStatus {
  return summarizeBill(input).status;
}

export type ReceivedPaymentStatus = "received" | "voided";

export interface ReceivedPaymentAmount {
  status: ReceivedPaymentStatus;
  amountCents: number;
}

export interface InvoiceStatusInput {
  totalCents: number;
  voided?: boolean;
  payments: readonly ReceivedPaymentAmount[];
}

export interface InvoiceStatusSummary {
  status: InvoiceStatus;
  totalCents: number;
  /** Sum of received (not voided) payments applied to the invoice. */
  receivedCents: number;
  /** total − received, never below 0 (0 for a voided invoice). */
  openBalanceCents: number;
  overpaidCents: number;
}

export function summarizeInvoice(input: InvoiceStatusInput): InvoiceStatusSummary {
  assertCents(input.totalCents, "invoice total");
  const receivedCents = sumAmounts(input.payments.filter((payment) => payment.status === "received"));
  const voided = input.voided === true;
  const openBalanceCents = voided ? 0 : Math.max(0, input.totalCents - receivedCents);

  let status: InvoiceStatus;
  if (voided) status = "voided";
  else if (openBalanceCents === 0) status = "paid";
  else if (receivedCents > 0) status = "partially_paid";
  else status = "unpaid";

  return {
    status,
    totalCents: input.totalCents,
    receivedCents,
    openBalanceCents,
    overpaidCents: Math.max(0, receivedCents - input.totalCents),
  };
}

export function invoiceStatus(input: InvoiceStatusInput): InvoiceStatus {
  return summarizeInvoice(input).status;
}

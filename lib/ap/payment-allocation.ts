/**
 * Paying bills: validates a batch of "pay this much on that bill" requests against the bills' current
 * balances and turns them into one payment draft per bill.
 *
 * Rules: a batch may cover bills of different vendors (one payment per bill); each bill at most once
 * per batch; amount > 0 and ≤ what is still payable (open balance minus payments already scheduled or
 * processing); partial payments are fine; voided or settled bills can't be paid. Electronic payments
 * are scheduled for a process date that can't be in the past; offline ("mark as paid") payments are
 * recorded as paid on their paid date.
 */
import { compareDates, isIsoDate, type IsoDate } from "./dates";
import type { BillStatus } from "./document-status";
import type { FieldError, Validated } from "./field-errors";
import { formatMoney, sumCents } from "./money";

/** What payment validation needs to know about a bill; spread a `summarizeBill` result into it. */
export interface PayableBill {
  id: string;
  vendorId: string;
  currency: string;
  status: BillStatus;
  openBalanceCents: number;
  scheduledCents: number;
}

export interface BillPaymentRequest {
  billId: string;
  amountCents: number;
}

export type PaymentMethod =
  | { kind: "electronic"; bankAccountId: string; processDate: IsoDate; today: IsoDate }
  | {
      kind: "offline";
      bankAccountId: string;
      paidDate: IsoDate;
      reference?: string | null;
      syncToQbo: boolean;
    };

export interface BillPaymentDraft {
  billId: string;
  vendorId: string;
  currency: string;
  amountCents: number;
  kind: "electronic" | "offline";
  /** Electronic payments start `scheduled`; offline ones are `paid` when recorded. */
  status: "scheduled" | "paid";
  bankAccountId: string;
  processDate: IsoDate | null;
  paidDate: IsoDate | null;
  reference: string | null;
  syncToQbo: boolean;
}

export interface BillPaymentPlan {
  drafts: BillPaymentDraft[];
  totalCents: number;
}

/** What a new payment may still cover on this bill. */
export function payableCents(bill: Pick<PayableBill, "openBalanceCents" | "scheduledCents">): number {
  return Math.max(0, bill.openBalanceCents - bill.scheduledCents);
}

/** What is wrong with the payment method itself (account, dates), whatever the bills. */
export function paymentMethodErrors(method: PaymentMethod): FieldError[] {
  const errors: FieldError[] = [];
  if (method.bankAccountId.trim() === "") errors.push({ path: "bankAccountId", message: "Choose a bank account." });
  if (method.kind === "electronic") {
    if (!isIsoDate(method.processDate)) {
      errors.push({ path: "processDate", message: "Enter a valid process date." });
    } else if (isIsoDate(method.today) && compareDates(method.processDate, method.today) < 0) {
      errors.push({ path: "processDate", message: "The process date can't be in the past." });
    }
  } else if (!isIsoDate(method.paidDate)) {
    errors.push({ path: "paidDate", message: "Enter a valid payment date." });
  }
  return errors;
}

function closedBillError(bill: PayableBill | undefined): string | null {
  if (!bill) return "This bill no longer exists.";
  if (bill.status === "voided") return "This bill is voided and can't be paid.";
  if (bill.status === "paid") return "This bill is already paid.";
  return null;
}

const FULLY_SCHEDULED = "Payments already scheduled cover this whole bill.";

function requestError(bill: PayableBill | undefined, amountCents: number): string | null {
  const closed = closedBillError(bill);
  if (closed !== null || !bill) return closed;
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) return "Enter an amount greater than zero.";
  const payable = payableCents(bill);
  if (payable === 0) return FULLY_SCHEDULED;
  if (amountCents > payable) {
    return `The amount can't be more than the ${formatMoney(payable, bill.currency)} still to pay on this bill.`;
  }
  return null;
}

export function planBillPayments(input: {
  bills: readonly PayableBill[];
  requests: readonly BillPaymentRequest[];
  method: PaymentMethod;
}): Validated<BillPaymentPlan> {
  const { method } = input;
  const errors = paymentMethodErrors(method);
  if (input.requests.length === 0) errors.push({ path: "payments", message: "Select at least one bill to pay." });

  const billsById = new Map(input.bills.map((bill) => [bill.id, bill]));
  const seen = new Set<string>();
  const drafts: BillPaymentDraft[] = [];
  input.requests.forEach((request, index) => {
    if (seen.has(request.billId)) {
      errors.push({ path: `payments.${index}.billId`, message: "This bill is already in this payment run." });
      return;
    }
    seen.add(request.billId);
    const bill = billsById.get(request.billId);
    const message = requestError(bill, request.amountCents);
    if (message !== null || !bill) {
      errors.push({ path: `payments.${index}.amount`, message: message ?? "This bill no longer exists." });
      return;
    }
    drafts.push({
      billId: bill.id,
      vendorId: bill.vendorId,
      currency: bill.currency,
      amountCents: request.amountCents,
      kind: method.kind,
      status: method.kind === "electronic" ? "scheduled" : "paid",
      bankAccountId: method.bankAccountId,
      processDate: method.kind === "electronic" ? method.processDate : null,
      paidDate: method.kind === "offline" ? method.paidDate : null,
      reference: method.kind === "offline" ? method.reference?.trim() || null : null,
      syncToQbo: method.kind === "offline" ? method.syncToQbo : true,
    });
  });

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { drafts, totalCents: sumCents(drafts.map((draft) => draft.amountCents)) } };
}

/**
 * A bulk "Schedule payment" / "Mark paid": pay what is still payable on the bill, or the reason it
 * can't be paid (the same reasons as a single payment's).
 */
export function fullPaymentRequest(bill: PayableBill | undefined): { ok: true; request: BillPaymentRequest } | { ok: false; reason: string } {
  const closed = closedBillError(bill);
  if (closed !== null || !bill) return { ok: false, reason: closed ?? "This bill no longer exists." };
  const payable = payableCents(bill);
  if (payable === 0) return { ok: false, reason: FULLY_SCHEDULED };
  return { ok: true, request: { billId: bill.id, amountCents: payable } };
}

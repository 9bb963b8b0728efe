/**
 * Vendor credits: their remaining balance, and applying one credit to one or many bills of the same
 * vendor, partly or fully.
 *
 * A credit may cover at most what is still payable on a bill (open balance minus payments already in
 * flight), so a scheduled payment can never end up overpaying the bill. How the application reaches
 * QBO depends on the bill's payment status (SPEC §5): see {@link creditSyncAction}.
 */
import type { BillStatus } from "./document-status";
import type { FieldError, Validated } from "./field-errors";
import { formatMoney, sumCents } from "./money";
import { payableCents, type PayableBill } from "./payment-allocation";

export type VendorCreditStatus = "voided" | "applied" | "partially_applied" | "unapplied";

export interface VendorCreditState {
  id: string;
  vendorId: string;
  currency: string;
  totalCents: number;
  voided: boolean;
  /** Sum of the credit's current (not removed) applications. */
  appliedCents: number;
}

export interface BillForCredit extends PayableBill {
  /** Sum of `paid` payments: tells whether a fully credited bill was settled by the credit alone. */
  paidCents: number;
}

export interface CreditApplicationRequest {
  billId: string;
  amountCents: number;
}

export interface CreditApplicationResult {
  billId: string;
  amountCents: number;
  billOpenBalanceAfterCents: number;
  /** The bill's open balance reaches 0 with this application. */
  settlesBill: boolean;
  /** Settled and no payment ever paid on it: QBO gets a $0 BillPayment linking bill and credit. */
  settledByCreditAlone: boolean;
}

export interface CreditApplicationPlan {
  applications: CreditApplicationResult[];
  appliedNowCents: number;
  creditBalanceAfterCents: number;
  creditStatusAfter: VendorCreditStatus;
}

export function vendorCreditBalanceCents(credit: Pick<VendorCreditState, "totalCents" | "appliedCents" | "voided">): number {
  return credit.voided ? 0 : Math.max(0, credit.totalCents - credit.appliedCents);
}

export function vendorCreditStatus(credit: Pick<VendorCreditState, "totalCents" | "appliedCents" | "voided">): VendorCreditStatus {
  if (credit.voided) return "voided";
  if (credit.appliedCents <= 0) return "unapplied";
  return credit.appliedCents >= credit.totalCents ? "applied" : "partially_applied";
}

function billError(credit: VendorCreditState, bill: BillForCredit | undefined, amountCents: number): string | null {
  if (!bill) return "This bill no longer exists.";
  if (bill.vendorId !== credit.vendorId) return "A credit can only be applied to bills from the same vendor.";
  if (bill.currency !== credit.currency) return "The bill and the credit are in different currencies.";
  if (bill.status === "voided") return "This bill is voided.";
  if (bill.status === "paid") return "This bill is already paid.";
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) return "Enter an amount greater than zero.";
  const payable = payableCents(bill);
  if (payable === 0) return "Payments already scheduled cover this whole bill.";
  if (amountCents > payable) {
    return `The amount can't be more than the ${formatMoney(payable, bill.currency)} still open on this bill.`;
  }
  return null;
}

export function planCreditApplication(input: {
  credit: VendorCreditState;
  bills: readonly BillForCredit[];
  requests: readonly CreditApplicationRequest[];
}): Validated<CreditApplicationPlan> {
  const { credit } = input;
  const errors: FieldError[] = [];
  if (credit.voided) errors.push({ path: "", message: "This vendor credit is voided and can't be applied." });
  const balance = vendorCreditBalanceCents(credit);
  if (!credit.voided && balance === 0) errors.push({ path: "", message: "This vendor credit has no balance left." });
  if (input.requests.length === 0) errors.push({ path: "applications", message: "Select at least one bill." });

  const billsById = new Map(input.bills.map((bill) => [bill.id, bill]));
  const seen = new Set<string>();
  const applications: CreditApplicationResult[] = [];
  input.requests.forEach((request, index) => {
    if (seen.has(request.billId)) {
      errors.push({ path: `applications.${index}.billId`, message: "This bill is listed twice." });
      return;
    }
    seen.add(request.billId);
    const bill = billsById.get(request.billId);
    const message = billError(credit, bill, request.amountCents);
    if (message !== null || !bill) {
      errors.push({ path: `applications.${index}.amount`, message: message ?? "This bill no longer exists." });
      return;
    }
    const openAfter = bill.openBalanceCents - request.amountCents;
    applications.push({
      billId: bill.id,
      amountCents: request.amountCents,
      billOpenBalanceAfterCents: openAfter,
      settlesBill: openAfter === 0,
      settledByCreditAlone: openAfter === 0 && bill.paidCents === 0,
    });
  });

  const appliedNowCents = sumCents(applications.map((application) => application.amountCents));
  if (!credit.voided && balance > 0 && appliedNowCents > balance) {
    errors.push({
      path: "applications",
      message: `The amounts add up to ${formatMoney(appliedNowCents, credit.currency)}, more than the credit's ${formatMoney(balance, credit.currency)} balance.`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };

  const appliedAfter = credit.appliedCents + appliedNowCents;
  return {
    ok: true,
    value: {
      applications,
      appliedNowCents,
      creditBalanceAfterCents: balance - appliedNowCents,
      creditStatusAfter: vendorCreditStatus({ ...credit, appliedCents: appliedAfter }),
    },
  };
}

/**
 * How an applied credit is reflected in QBO (SPEC §5), from the bill's derived status:
 * - `leave_unapplied`: bill not fully settled yet — QBO shows the credit unapplied for now;
 * - `link_in_bill_payment`: settled with a real payment — that BillPayment links bill and credit;
 * - `zero_dollar_bill_payment`: settled by credits alone — a $0 BillPayment links bill and credit;
 * - `none`: voided bill, nothing to sync.
 */
export type CreditSyncAction = "leave_unapplied" | "link_in_bill_payment" | "zero_dollar_bill_payment" | "none";

export function creditSyncAction(bill: {
  status: BillStatus;
  paidCents: number;
  creditedCents: number;
}): CreditSyncAction {
  if (bill.status === "voided" || bill.creditedCents === 0) return "none";
  if (bill.status !== "paid") return "leave_unapplied";
  return bill.paidCents === 0 ? "zero_dollar_bill_payment" : "link_in_bill_payment";
}

/* ───────────────────────────── edit, unapply, void ───────────────────────────── */

/**
 * Why a credit cannot be edited now, or null when it can. Once any amount is applied the credit is
 * part of a bill's settlement (in QBO: a BillPayment links it), so changing its lines or amount
 * would leave that settlement pointing at a different credit. Unapply first.
 */
export function vendorCreditEditRefusal(credit: Pick<VendorCreditState, "voided" | "appliedCents">): string | null {
  if (credit.voided) return "A voided vendor credit can't be edited.";
  if (credit.appliedCents > 0) return "This vendor credit is applied to bills, so it can't be edited. Unapply it from every bill first.";
  return null;
}

/** Why a credit cannot be voided now, or null when it can: only an unapplied credit is voided. */
export function vendorCreditVoidRefusal(credit: Pick<VendorCreditState, "voided" | "appliedCents">): string | null {
  if (credit.voided) return "This vendor credit is already voided.";
  if (credit.appliedCents > 0) return "This vendor credit is applied to bills. Unapply it from every bill first, then void it.";
  return null;
}

export interface CreditApplicationToUnapply {
  id: string;
  vendorCreditId: string;
  billId: string;
  amountCents: number;
  /** Set when the application was already removed (unapplied, or released by a bill void). */
  removed: boolean;
}

export interface CreditUnapplyPlan {
  applicationId: string;
  billId: string;
  amountCents: number;
  creditAppliedAfterCents: number;
  creditBalanceAfterCents: number;
  creditStatusAfter: VendorCreditStatus;
}

/**
 * Taking one application of a credit back off its bill: the credit's balance grows by the amount and
 * the bill's open balance with it (its status is derived again from what is left).
 */
export function planCreditUnapply(input: {
  credit: VendorCreditState;
  application: CreditApplicationToUnapply | undefined;
}): Validated<CreditUnapplyPlan> {
  const { credit, application } = input;
  if (!application || application.vendorCreditId !== credit.id) {
    return { ok: false, errors: [{ path: "", message: "This application no longer exists." }] };
  }
  if (credit.voided) return { ok: false, errors: [{ path: "", message: "This vendor credit is voided." }] };
  if (application.removed) return { ok: false, errors: [{ path: "", message: "This application was already unapplied." }] };
  const appliedAfter = Math.max(0, credit.appliedCents - application.amountCents);
  const after = { ...credit, appliedCents: appliedAfter };
  return {
    ok: true,
    value: {
      applicationId: application.id,
      billId: application.billId,
      amountCents: application.amountCents,
      creditAppliedAfterCents: appliedAfter,
      creditBalanceAfterCents: vendorCreditBalanceCents(after),
      creditStatusAfter: vendorCreditStatus(after),
    },
  };
}

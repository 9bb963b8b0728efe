/**
 * Funds transfers: the lump sums that really leave (or reach) the bank.
 *
 * Each electronic bill payment is booked in QBO as paid from **Money Out Clearing**; all payments
 * that start processing on the same day from the same bank account leave the bank as one funds
 * transfer, booked as a journal entry bank GL → clearing. Received payments mirror this through
 * **Money In Clearing**. When every payment sits in a transfer of the same total, the clearing
 * accounts net to zero — the **Funds Transfer Detail** report below shows exactly that.
 */
import { compareDates, isIsoDate, type IsoDate } from "./dates";
import type { PaymentStatus } from "./document-status";
import { MoneyError, sumCents } from "./money";

/** "out": bill payments through Money Out Clearing; "in": received payments through Money In Clearing. */
export type MoneyDirection = "out" | "in";

export interface ProcessablePayment {
  id: string;
  amountCents: number;
  processDate: IsoDate;
  bankAccountId: string;
  status: PaymentStatus;
  direction?: MoneyDirection;
}

/** Scheduled payments whose process date has come (today or earlier, e.g. after a missed run). */
export function paymentsDueForProcessing<T extends ProcessablePayment>(payments: readonly T[], today: IsoDate): T[] {
  return payments.filter((payment) => payment.status === "scheduled" && compareDates(payment.processDate, today) <= 0);
}

export interface FundsTransferDraft {
  /** Stable grouping key: "<direction>|<date>|<bank account>"; handy as an idempotency seed. */
  key: string;
  direction: MoneyDirection;
  transferDate: IsoDate;
  bankAccountId: string;
  totalCents: number;
  paymentIds: string[];
}

/**
 * Groups payments moving to `processing` into one transfer per (direction, process date, bank account).
 * Payment ids keep their input order; transfers come sorted by date, direction, then bank account.
 */
export function groupIntoFundsTransfers(
  payments: readonly Omit<ProcessablePayment, "status">[],
): FundsTransferDraft[] {
  const groups = new Map<string, FundsTransferDraft & { amounts: number[] }>();
  const seen = new Set<string>();
  for (const payment of payments) {
    if (seen.has(payment.id)) throw new MoneyError(`Payment ${payment.id} appears twice.`);
    seen.add(payment.id);
    if (!Number.isSafeInteger(payment.amountCents) || payment.amountCents <= 0) {
      throw new MoneyError(`Payment ${payment.id} must have a positive amount in cents to move money.`);
    }
    if (!isIsoDate(payment.processDate)) throw new MoneyError(`Payment ${payment.id} has no valid process date.`);
    const direction = payment.direction ?? "out";
    const key = `${direction}|${payment.processDate}|${payment.bankAccountId}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        direction,
        transferDate: payment.processDate,
        bankAccountId: payment.bankAccountId,
        totalCents: 0,
        paymentIds: [],
        amounts: [],
      };
      groups.set(key, group);
    }
    group.paymentIds.push(payment.id);
    group.amounts.push(payment.amountCents);
  }
  return [...groups.values()]
    .map(({ amounts, ...transfer }) => ({ ...transfer, totalCents: sumCents(amounts) }))
    .sort(
      (a, b) =>
        compareDates(a.transferDate, b.transferDate) ||
        a.direction.localeCompare(b.direction) ||
        a.bankAccountId.localeCompare(b.bankAccountId),
    );
}

/** A payment received against an invoice, as the deposit grouping sees it. */
export interface ReceivedDepositCandidate {
  id: string;
  amountCents: number;
  receivedDate: IsoDate;
  /** The bank account the money reaches (for an electronic payment, after Money In Clearing). */
  bankAccountId: string;
  kind: "electronic" | "offline";
  status: PaymentStatus;
  fundsTransferId: string | null;
  /** QBO holds the Payment (deposited to Money In Clearing), so a transfer can clear it. */
  inQbo: boolean;
}

/**
 * Electronic received payments reach the bank as one funds transfer per (received date, bank
 * account): Money In Clearing → bank. A payment joins a transfer once its Payment is in QBO (the
 * clearing account holds it; a transfer before that would drive clearing negative), when it is not
 * voided, not already in a transfer, and its day has come. Offline payments went straight to their
 * "Deposit to" account and never pass clearing.
 */
export function groupReceivedDeposits(payments: readonly ReceivedDepositCandidate[], today: IsoDate): FundsTransferDraft[] {
  return groupIntoFundsTransfers(
    payments
      .filter(
        (payment) =>
          payment.kind === "electronic" &&
          payment.status === "paid" &&
          payment.fundsTransferId === null &&
          payment.inQbo &&
          compareDates(payment.receivedDate, today) <= 0,
      )
      .map((payment) => ({
        id: payment.id,
        amountCents: payment.amountCents,
        processDate: payment.receivedDate,
        bankAccountId: payment.bankAccountId,
        direction: "in" as const,
      })),
  );
}

export interface JournalLine {
  postingType: "Debit" | "Credit";
  accountId: string;
  amountCents: number;
}

/**
 * The two journal-entry lines of a transfer. Money out: debit clearing (clears the BillPayments'
 * credits), credit the bank. Money in: debit the bank, credit clearing. Always balanced.
 */
export function fundsTransferJournalLines(
  transfer: { direction: MoneyDirection; totalCents: number },
  accounts: { bankAccountId: string; clearingAccountId: string },
): [JournalLine, JournalLine] {
  const amountCents = transfer.totalCents;
  if (transfer.direction === "out") {
    return [
      { postingType: "Debit", accountId: accounts.clearingAccountId, amountCents },
      { postingType: "Credit", accountId: accounts.bankAccountId, amountCents },
    ];
  }
  return [
    { postingType: "Debit", accountId: accounts.bankAccountId, amountCents },
    { postingType: "Credit", accountId: accounts.clearingAccountId, amountCents },
  ];
}

// ---- Funds Transfer Detail report -------------------------------------------------------------

export interface FundsTransferRecord {
  id: string;
  direction: MoneyDirection;
  transferDate: IsoDate;
  bankAccountId: string;
  bankAccountName?: string;
  amountCents: number;
  qboId: string | null;
  paymentIds: readonly string[];
}

/** A payment booked through a clearing account (pass processing, paid and voided ones alike). */
export interface ClearingPaymentRecord {
  id: string;
  direction: MoneyDirection;
  status: PaymentStatus | "received";
  amountCents: number;
  date: IsoDate;
  qboId: string | null;
  /** Vendor or customer name. */
  partyName: string;
  /** Bill or invoice number. */
  documentNumber: string | null;
}

export interface FundsTransferDetailSection {
  transfer: FundsTransferRecord;
  payments: ClearingPaymentRecord[];
  paymentsTotalCents: number;
  /** Transfer amount − its payments: 0 when the transfer nets the clearing account. */
  differenceCents: number;
  balanced: boolean;
  /** Ids the transfer lists that weren't found among live (non-voided) payments. */
  missingPaymentIds: string[];
}

export interface ClearingTotals {
  transferCount: number;
  transfersCents: number;
  paymentsInTransfersCents: number;
  /** Live payments through clearing that no transfer covers yet (money in transit). */
  unassignedPaymentsCents: number;
  /** Clearing account balance these records imply: all live payments − all transfers. */
  clearingBalanceCents: number;
  /** Every transfer balanced and nothing left in clearing. */
  reconciles: boolean;
}

export interface FundsTransferDetailReport {
  sections: FundsTransferDetailSection[];
  unassignedPayments: ClearingPaymentRecord[];
  totals: Record<MoneyDirection, ClearingTotals>;
}

function isLive(payment: ClearingPaymentRecord): boolean {
  return payment.status !== "voided";
}

export function fundsTransferDetailReport(input: {
  transfers: readonly FundsTransferRecord[];
  payments: readonly ClearingPaymentRecord[];
}): FundsTransferDetailReport {
  const livePayments = input.payments.filter(isLive);
  const paymentsById = new Map(livePayments.map((payment) => [payment.id, payment]));
  const assigned = new Set<string>();

  const sections = [...input.transfers]
    .sort(
      (a, b) =>
        compareDates(a.transferDate, b.transferDate) ||
        a.direction.localeCompare(b.direction) ||
        a.bankAccountId.localeCompare(b.bankAccountId) ||
        a.id.localeCompare(b.id),
    )
    .map((transfer): FundsTransferDetailSection => {
      const payments: ClearingPaymentRecord[] = [];
      const missingPaymentIds: string[] = [];
      for (const id of transfer.paymentIds) {
        const payment = paymentsById.get(id);
        if (payment) {
          payments.push(payment);
          assigned.add(id);
        } else {
          missingPaymentIds.push(id);
        }
      }
      const paymentsTotalCents = sumCents(payments.map((payment) => payment.amountCents));
      const differenceCents = transfer.amountCents - paymentsTotalCents;
      return {
        transfer,
        payments,
        paymentsTotalCents,
        differenceCents,
        balanced: differenceCents === 0 && missingPaymentIds.length === 0,
        missingPaymentIds,
      };
    });

  const unassignedPayments = livePayments.filter((payment) => !assigned.has(payment.id));

  const totalsFor = (direction: MoneyDirection): ClearingTotals => {
    const ownSections = sections.filter((section) => section.transfer.direction === direction);
    const transfersCents = sumCents(ownSections.map((section) => section.transfer.amountCents));
    const paymentsInTransfersCents = sumCents(ownSections.map((section) => section.paymentsTotalCents));
    const unassignedPaymentsCents = sumCents(
      unassignedPayments.filter((payment) => payment.direction === direction).map((payment) => payment.amountCents),
    );
    const clearingBalanceCents = paymentsInTransfersCents + unassignedPaymentsCents - transfersCents;
    return {
      transferCount: ownSections.length,
      transfersCents,
      paymentsInTransfersCents,
      unassignedPaymentsCents,
      clearingBalanceCents,
      reconciles: clearingBalanceCents === 0 && ownSections.every((section) => section.balanced),
    };
  };

  return { sections, unassignedPayments, totals: { out: totalsFor("out"), in: totalsFor("in") } };
}

import { centsToAmount } from "@/lib/sync/core/money";
import type { QboPaymentLine, QboVoidBody } from "@/lib/sync/core/payments-plan";

/**
 * Unapplying a vendor credit in QBO. QBO has no "unapply" operation: a credit is applied to a bill by
 * a BillPayment whose lines link the bill and the VendorCredit (Intuit's BillPayment reference: "Line
 * … representing zero or more Bill, VendorCredit … objects linked to this BillPayment"; see the copy
 * in abossenbroek/qbo-mcp qbo-api-docs/entities/billpayment.md and vendorcredit.md, "Applying
 * Credits to Bills"). So a credit is taken back off a bill by changing that BillPayment:
 * - a $0 BillPayment that only applied credits (a credit settlement) is voided — voiding a
 *   BillPayment empties its lines (QBO.md), which unlinks bill and credits and keeps the history;
 * - a real payment's BillPayment keeps its cash on the bill and loses its VendorCredit lines
 *   (a sparse update of `Line`, with the current SyncToken).
 * The bill is no longer settled afterwards, so every credit that BillPayment carried is unapplied
 * in QBO and goes back to "held" (SPEC §5: credits are applied when the bill is settled); the
 * applications still live in the app are applied again, by a new BillPayment, once it is.
 */

/** Content hash of a credit application's mapping once QBO no longer applies it (never deleted: see mapping-store). */
export const CREDIT_RELEASED_HASH = "credit-released";

export interface CreditCarrierState {
  /** QBO id of the BillPayment that applied the credits. */
  qboId: string;
  /** The app payment whose BillPayment it is; absent for a $0 credit settlement. */
  payment?: { id: string; amountCents: number; voided: boolean };
  /** QBO's current BillPayment (read before the write); undefined when it is gone there. */
  current?: { syncToken: string; voided: boolean; lines: readonly QboPaymentLine[] };
  /** The applications it carries: `removed` ones were unapplied (or released by a bill void) in the app. */
  applications: ReadonlyArray<{ id: string; removed: boolean }>;
}

export type CreditUnapplyDecision =
  | { type: "void-settlement"; qboId: string; body: QboVoidBody; releaseApplicationIds: string[] }
  | {
      type: "strip-credits";
      qboId: string;
      paymentId: string;
      body: { Id: string; SyncToken: string; sparse: true; Line: QboPaymentLine[] };
      releaseApplicationIds: string[];
    }
  /** Nothing is applied in QBO any more: only the app's record of it changes. */
  | { type: "release"; qboId: string; releaseApplicationIds: string[] };

const linksCredit = (line: QboPaymentLine) => line.LinkedTxn.some((link) => link.TxnType === "VendorCredit");

export function planCreditUnapplications(carriers: readonly CreditCarrierState[]): CreditUnapplyDecision[] {
  const decisions: CreditUnapplyDecision[] = [];
  for (const carrier of carriers) {
    if (!carrier.applications.some((application) => application.removed)) continue;
    const releaseApplicationIds = carrier.applications.map((application) => application.id);
    const { current, payment, qboId } = carrier;
    if (!current || current.voided || payment?.voided) {
      decisions.push({ type: "release", qboId, releaseApplicationIds });
      continue;
    }
    if (!payment) {
      decisions.push({ type: "void-settlement", qboId, body: { Id: qboId, SyncToken: current.syncToken, sparse: true }, releaseApplicationIds });
      continue;
    }
    const cashLines = current.lines.filter((line) => !linksCredit(line));
    // One bill per app payment: its bill line goes back to the cash the payment paid.
    const Line = cashLines.length === 1 ? [{ ...cashLines[0]!, Amount: centsToAmount(payment.amountCents) }] : cashLines;
    decisions.push({ type: "strip-credits", qboId, paymentId: payment.id, body: { Id: qboId, SyncToken: current.syncToken, sparse: true, Line }, releaseApplicationIds });
  }
  return decisions;
}

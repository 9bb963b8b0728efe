import { matchQuickBooksCommerce } from "@/lib/sync/core/commerce";
import { currencySyncs } from "@/lib/sync/core/currency";
import { qboPaymentState } from "@/lib/sync/core/payment-state";
import { unreproducibleLines } from "@/lib/sync/core/qbo-lines";
import { missingSyncPreferences } from "@/lib/sync/core/preferences";
import type { ReasonCode, ReasonParams } from "@/lib/sync/core/reasons";
import { qboTxnIdentity } from "@/lib/sync/core/record-identity";
import type { MappingEntry, QboTxnSnapshot, SyncPreferences } from "@/lib/sync/core/types";

export type InboundKind = "bill" | "invoice";

export type InboundVerdict =
  | { action: "import" }
  | { action: "skip"; reason: ReasonCode; params: ReasonParams };

/**
 * Should a QBO bill / invoice be brought into the app (or, when already linked, its QBO changes
 * applied)? Rules run in SPEC §3 order and the first that matches names the reason:
 *  1. preferences missing  2. app → QBO only  3. paid  4. partially paid  5. non-USD
 *  6. no number  7. QuickBooks Commerce  8. $0
 *  9. lines the app cannot reproduce to the cent (a detail type it does not model, or lines that
 *     do not add up to TotalAmt): never imported, nor applied to a linked record, with another total.
 * A voided one is skipped where "paid" would be (voided transactions look paid: 0 of 0).
 *
 * Once a record is linked (`mapping` given), QBO payments against it are updates to that record,
 * not a reason to skip it, so the paid / partially-paid / voided rules apply only to unlinked ones;
 * the planner turns the payment-state change into an update.
 * A $0 total skips before any payment rule: a $0 bill has nothing to pay, and "paid" would mislead.
 */
export function evaluateInbound(
  qboTxn: QboTxnSnapshot,
  kind: InboundKind,
  prefs: SyncPreferences | undefined,
  mapping?: MappingEntry,
): InboundVerdict {
  const params: ReasonParams = { record: kind };
  if (qboTxn.docNumber) params.docNumber = qboTxn.docNumber;
  if (qboTxn.counterpartyName) params.counterpartyName = qboTxn.counterpartyName;
  Object.assign(params, qboTxnIdentity(qboTxn));
  const skip = (reason: ReasonCode, extra: ReasonParams = {}): InboundVerdict => ({
    action: "skip",
    reason,
    params: { ...params, ...extra },
  });

  const missing = missingSyncPreferences(prefs);
  if (!prefs || missing.length > 0) return skip("PREFERENCES_MISSING", { missing });
  if (prefs.direction === "app_to_qbo") return skip("APP_TO_QBO_ONLY");

  const linked = mapping !== undefined;
  if (!linked && qboTxn.totalCents !== 0) {
    const state = qboPaymentState(qboTxn);
    if (state === "voided") return skip("VOIDED_IN_QBO");
    if (state === "paid") return skip("PAID_IN_QBO");
    if (state === "partially_paid") return skip("PARTIALLY_PAID_IN_QBO");
  }
  if (!linked && qboTxn.voided) return skip("VOIDED_IN_QBO");

  if (!currencySyncs(qboTxn.currency)) return skip("NON_USD_CURRENCY", { currency: qboTxn.currency });
  if (!qboTxn.docNumber || qboTxn.docNumber.trim() === "") return skip("MISSING_DOC_NUMBER");
  const commerce = matchQuickBooksCommerce(qboTxn, prefs.commerceMarkers);
  if (commerce) return skip("QUICKBOOKS_COMMERCE", { matched: commerce.label });
  // A linked voided invoice also has a $0 total; that is a void to apply, not a $0 record.
  if (qboTxn.totalCents === 0 && !(linked && qboTxn.voided)) return skip("ZERO_AMOUNT");
  const unreproducible = unreproducibleLines(qboTxn);
  if (unreproducible.length > 0) return skip("LINES_NOT_SUPPORTED", { lineTypes: unreproducible });
  return { action: "import" };
}

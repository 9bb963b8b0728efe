import { currencySyncs } from "@/lib/sync/core/currency";
import { missingSyncPreferences } from "@/lib/sync/core/preferences";
import type { ReasonCode, ReasonParams, RecordLabel } from "@/lib/sync/core/reasons";
import type { AppTxnSnapshot, SyncPreferences, TxnKind } from "@/lib/sync/core/types";

export type OutboundVerdict =
  | { action: "send" }
  | { action: "skip"; reason: ReasonCode; params: ReasonParams };

export interface OutboundContext {
  prefs: SyncPreferences | undefined;
  /** The record already has a QBO twin (a mapping). */
  linked: boolean;
  /** The record's vendor / customer has a QBO twin. */
  counterpartySynced: boolean;
}

const RECORD_LABEL: Record<TxnKind, RecordLabel> = {
  bill: "bill",
  invoice: "invoice",
  vendor_credit: "vendor credit",
};

/**
 * Should an app bill / invoice / vendor credit be written to QBO now? First match wins:
 *  1. sync preferences missing (a company without them syncs no transactions either way);
 *  2. voided before it ever reached QBO → nothing to send (a linked void is sent as a void/delete);
 *  3. not USD;  4. no number;
 *  5. $0 and not yet in QBO → never sent (SPEC §3.7; an already linked record that drops to $0
 *     is still updated, so QBO does not keep a stale amount);
 *  6. it carries a bundle imported from QBO → not sent: the app cannot write a GroupLineDetail
 *     back, and flat lines in its place would change the invoice's shape in QBO;
 *  7. its vendor / customer is not synced → waits (dependency failed) and retries next run.
 */
export function evaluateOutbound(appTxn: AppTxnSnapshot, kind: TxnKind, ctx: OutboundContext): OutboundVerdict {
  const params: ReasonParams = { record: RECORD_LABEL[kind], docNumber: appTxn.number };
  if (appTxn.counterpartyName) params.counterpartyName = appTxn.counterpartyName;
  const skip = (reason: ReasonCode, extra: ReasonParams = {}): OutboundVerdict => ({
    action: "skip",
    reason,
    params: { ...params, ...extra },
  });

  const missing = missingSyncPreferences(ctx.prefs);
  if (missing.length > 0) return skip("PREFERENCES_MISSING", { missing });
  if (appTxn.status === "voided" && !ctx.linked) return skip("VOIDED_IN_APP");
  if (!currencySyncs(appTxn.currency)) return skip("NON_USD_CURRENCY", { currency: appTxn.currency });
  if (appTxn.number.trim() === "") return skip("MISSING_DOC_NUMBER");
  if (appTxn.totalCents === 0 && !ctx.linked) return skip("ZERO_AMOUNT");
  const bundle = appTxn.lines.find((line) => line.bundle)?.bundle;
  if (bundle) return skip("BUNDLE_NOT_WRITABLE", { bundleName: bundle.name });
  if (!ctx.counterpartySynced) return skip(kind === "invoice" ? "CUSTOMER_NOT_SYNCED" : "VENDOR_NOT_SYNCED");
  return { action: "send" };
}

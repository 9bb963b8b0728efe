import { formatMoney } from "@/lib/ap/money";
import type { ReasonParams } from "@/lib/sync/core/reasons";
import type { QboTxnSnapshot } from "@/lib/sync/core/types";

/**
 * What tells a QBO bill or invoice apart when it has no number (DocNumber is optional in QBO):
 * its amount, date and QBO id, so two number-less bills of one vendor read differently in the
 * issues list. Empty when it has a number: the number names it.
 */
export function qboTxnIdentity(qbo: Pick<QboTxnSnapshot, "id" | "docNumber" | "totalCents" | "currency" | "txnDate">): ReasonParams {
  if (qbo.docNumber && qbo.docNumber.trim() !== "") return {};
  const identity: ReasonParams = { amount: amountOf(qbo.totalCents, qbo.currency), qboId: qbo.id };
  if (qbo.txnDate) identity.txnDate = qbo.txnDate;
  return identity;
}

function amountOf(cents: number, currency: string): string {
  try {
    return formatMoney(cents, currency.trim().toUpperCase() || "USD");
  } catch {
    // A currency code Intl does not know: still show the amount.
    return `${formatMoney(cents, "USD").replace("$", "")} ${currency}`;
  }
}

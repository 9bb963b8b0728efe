import type { ReactNode } from "react";
import { currencySyncWarning } from "@/lib/sync/core/currency";

/**
 * The hint under a bill's or invoice's currency: a warning, announced as soon as the currency is
 * chosen, when it will not sync with QuickBooks (SPEC §3.3); otherwise the usual hint.
 */
export function currencySyncHint(currency: string, record: "bill" | "invoice", usual?: ReactNode): ReactNode {
  const warning = currencySyncWarning(currency, record);
  if (!warning) return usual;
  return (
    <span role="status" data-testid="currency-sync-warning" className="font-medium text-amber-700">
      {warning}
    </span>
  );
}

/**
 * Invoice lines as the invoice page shows them: the components of a bundle imported from QBO
 * (lines sharing a bundle key) come right under one "Bundle: <name>" heading, in their order.
 */

export interface BundledLine {
  bundleKey: string | null;
  bundleName: string | null;
  bundleQuantity: string | null;
  amountCents: number;
}

export type InvoiceLineRow<L extends BundledLine> =
  | { kind: "line"; line: L; inBundle: boolean }
  | { kind: "bundle"; key: string; name: string; quantity: string | null; amountCents: number };

export function invoiceLineRows<L extends BundledLine>(lines: readonly L[]): InvoiceLineRow<L>[] {
  const rows: InvoiceLineRow<L>[] = [];
  let open: Extract<InvoiceLineRow<L>, { kind: "bundle" }> | undefined;
  for (const line of lines) {
    if (!line.bundleKey) {
      open = undefined;
      rows.push({ kind: "line", line, inBundle: false });
      continue;
    }
    if (open?.key !== line.bundleKey) {
      open = { kind: "bundle", key: line.bundleKey, name: line.bundleName ?? "Bundle", quantity: line.bundleQuantity, amountCents: 0 };
      rows.push(open);
    }
    open.amountCents += line.amountCents;
    rows.push({ kind: "line", line, inBundle: true });
  }
  return rows;
}

export const BUNDLE_EDIT_MESSAGE =
  "This invoice has a bundle from QuickBooks, which Ledgerbridge can’t send back. Edit it in QuickBooks; the next sync brings the changes here.";

/** An invoice with a bundle from QBO cannot be edited in the app: the sync cannot write bundles back. */
export function hasBundle(lines: ReadonlyArray<Pick<BundledLine, "bundleKey">>): boolean {
  return lines.some((line) => line.bundleKey !== null);
}

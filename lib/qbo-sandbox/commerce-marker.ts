/**
 * How a QuickBooks Commerce transaction is recognised.
 *
 * QBO's API documents no origin marker: Commerce pushed ordinary Invoices, Payments, Bills (from
 * purchase orders) and daily JournalEntries. We pick one rule that both the sandbox's demo data and
 * the sync engine share: a transaction is from Commerce when its `TxnSource` is
 * "QuickBooksCommerce" (TxnSource is QBO's free-text origin field) OR its PrivateNote starts with "QuickBooks Commerce:" (what Commerce wrote into memos). Either marker
 * alone is enough, so records edited in QBO (memo rewritten or TxnSource dropped) still match.
 * This file imports nothing, so app code may import it.
 */

export const QUICKBOOKS_COMMERCE_TXN_SOURCE = "QuickBooksCommerce";
export const QUICKBOOKS_COMMERCE_NOTE_PREFIX = "QuickBooks Commerce:";

export function isQuickBooksCommerceOrigin(txn: { TxnSource?: unknown; PrivateNote?: unknown }): boolean {
  if (txn.TxnSource === QUICKBOOKS_COMMERCE_TXN_SOURCE) return true;
  return typeof txn.PrivateNote === "string" && txn.PrivateNote.trimStart().startsWith(QUICKBOOKS_COMMERCE_NOTE_PREFIX);
}

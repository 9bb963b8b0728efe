/**
 * QuickBooks Commerce detection — the one rule the whole app uses.
 *
 * QBO's API documents no field that says "this came from QuickBooks Commerce". What Commerce-pushed
 * transactions do carry, in practice, is one of two traces:
 *  1. `TxnSource`, which QBO sets for transactions created by another Intuit product or channel
 *     (it is also how QBO marks bank-feed and payments-app origins), here "QuickBooksCommerce";
 *  2. a PrivateNote (the "memo" Commerce writes) starting with "QuickBooks Commerce:".
 * We treat either trace as proof. Both are cheap, need no extra API call, and the built-in sandbox
 * seeds Commerce transactions with them, so the rule is exercised end to end. We deliberately do
 * NOT guess from item or vendor names: a false positive would silently hide a real bill.
 */

export const COMMERCE_TXN_SOURCE = "QuickBooksCommerce";
export const COMMERCE_PRIVATE_NOTE_PREFIX = "QuickBooks Commerce:";

export interface CommerceMarkers {
  txnSource?: string;
  privateNote?: string;
}

export function isFromQuickBooksCommerce(txn: CommerceMarkers): boolean {
  if (txn.txnSource === COMMERCE_TXN_SOURCE) return true;
  const note = txn.privateNote?.trimStart();
  if (!note) return false;
  // Case-insensitive so "QUICKBOOKS COMMERCE:" or a hand-edited "quickbooks commerce:" still counts.
  return note.toLowerCase().startsWith(COMMERCE_PRIVATE_NOTE_PREFIX.toLowerCase());
}

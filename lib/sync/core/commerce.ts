/**
 * QuickBooks Commerce detection — the one rule the whole app uses (the engine's inbound rules and
 * the built-in sandbox's seed both import it). Pure: no I/O, imports nothing.
 *
 * QBO's API documents no field that says "this came from QuickBooks Commerce". What Intuit's
 * Commerce help centre does document (support.tradegecko.com, "Sync Details on transactions to
 * QuickBooks Online" and "Sync Details between Purchase Orders and QuickBooks Bills") is that
 * Commerce pushed ordinary Invoices, Payments, CreditMemos and Bills, and that the Commerce invoice
 * or PO number "syncs as is" as the QBO DocNumber. So the traces a Commerce transaction carries are:
 *  1. `TxnSource` — QBO's free-text origin field, which QBO sets for transactions created by another
 *     Intuit product or channel. No public reference or SDK fixture lists the value Commerce wrote
 *     (searched: Intuit's API reference, the Commerce help centre, SDK fixtures), so the list below
 *     holds the one value this project has always used and the sandbox seeds.
 *  2. a memo (PrivateNote, or an invoice's CustomerMemo) that mentions QuickBooks Commerce anywhere,
 *     in any case ("QuickBooks Commerce: PO-2207", "order 50113 from quickbooks commerce").
 *     "QB Commerce" is not recognised: we found it only as an informal product name in third-party
 *     text, never as something Commerce wrote; an admin who sees it can add it as a memo phrase.
 *  3. markers an admin adds in Settings → Sync (`CommerceMarkerSettings`): DocNumber prefixes their
 *     Commerce channel used (its PO / invoice numbers became DocNumbers) and memo phrases.
 * We deliberately do NOT guess from item or vendor names: a false positive silently hides a real
 * bill. The rule returns what matched, so every skip can say why ("matched: DocNumber prefix SHOP-").
 */

/** The TxnSource the app recognises (and the sandbox seeds). */
export const COMMERCE_TXN_SOURCE = "QuickBooksCommerce";
export const COMMERCE_TXN_SOURCES: readonly string[] = [COMMERCE_TXN_SOURCE];
/** The memo the sandbox's demo Commerce records carry (any memo mentioning Commerce matches). */
export const COMMERCE_PRIVATE_NOTE_PREFIX = "QuickBooks Commerce:";

/** Per-organisation markers (Settings → Sync → QuickBooks Commerce markers). */
export interface CommerceMarkerSettings {
  docNumberPrefixes: string[];
  memoPhrases: string[];
}

export const NO_COMMERCE_MARKERS: CommerceMarkerSettings = { docNumberPrefixes: [], memoPhrases: [] };

/** What of a transaction the rule looks at (the core's snapshot names). */
export interface CommerceTraces {
  txnSource?: string;
  privateNote?: string;
  customerMemo?: string;
  docNumber?: string;
}

export type CommerceMarkerKind = "txn_source" | "memo_mentions_commerce" | "doc_number_prefix" | "memo_phrase";

export interface CommerceMatch {
  kind: CommerceMarkerKind;
  /** The marker that matched, as configured ("SHOP-", "QuickBooksCommerce"). */
  marker: string;
  /** For people: "DocNumber prefix SHOP-", "PrivateNote mentions “QuickBooks Commerce”". */
  label: string;
}

// "QuickBooks Commerce", "Quickbooks commerce", "QUICKBOOKS  COMMERCE", "QuickBooksCommerce".
const MENTIONS_COMMERCE = /\bquick\s*books\s*commerce\b/i;

/** Lower case with runs of white space (incl. no-break spaces) as one space, for phrase matching. */
function fold(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

function memosOf(txn: CommerceTraces): Array<["PrivateNote" | "CustomerMemo", string]> {
  const memos: Array<["PrivateNote" | "CustomerMemo", string]> = [];
  if (txn.privateNote) memos.push(["PrivateNote", txn.privateNote]);
  if (txn.customerMemo) memos.push(["CustomerMemo", txn.customerMemo]);
  return memos;
}

/**
 * The first Commerce marker the transaction carries, or undefined. Order: TxnSource, a memo
 * mentioning QuickBooks Commerce, the admin's DocNumber prefixes, the admin's memo phrases.
 * Admin markers compare case-insensitively (a prefix "shop-" matches "SHOP-1001").
 */
export function matchQuickBooksCommerce(txn: CommerceTraces, custom: CommerceMarkerSettings = NO_COMMERCE_MARKERS): CommerceMatch | undefined {
  if (txn.txnSource && COMMERCE_TXN_SOURCES.includes(txn.txnSource)) {
    return { kind: "txn_source", marker: txn.txnSource, label: `TxnSource ${txn.txnSource}` };
  }
  const memos = memosOf(txn);
  for (const [field, memo] of memos) {
    if (MENTIONS_COMMERCE.test(memo)) {
      return { kind: "memo_mentions_commerce", marker: "QuickBooks Commerce", label: `${field} mentions “QuickBooks Commerce”` };
    }
  }
  const docNumber = txn.docNumber?.trim().toLowerCase();
  if (docNumber) {
    for (const prefix of custom.docNumberPrefixes) {
      const wanted = prefix.trim();
      if (wanted && docNumber.startsWith(wanted.toLowerCase())) {
        return { kind: "doc_number_prefix", marker: wanted, label: `DocNumber prefix ${wanted}` };
      }
    }
  }
  for (const phrase of custom.memoPhrases) {
    const wanted = fold(phrase);
    if (!wanted) continue;
    for (const [field, memo] of memos) {
      if (fold(memo).includes(wanted)) return { kind: "memo_phrase", marker: phrase.trim(), label: `${field} phrase “${phrase.trim()}”` };
    }
  }
  return undefined;
}

export function isFromQuickBooksCommerce(txn: CommerceTraces, custom?: CommerceMarkerSettings): boolean {
  return matchQuickBooksCommerce(txn, custom) !== undefined;
}

/** The traces of a raw QBO JSON entity (the sandbox's records; `CustomerMemo` is `{ value }`). */
export function commerceTracesOfQboJson(raw: { TxnSource?: unknown; PrivateNote?: unknown; CustomerMemo?: unknown; DocNumber?: unknown }): CommerceTraces {
  const traces: CommerceTraces = {};
  if (typeof raw.TxnSource === "string") traces.txnSource = raw.TxnSource;
  if (typeof raw.PrivateNote === "string") traces.privateNote = raw.PrivateNote;
  const memo = raw.CustomerMemo;
  if (memo && typeof memo === "object" && typeof (memo as { value?: unknown }).value === "string") traces.customerMemo = (memo as { value: string }).value;
  if (typeof raw.DocNumber === "string") traces.docNumber = raw.DocNumber;
  return traces;
}

/**
 * Balances computed from links, the way QBO derives them: a Bill's or Invoice's Balance is its
 * TotalAmt minus what BillPayment/Payment lines apply to it; a VendorCredit's Balance is its
 * unapplied part; LinkedTxn is kept on both sides; Vendor/Customer Balance sums their open items.
 */
import { objectsAt, refAt, stringAt } from "./json";
import { fromCents, toCents } from "./money";
import { recordKey, splitKey, type CompanyState } from "./store";
import type { EntityName, Json, JsonObject } from "./types";

export interface PaymentLink {
  target: EntityName;
  targetId: string;
  cents: number;
}

const LINKABLE: Record<string, EntityName> = {
  Bill: "Bill",
  VendorCredit: "VendorCredit",
  Invoice: "Invoice",
};

/** The targets a BillPayment/Payment applies money to, from its Line[].LinkedTxn. */
export function linksOf(payment: JsonObject): PaymentLink[] {
  const links: PaymentLink[] = [];
  for (const line of objectsAt(payment, "Line")) {
    const cents = toCents(line["Amount"]);
    for (const linked of objectsAt(line, "LinkedTxn")) {
      const type = stringAt(linked, "TxnType");
      const id = stringAt(linked, "TxnId");
      const target = type ? LINKABLE[type] : undefined;
      if (target && id) links.push({ target, targetId: id, cents });
    }
  }
  return links;
}

/** Replaces a payment's links in the index; returns every target key whose balance may change. */
export function setPaymentLinks(company: CompanyState, paymentKey: string, links: PaymentLink[]): string[] {
  const affected = new Set<string>(company.linksByPayment.get(paymentKey) ?? []);
  for (const key of affected) company.linksByTarget.get(key)?.delete(paymentKey);
  const targets: string[] = [];
  for (const link of links) {
    const key = recordKey(link.target, link.targetId);
    let byPayment = company.linksByTarget.get(key);
    if (!byPayment) {
      byPayment = new Map();
      company.linksByTarget.set(key, byPayment);
    }
    byPayment.set(paymentKey, (byPayment.get(paymentKey) ?? 0) + link.cents);
    targets.push(key);
    affected.add(key);
  }
  if (targets.length > 0) company.linksByPayment.set(paymentKey, targets);
  else company.linksByPayment.delete(paymentKey);
  return [...affected];
}

/** Cents already applied to a target, optionally ignoring one payment (the one being edited). */
export function appliedCents(company: CompanyState, targetKey: string, exceptPaymentKey?: string): number {
  let sum = 0;
  for (const [paymentKey, cents] of company.linksByTarget.get(targetKey) ?? []) {
    if (paymentKey !== exceptPaymentKey) sum += cents;
  }
  return sum;
}

/** TxnTypes a payment appears under in a bill's, invoice's or credit's LinkedTxn. */
const PAYMENT_LINK_TYPES = new Set(["BillPayment", "BillPaymentCheck", "BillPaymentCreditCard", "Payment"]);

/**
 * A bill lists a bill payment by its kind: `BillPaymentCheck` or `BillPaymentCreditCard` (QBO.md,
 * Entities/Bill; the BillPayment XSD types `BillPaymentCheck` / `BillPaymentCreditCard` in the
 * reference mirrors). An invoice lists a received payment as `Payment`.
 */
function linkedTypeOf(company: CompanyState, entity: EntityName, id: string): string {
  if (entity !== "BillPayment") return entity;
  return company.get("BillPayment", id)?.["PayType"] === "CreditCard" ? "BillPaymentCreditCard" : "BillPaymentCheck";
}

function compareIds(a: string, b: string): number {
  return Number(a) - Number(b) || a.localeCompare(b);
}

function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Recomputes Balance and LinkedTxn of a Bill/Invoice/VendorCredit. Returns true when something
 * visible changed; the caller then bumps SyncToken/LastUpdatedTime like QBO does.
 */
export function recomputeTarget(company: CompanyState, targetKey: string): boolean {
  const { entity, id } = splitKey(targetKey);
  const record = company.get(entity, id);
  if (!record) return false;
  const applied = appliedCents(company, targetKey);
  const balance = fromCents(toCents(record["TotalAmt"]) - applied);
  const paymentKeys = [...(company.linksByTarget.get(targetKey)?.keys() ?? [])]
    .map(splitKey)
    .sort((a, b) => compareIds(a.id, b.id));
  const paymentLinked: JsonObject[] = paymentKeys.map((key) => ({ TxnId: key.id, TxnType: linkedTypeOf(company, key.entity, key.id) }));
  // Keep links QBO itself would keep (e.g. an Invoice's Estimate) and replace payment links.
  const otherLinked = objectsAt(record, "LinkedTxn").filter((linked) => !PAYMENT_LINK_TYPES.has(stringAt(linked, "TxnType") ?? ""));
  const linked = [...otherLinked, ...paymentLinked];
  const nextLinked: Json | undefined = linked.length > 0 ? linked : undefined;
  const changed = record["Balance"] !== balance || !sameJson(record["LinkedTxn"], nextLinked);
  record["Balance"] = balance;
  if (nextLinked === undefined) delete record["LinkedTxn"];
  else record["LinkedTxn"] = nextLinked;
  return changed;
}

export function partyOf(entity: EntityName, record: JsonObject): string | undefined {
  if (entity === "Bill" || entity === "VendorCredit" || entity === "BillPayment") {
    const id = refAt(record, "VendorRef");
    return id ? recordKey("Vendor", id) : undefined;
  }
  if (entity === "Invoice" || entity === "Payment") {
    const id = refAt(record, "CustomerRef");
    return id ? recordKey("Customer", id) : undefined;
  }
  return undefined;
}

/** Moves a transaction between parties in the index; returns the parties to recompute. */
export function indexParty(
  company: CompanyState,
  txnKey: string,
  previousParty: string | undefined,
  nextParty: string | undefined,
): string[] {
  if (previousParty && previousParty !== nextParty) company.txnsByParty.get(previousParty)?.delete(txnKey);
  if (nextParty) {
    let set = company.txnsByParty.get(nextParty);
    if (!set) {
      set = new Set();
      company.txnsByParty.set(nextParty, set);
    }
    set.add(txnKey);
  }
  return [previousParty, nextParty].filter((party): party is string => party !== undefined);
}

/** What a bill payment pays beyond the lines it applies (bills minus credits): a credit with the vendor. */
function unappliedBillPaymentCents(payment: JsonObject): number {
  let applied = 0;
  for (const line of objectsAt(payment, "Line")) {
    const credit = objectsAt(line, "LinkedTxn").some((txn) => stringAt(txn, "TxnType") === "VendorCredit");
    applied += credit ? -toCents(line["Amount"]) : toCents(line["Amount"]);
  }
  return Math.max(0, toCents(payment["TotalAmt"]) - applied);
}

/** Vendor balance = open bills − unapplied credits and payments; Customer = open invoices − unapplied payments. */
export function recomputeParty(company: CompanyState, partyKey: string): void {
  const { entity, id } = splitKey(partyKey);
  const party = company.get(entity, id);
  if (!party) return;
  let cents = 0;
  for (const txnKey of company.txnsByParty.get(partyKey) ?? []) {
    const txn = splitKey(txnKey);
    const record = company.get(txn.entity, txn.id);
    if (!record) continue;
    if (txn.entity === "Bill" || txn.entity === "Invoice") cents += toCents(record["Balance"]);
    else if (txn.entity === "VendorCredit") cents -= toCents(record["Balance"]);
    else if (txn.entity === "Payment") cents -= toCents(record["UnappliedAmt"]);
    else if (txn.entity === "BillPayment") cents -= unappliedBillPaymentCents(record);
  }
  party["Balance"] = fromCents(cents);
}

/** Rebuilds both indexes and every computed balance (after loading a snapshot). */
export function rebuildIndexes(company: CompanyState): void {
  company.linksByTarget.clear();
  company.linksByPayment.clear();
  company.txnsByParty.clear();
  for (const entity of ["Bill", "Invoice", "VendorCredit", "BillPayment", "Payment"] as const) {
    for (const [id, record] of company.table(entity)) {
      const key = recordKey(entity, id);
      indexParty(company, key, undefined, partyOf(entity, record));
      if (entity === "BillPayment" || entity === "Payment") setPaymentLinks(company, key, linksOf(record));
    }
  }
  for (const entity of ["Bill", "Invoice", "VendorCredit"] as const) {
    for (const id of company.table(entity).keys()) recomputeTarget(company, recordKey(entity, id));
  }
  for (const entity of ["Vendor", "Customer"] as const) {
    for (const id of company.table(entity).keys()) recomputeParty(company, recordKey(entity, id));
  }
}


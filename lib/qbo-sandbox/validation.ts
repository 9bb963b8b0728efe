/**
 * Cross-record rules QBO enforces on writes: references must exist (2500) and be active (610),
 * names are unique (6240), bill numbers unique per vendor (6140), closed books are locked (6210),
 * and payments cannot apply more than a bill/invoice/credit still owes (6000).
 */
import { appliedCents, type PaymentLink } from "./balances";
import type { EntitySpec, RefRule } from "./entity-specs";
import { faults } from "./faults";
import { getPath, isObject, objectAt, objectsAt, refAt, stringAt } from "./json";
import { toCents } from "./money";
import { displayNameOf } from "./normalize";
import { recordKey, type CompanyState } from "./store";
import type { EntityName, JsonObject } from "./types";

/** The record's lines, a bundle's component lines (GroupLineDetail.Line) included: their refs are checked alike. */
function allLines(record: JsonObject): JsonObject[] {
  const lines = objectsAt(record, "Line");
  if (!lines.some((line) => isObject(line["GroupLineDetail"]))) return lines;
  return lines.flatMap((line) => [line, ...objectsAt(objectAt(line, "GroupLineDetail") ?? {}, "Line")]);
}

function refsMatching(record: JsonObject, lines: readonly JsonObject[], rule: RefRule): JsonObject[] {
  const holders = rule.at === "top" ? [record] : lines;
  const refs: JsonObject[] = [];
  for (const holder of holders) {
    const ref = getPath(holder, rule.path);
    if (isObject(ref) && stringAt(ref, "value")) refs.push(ref);
  }
  return refs;
}

/** Checks every reference, then fills in each reference's `name` from its target (as QBO returns). */
export function checkReferences(company: CompanyState, spec: EntitySpec, record: JsonObject): void {
  const lines = allLines(record);
  for (const rule of spec.refs) {
    for (const ref of refsMatching(record, lines, rule)) {
      const id = stringAt(ref, "value") ?? "";
      const target = company.get(rule.target, id);
      const element = rule.path.join(".");
      if (!target) throw faults.invalidReference(rule.target, id, element);
      if (target["Active"] === false) throw faults.inactiveReference(rule.target, id, element);
      ref["name"] = displayNameOf(target);
    }
  }
}

export function checkRequired(spec: EntitySpec, record: JsonObject): void {
  for (const field of spec.required) {
    const value = record[field];
    if (value === undefined || value === null || value === "") throw faults.requiredParam(field);
    if (Array.isArray(value) && value.length === 0) throw faults.requiredParam(field);
  }
}

/** 6240: DisplayName is unique across vendors and customers; list names unique within their list. */
export function checkUniqueName(company: CompanyState, entity: EntityName, record: JsonObject, selfId?: string): void {
  if (entity === "Vendor" || entity === "Customer") {
    const name = (stringAt(record, "DisplayName") ?? "").toLowerCase();
    for (const other of ["Vendor", "Customer"] as const) {
      for (const [id, existing] of company.table(other)) {
        if (other === entity && id === selfId) continue;
        if ((stringAt(existing, "DisplayName") ?? "").toLowerCase() === name) {
          throw faults.duplicateName(stringAt(record, "DisplayName") ?? "");
        }
      }
    }
    return;
  }
  if (entity === "Account" || entity === "Item" || entity === "Class" || entity === "Department" || entity === "Term") {
    const name = (stringAt(record, "Name") ?? "").toLowerCase();
    for (const [id, existing] of company.table(entity)) {
      if (id === selfId) continue;
      if ((stringAt(existing, "Name") ?? "").toLowerCase() === name) {
        throw faults.duplicateListName(entity, stringAt(record, "Name") ?? "");
      }
    }
  }
}

/** 6140: a bill number is unique per vendor, an invoice number unique in the company (setting). */
export function checkDocNumber(company: CompanyState, entity: EntityName, record: JsonObject, selfId?: string): void {
  if (!company.settings.duplicateDocNumberCheck) return;
  if (entity !== "Bill" && entity !== "Invoice") return;
  const docNumber = stringAt(record, "DocNumber");
  if (!docNumber) return;
  const partyField = entity === "Bill" ? "VendorRef" : undefined;
  const party = partyField ? refAt(record, partyField) : undefined;
  for (const [id, existing] of company.table(entity)) {
    if (id === selfId || existing["DocNumber"] !== docNumber) continue;
    if (partyField && refAt(existing, partyField) !== party) continue;
    throw faults.duplicateDocNumber(docNumber, entity, id);
  }
}

/** 6210: nothing dated on or before the closing date may be created, changed, voided or deleted. */
export function checkPeriodOpen(company: CompanyState, txnDates: (string | undefined)[]): void {
  const closed = company.settings.bookCloseDate;
  if (!closed) return;
  for (const date of txnDates) {
    if (date && date <= closed) throw faults.periodClosed(closed);
  }
}

/** Payment links must point at existing transactions of the same party, within what they still owe. */
export function checkPaymentLinks(
  company: CompanyState,
  paymentEntity: "BillPayment" | "Payment",
  payment: JsonObject,
  links: PaymentLink[],
  paymentKey: string | undefined,
): void {
  const partyField = paymentEntity === "BillPayment" ? "VendorRef" : "CustomerRef";
  const allowed: EntityName[] = paymentEntity === "BillPayment" ? ["Bill", "VendorCredit"] : ["Invoice"];
  for (const line of objectsAt(payment, "Line")) {
    for (const linked of objectsAt(line, "LinkedTxn")) {
      const type = stringAt(linked, "TxnType") ?? "";
      if (!allowed.includes(type as EntityName)) {
        throw faults.businessValidation(`A ${paymentEntity} cannot be linked to a ${type}.`, "LinkedTxn.TxnType");
      }
    }
  }
  const requested = new Map<string, number>();
  for (const link of links) {
    const key = recordKey(link.target, link.targetId);
    requested.set(key, (requested.get(key) ?? 0) + link.cents);
  }
  for (const link of links) {
    const target = company.get(link.target, link.targetId);
    if (!target) throw faults.invalidReference(link.target, link.targetId, "LinkedTxn.TxnId");
    if (refAt(target, partyField) !== refAt(payment, partyField)) {
      throw faults.businessValidation(`${link.target} ${link.targetId} belongs to another ${partyField.replace("Ref", "")}.`, "LinkedTxn");
    }
    const key = recordKey(link.target, link.targetId);
    const open = toCents(target["TotalAmt"]) - appliedCents(company, key, paymentKey);
    if ((requested.get(key) ?? 0) > open) {
      throw faults.businessValidation(
        `The amount applied to ${link.target} ${link.targetId} exceeds its open balance of ${(open / 100).toFixed(2)}.`,
        "Line.Amount",
      );
    }
  }
}

/**
 * A BillPayment line whose only link is a bill already paid in full is dropped; QBO accepts the
 * payment (its amount stays as an unapplied credit) instead of faulting (QBO.md, Strictness).
 */
export function dropSettledBillLines(company: CompanyState, payment: JsonObject, paymentKey: string | undefined): JsonObject {
  const lines = payment["Line"];
  if (!Array.isArray(lines)) return payment;
  const kept = lines.filter((line) => {
    if (!isObject(line)) return true;
    const linked = objectsAt(line, "LinkedTxn");
    if (linked.length === 0) return true;
    return !linked.every((txn) => {
      if (stringAt(txn, "TxnType") !== "Bill") return false;
      const bill = company.get("Bill", stringAt(txn, "TxnId") ?? "");
      if (!bill) return false;
      const key = recordKey("Bill", stringAt(bill, "Id") ?? "");
      return toCents(bill["TotalAmt"]) - appliedCents(company, key, paymentKey) <= 0;
    });
  });
  return kept.length === lines.length ? payment : { ...payment, Line: kept };
}

/**
 * CheckPayment.BankAccountRef must name a Bank account and CreditCardPayment.CCAccountRef a Credit
 * Card account (QBO.md, Strictness; Intuit's BillPayment reference: the bank account, resp. the
 * credit card account, the payment is made from).
 */
export function checkPaymentAccounts(company: CompanyState, payment: JsonObject): void {
  const rules: [string, string, string][] = [
    ["CheckPayment", "BankAccountRef", "Bank"],
    ["CreditCardPayment", "CCAccountRef", "Credit Card"],
  ];
  for (const [holder, field, type] of rules) {
    const id = refAt(objectAt(payment, holder) ?? {}, field);
    if (!id) continue;
    const account = company.get("Account", id);
    if (account && account["AccountType"] !== type) {
      throw faults.businessValidation(`${holder}.${field} must be an account of type ${type}; account ${id} is ${String(account["AccountType"])}.`, `${holder}.${field}`);
    }
  }
}

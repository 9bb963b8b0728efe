/**
 * Entity-specific shaping of a record before it is stored: defaults QBO fills in (dates, currency,
 * A/P account, terms), line numbering, line amounts, and the read-only totals (TotalAmt, UnappliedAmt,
 * SubTotal line). Throws QboFaults for malformed input (2020 / 6000).
 */
import { addDays, formatQboDate } from "./clock";
import { faults } from "./faults";
import { isObject, objectAt, objectsAt, refAt, stringAt } from "./json";
import { fromCents, isAmount, toCents } from "./money";
import { applySalesTax } from "./sales-tax";
import type { CompanyState } from "./store";
import type { EntityName, Json, JsonObject } from "./types";

export interface NormalizeContext {
  company: CompanyState;
  now: Date;
}

const CURRENCY_NAMES: Record<string, string> = {
  USD: "United States Dollar",
  EUR: "Euro",
  CAD: "Canadian Dollar",
  GBP: "British Pound Sterling",
  AUD: "Australian Dollar",
  MXN: "Mexican Peso",
};

const ACCOUNT_CLASSIFICATION: Record<string, string> = {
  Bank: "Asset",
  "Accounts Receivable": "Asset",
  "Other Current Asset": "Asset",
  "Fixed Asset": "Asset",
  "Other Asset": "Asset",
  "Accounts Payable": "Liability",
  "Credit Card": "Liability",
  "Other Current Liability": "Liability",
  "Long Term Liability": "Liability",
  Equity: "Equity",
  Income: "Revenue",
  "Other Income": "Revenue",
  Expense: "Expense",
  "Other Expense": "Expense",
  "Cost of Goods Sold": "Expense",
};

const DEFAULT_SUBTYPE: Record<string, string> = {
  Bank: "Checking",
  "Accounts Receivable": "AccountsReceivable",
  "Other Current Asset": "UndepositedFunds",
  "Fixed Asset": "MachineryAndEquipment",
  "Other Asset": "OtherLongTermAssets",
  "Accounts Payable": "AccountsPayable",
  "Credit Card": "CreditCard",
  "Other Current Liability": "OtherCurrentLiabilities",
  "Long Term Liability": "OtherLongTermLiabilities",
  Equity: "OwnersEquity",
  Income: "SalesOfProductIncome",
  "Other Income": "OtherMiscellaneousIncome",
  Expense: "OtherMiscellaneousServiceCost",
  "Other Expense": "OtherMiscellaneousExpense",
  "Cost of Goods Sold": "SuppliesMaterialsCogs",
};

export const INACTIVE_NAME_SUFFIX = " (deleted)";

export function currencyRef(code: string): JsonObject {
  return { value: code, name: CURRENCY_NAMES[code] ?? code };
}

export function accountClassification(accountType: string): string | undefined {
  return ACCOUNT_CLASSIFICATION[accountType];
}

export function findAccountByType(company: CompanyState, accountType: string, subType?: string): JsonObject | undefined {
  for (const account of company.table("Account").values()) {
    if (account["AccountType"] !== accountType || account["Active"] === false) continue;
    if (subType && account["AccountSubType"] !== subType) continue;
    return account;
  }
  return undefined;
}

function refTo(record: JsonObject | undefined): JsonObject | undefined {
  if (!record) return undefined;
  const id = stringAt(record, "Id");
  if (!id) return undefined;
  return { value: id, name: displayNameOf(record) };
}

export function displayNameOf(record: JsonObject): string {
  return (
    stringAt(record, "DisplayName") ??
    stringAt(record, "FullyQualifiedName") ??
    stringAt(record, "Name") ??
    stringAt(record, "Id") ??
    ""
  );
}

function amountOf(line: JsonObject, detail: JsonObject | undefined): number {
  if (isAmount(line["Amount"])) return toCents(line["Amount"]);
  if (detail && isAmount(detail["Qty"]) && isAmount(detail["UnitPrice"])) {
    return Math.round(Number(detail["Qty"]) * Number(detail["UnitPrice"]) * 100);
  }
  throw faults.requiredParam("Line.Amount");
}

function linesOf(record: JsonObject): JsonObject[] {
  const raw = record["Line"];
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw faults.requestValidation("Line must be an array", "Line");
  return raw.map((line) => {
    if (!isObject(line)) throw faults.requestValidation("Line items must be objects", "Line");
    return { ...line };
  });
}

function detailTypeOf(line: JsonObject, allowed: readonly string[]): string {
  const declared = stringAt(line, "DetailType");
  const detailType = declared ?? allowed.find((type) => isObject(line[type]));
  if (!detailType) throw faults.requiredParam("Line.DetailType");
  if (!allowed.includes(detailType)) {
    throw faults.businessValidation(`Line DetailType ${detailType} is not valid here`, "Line.DetailType");
  }
  return detailType;
}

/** Numbers lines in place (they are already private copies made by `linesOf`). */
function finishLines(lines: JsonObject[]): JsonObject[] {
  lines.forEach((line, index) => {
    line["Id"] = String(index + 1);
    line["LineNum"] = index + 1;
  });
  return lines;
}

function requireRef(detail: JsonObject | undefined, key: string, element: string): void {
  if (!detail || !refAt(detail, key)) throw faults.requiredParam(element);
}

/** Bill and VendorCredit expense lines. Returns the lines and their total in cents. */
function normalizeExpenseLines(record: JsonObject): { lines: JsonObject[]; cents: number } {
  let cents = 0;
  const lines = linesOf(record).map((line) => {
    const detailType = detailTypeOf(line, ["AccountBasedExpenseLineDetail", "ItemBasedExpenseLineDetail"]);
    const detail = objectAt(line, detailType);
    if (detailType === "AccountBasedExpenseLineDetail") requireRef(detail, "AccountRef", "AccountRef");
    else requireRef(detail, "ItemRef", "ItemRef");
    const amount = amountOf(line, detail);
    cents += amount;
    line["DetailType"] = detailType;
    line["Amount"] = fromCents(amount);
    return line;
  });
  return { lines: finishLines(lines), cents };
}

/**
 * One sales line: an ItemRef (the company's "Services" item when none is given) and its amount.
 * Returns the line as stored and its cents.
 */
function normalizeSalesItemLine(defaultItem: JsonObject | undefined, line: JsonObject): { line: JsonObject; cents: number } {
  const detail = { ...(objectAt(line, "SalesItemLineDetail") ?? {}) };
  if (!refAt(detail, "ItemRef")) {
    const ref = refTo(defaultItem);
    if (!ref) throw faults.requiredParam("ItemRef");
    detail["ItemRef"] = ref;
  }
  const cents = amountOf(line, detail);
  return { line: { ...line, DetailType: "SalesItemLineDetail", SalesItemLineDetail: detail, Amount: fromCents(cents) }, cents };
}

/**
 * Components of a bundle line. Intuit's Invoice reference: GroupLineDetail has GroupItemRef
 * (an Item of Type "Group"), Quantity (default 1) and Line, "individual ItemLine elements that
 * comprise a bundle. Returned in responses"
 * (https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/invoice).
 * Components sent are kept; when none are sent they come from the group item's
 * ItemGroupDetail.ItemGroupLine ({ItemRef, Qty}, Item reference: `select * from Item where
 * Type='Group'`), each at its item's UnitPrice × Qty × Quantity.
 */
function bundleComponents(company: CompanyState, detail: JsonObject): JsonObject[] {
  const sent = detail["Line"];
  if (Array.isArray(sent) && sent.length > 0) {
    return sent.map((component) => {
      if (!isObject(component)) throw faults.requestValidation("Line items must be objects", "GroupLineDetail.Line");
      detailTypeOf(component, ["SalesItemLineDetail"]);
      return { ...component };
    });
  }
  const groupId = refAt(detail, "GroupItemRef");
  if (!groupId) throw faults.requiredParam("GroupItemRef");
  const group = company.get("Item", groupId);
  const groupLines = group && group["Type"] === "Group" ? objectsAt(objectAt(group, "ItemGroupDetail") ?? {}, "ItemGroupLine") : [];
  if (groupLines.length === 0) throw faults.businessValidation(`Item ${groupId} is not a bundle with items`, "GroupItemRef");
  const quantity = isAmount(detail["Quantity"]) ? Number(detail["Quantity"]) : 1;
  return groupLines.map((member) => {
    const itemId = refAt(member, "ItemRef");
    const item = itemId ? company.get("Item", itemId) : undefined;
    if (!item) throw faults.businessValidation(`Bundle item ${itemId ?? "(none)"} does not exist`, "GroupItemRef");
    const qty = (isAmount(member["Qty"]) ? Number(member["Qty"]) : 1) * quantity;
    const unitPrice = isAmount(item["UnitPrice"]) ? Number(item["UnitPrice"]) : 0;
    return {
      DetailType: "SalesItemLineDetail",
      Amount: fromCents(Math.round(qty * unitPrice * 100)),
      SalesItemLineDetail: { ItemRef: refTo(item) ?? { value: String(itemId) }, Qty: qty, UnitPrice: unitPrice },
    };
  });
}

function normalizeInvoiceLines(company: CompanyState, record: JsonObject): { lines: JsonObject[]; cents: number } {
  let salesCents = 0;
  let discountCents = 0;
  const defaultItem = [...company.table("Item").values()].find((item) => item["Name"] === "Services");
  const kept = linesOf(record).filter((line) => stringAt(line, "DetailType") !== "SubTotalLineDetail");
  const lines = kept.map((line) => {
    const detailType = detailTypeOf(line, ["SalesItemLineDetail", "GroupLineDetail", "DiscountLineDetail", "DescriptionOnly"]);
    if (detailType === "SalesItemLineDetail") {
      const sales = normalizeSalesItemLine(defaultItem, line);
      salesCents += sales.cents;
      return sales.line;
    }
    if (detailType === "GroupLineDetail") {
      const detail = { ...(objectAt(line, detailType) ?? {}) };
      let groupCents = 0;
      detail["Line"] = bundleComponents(company, detail).map((component) => {
        const sales = normalizeSalesItemLine(defaultItem, component);
        groupCents += sales.cents;
        return sales.line;
      });
      if (!isAmount(detail["Quantity"])) detail["Quantity"] = 1;
      salesCents += groupCents;
      // A bundle is worth its components: they, not the group line, carry the prices.
      return { ...line, DetailType: detailType, GroupLineDetail: detail, Amount: fromCents(groupCents) };
    }
    if (detailType === "DiscountLineDetail") {
      const detail = objectAt(line, detailType) ?? {};
      const percent = detail["PercentBased"] === true && isAmount(detail["DiscountPercent"]);
      const amount = percent ? Math.round((salesCents * Number(detail["DiscountPercent"])) / 100) : amountOf(line, undefined);
      discountCents += amount;
      return { ...line, DetailType: detailType, Amount: fromCents(amount) };
    }
    return { ...line, DetailType: detailType, Amount: 0 };
  });
  const numbered = finishSalesLines(lines);
  numbered.push({ Amount: fromCents(salesCents), DetailType: "SubTotalLineDetail", SubTotalLineDetail: {} });
  return { lines: numbered, cents: salesCents - discountCents };
}

/** Numbers sales lines and, right after each bundle line, its components (as QBO returns them). */
function finishSalesLines(lines: JsonObject[]): JsonObject[] {
  let next = 1;
  for (const line of lines) {
    line["Id"] = String(next);
    line["LineNum"] = next;
    next += 1;
    const group = objectAt(line, "GroupLineDetail");
    for (const component of group ? objectsAt(group, "Line") : []) {
      component["Id"] = String(next);
      component["LineNum"] = next;
      next += 1;
    }
  }
  return lines;
}

function normalizeJournalLines(record: JsonObject): { lines: JsonObject[]; cents: number } {
  let debits = 0;
  let credits = 0;
  const lines = linesOf(record).map((line) => {
    const detailType = detailTypeOf(line, ["JournalEntryLineDetail", "DescriptionOnly"]);
    if (detailType === "DescriptionOnly") return { ...line, DetailType: detailType, Amount: 0 };
    const detail = objectAt(line, detailType);
    requireRef(detail, "AccountRef", "AccountRef");
    const posting = detail ? stringAt(detail, "PostingType") : undefined;
    if (posting !== "Debit" && posting !== "Credit") throw faults.requiredParam("PostingType");
    const amount = amountOf(line, undefined);
    if (posting === "Debit") debits += amount;
    else credits += amount;
    return { ...line, DetailType: detailType, Amount: fromCents(amount) };
  });
  if (debits !== credits) {
    throw faults.businessValidation("Transaction is not balanced: debits and credits must be equal.", "Line");
  }
  return { lines: finishLines(lines), cents: debits };
}

/** Lines of a BillPayment/Payment: an amount and the transactions it applies to. */
function normalizePaymentLines(record: JsonObject): JsonObject[] {
  return linesOf(record).map((line) => {
    if (!isAmount(line["Amount"])) throw faults.requiredParam("Line.Amount");
    const linked = objectsAt(line, "LinkedTxn");
    if (linked.length === 0) throw faults.requiredParam("Line.LinkedTxn");
    for (const txn of linked) {
      if (!stringAt(txn, "TxnId")) throw faults.requiredParam("LinkedTxn.TxnId");
      if (!stringAt(txn, "TxnType")) throw faults.requiredParam("LinkedTxn.TxnType");
    }
    return { ...line, Amount: fromCents(toCents(line["Amount"])) };
  });
}

/**
 * Sets CurrencyRef (and ExchangeRate for foreign currencies). A transaction takes its vendor's or
 * customer's currency by default and may not differ from it, as in QBO.
 */
function applyCurrency(ctx: NormalizeContext, record: JsonObject, party?: { entity: EntityName; field: string }): void {
  const home = ctx.company.settings.homeCurrency;
  const partyId = party ? refAt(record, party.field) : undefined;
  const partyRecord = party && partyId ? ctx.company.get(party.entity, partyId) : undefined;
  const partyCurrency = partyRecord ? refAt(partyRecord, "CurrencyRef") : undefined;
  const code = refAt(record, "CurrencyRef") ?? partyCurrency ?? home;
  if (partyCurrency && partyCurrency !== code) {
    throw faults.businessValidation(`The currency ${code} does not match the ${party?.entity} currency ${partyCurrency}.`, "CurrencyRef");
  }
  if (code !== home) {
    if (!ctx.company.settings.multiCurrencyEnabled) {
      throw faults.businessValidation(`Multicurrency is off: currency ${code} cannot be used.`, "CurrencyRef");
    }
    if (!isAmount(record["ExchangeRate"])) record["ExchangeRate"] = 1;
  } else {
    delete record["ExchangeRate"];
  }
  record["CurrencyRef"] = currencyRef(code);
}

function termDays(company: CompanyState, termId: string | undefined): number | undefined {
  if (!termId) return undefined;
  const days = company.get("Term", termId)?.["DueDays"];
  return typeof days === "number" ? days : undefined;
}

function applyTxnDates(ctx: NormalizeContext, record: JsonObject, termKey: string, partyEntity: EntityName, partyRef: string, partyTermKey: string): void {
  if (!stringAt(record, "TxnDate")) record["TxnDate"] = formatQboDate(ctx.now);
  if (!refAt(record, termKey)) {
    const partyId = refAt(record, partyRef);
    const party = partyId ? ctx.company.get(partyEntity, partyId) : undefined;
    const partyTerm = party ? objectAt(party, partyTermKey) : undefined;
    if (partyTerm) record[termKey] = { ...partyTerm };
  }
  if (!stringAt(record, "DueDate")) {
    const txnDate = stringAt(record, "TxnDate") ?? formatQboDate(ctx.now);
    record["DueDate"] = addDays(txnDate, termDays(ctx.company, refAt(record, termKey)) ?? 0);
  }
}

function normalizeNamedParty(record: JsonObject): void {
  let displayName = stringAt(record, "DisplayName");
  if (!displayName) {
    const person = [stringAt(record, "GivenName"), stringAt(record, "FamilyName")].filter(Boolean).join(" ");
    displayName = stringAt(record, "CompanyName") ?? (person || undefined);
  }
  if (!displayName) throw faults.requiredParam("DisplayName");
  const active = record["Active"] !== false;
  record["Active"] = active;
  // QBO renames inactive names "X (deleted)" so the plain name becomes free again.
  const base = displayName.endsWith(INACTIVE_NAME_SUFFIX) ? displayName.slice(0, -INACTIVE_NAME_SUFFIX.length) : displayName;
  record["DisplayName"] = active ? base : base + INACTIVE_NAME_SUFFIX;
  if (!stringAt(record, "PrintOnCheckName")) record["PrintOnCheckName"] = base;
}

function normalizeListName(record: JsonObject): void {
  record["Active"] = record["Active"] !== false;
  const name = stringAt(record, "Name");
  if (name) record["FullyQualifiedName"] = name;
}

export function normalizeRecord(ctx: NormalizeContext, entity: EntityName, input: JsonObject): JsonObject {
  const record: JsonObject = {};
  // A null field means "clear it" (full update semantics); QBO then omits the key.
  for (const [key, value] of Object.entries(input)) if (value !== null) record[key] = value;
  const company = ctx.company;
  switch (entity) {
    case "Vendor":
      normalizeNamedParty(record);
      record["Balance"] = record["Balance"] ?? 0;
      // QBO answers every vendor with Vendor1099 (false unless set; Intuit Vendor reference examples).
      record["Vendor1099"] = record["Vendor1099"] === true;
      applyCurrency(ctx, record);
      return record;
    case "Customer":
      normalizeNamedParty(record);
      record["FullyQualifiedName"] = stringAt(record, "DisplayName") ?? "";
      record["Balance"] = record["Balance"] ?? 0;
      applyCurrency(ctx, record);
      return record;
    case "Account": {
      const name = stringAt(record, "Name") ?? "";
      if (/[":]/.test(name)) throw faults.businessValidation("Account name cannot contain \" or :", "Name");
      if (name.length > 100) throw faults.businessValidation("Account name is longer than 100 characters", "Name");
      const type = stringAt(record, "AccountType");
      if (!type) throw faults.requiredParam("AccountType");
      const classification = accountClassification(type);
      if (!classification) throw faults.businessValidation(`Unknown AccountType ${type}`, "AccountType");
      normalizeListName(record);
      record["Classification"] = classification;
      if (!stringAt(record, "AccountSubType")) record["AccountSubType"] = DEFAULT_SUBTYPE[type] ?? "Other";
      record["CurrentBalance"] = typeof record["CurrentBalance"] === "number" ? record["CurrentBalance"] : 0;
      applyCurrency(ctx, record);
      return record;
    }
    case "Item":
      normalizeListName(record);
      if (!stringAt(record, "Type")) record["Type"] = "Service";
      return record;
    case "Class":
      normalizeListName(record);
      record["SubClass"] = false;
      return record;
    case "Department":
      normalizeListName(record);
      record["SubDepartment"] = false;
      return record;
    case "Term":
      normalizeListName(record);
      if (!stringAt(record, "Type")) record["Type"] = "STANDARD";
      if (typeof record["DueDays"] !== "number") record["DueDays"] = 0;
      return record;
    case "Bill":
    case "VendorCredit": {
      applyCurrency(ctx, record, { entity: "Vendor", field: "VendorRef" });
      const { lines, cents } = normalizeExpenseLines(record);
      if (lines.length === 0) throw faults.requiredParam("Line");
      record["Line"] = lines;
      record["TotalAmt"] = fromCents(cents);
      if (entity === "Bill") applyTxnDates(ctx, record, "SalesTermRef", "Vendor", "VendorRef", "TermRef");
      else if (!stringAt(record, "TxnDate")) record["TxnDate"] = formatQboDate(ctx.now);
      if (!refAt(record, "APAccountRef")) {
        const ap = refTo(findAccountByType(company, "Accounts Payable"));
        if (ap) record["APAccountRef"] = ap;
      }
      return record;
    }
    case "Invoice": {
      applyCurrency(ctx, record, { entity: "Customer", field: "CustomerRef" });
      const { lines, cents } = normalizeInvoiceLines(company, record);
      if (lines.length <= 1) throw faults.requiredParam("Line");
      record["Line"] = lines;
      record["TotalAmt"] = fromCents(cents + applySalesTax(company.settings, record, lines));
      applyTxnDates(ctx, record, "SalesTermRef", "Customer", "CustomerRef", "SalesTermRef");
      return record;
    }
    case "JournalEntry": {
      applyCurrency(ctx, record);
      const { lines, cents } = normalizeJournalLines(record);
      if (lines.length === 0) throw faults.requiredParam("Line");
      record["Line"] = lines;
      record["TotalAmt"] = fromCents(cents);
      if (!stringAt(record, "TxnDate")) record["TxnDate"] = formatQboDate(ctx.now);
      return record;
    }
    case "BillPayment": {
      applyCurrency(ctx, record, { entity: "Vendor", field: "VendorRef" });
      const payType = stringAt(record, "PayType");
      if (payType === "Check") {
        if (!refAt(objectAt(record, "CheckPayment") ?? {}, "BankAccountRef")) throw faults.requiredParam("CheckPayment.BankAccountRef");
      } else if (payType === "CreditCard") {
        if (!refAt(objectAt(record, "CreditCardPayment") ?? {}, "CCAccountRef")) throw faults.requiredParam("CreditCardPayment.CCAccountRef");
      } else {
        throw faults.businessValidation(`PayType must be Check or CreditCard, got ${String(payType)}`, "PayType");
      }
      // TotalAmt is required and kept as sent: above the lines, the excess is an unapplied credit
      // with the vendor (QBO.md, Strictness; the CData driver's BillPayments insert needs TotalAmt).
      if (!isAmount(record["TotalAmt"])) throw faults.requiredParam("TotalAmt");
      const total = toCents(record["TotalAmt"]);
      const lines = normalizePaymentLines(record);
      let cents = 0;
      for (const line of lines) {
        const credit = objectsAt(line, "LinkedTxn").some((txn) => stringAt(txn, "TxnType") === "VendorCredit");
        cents += credit ? -toCents(line["Amount"]) : toCents(line["Amount"]);
      }
      if (cents < 0) throw faults.businessValidation("Vendor credits applied exceed the bills paid.", "Line");
      if (total < 0) throw faults.businessValidation("TotalAmt cannot be negative.", "TotalAmt");
      if (cents > total) throw faults.businessValidation("The amounts applied exceed the bill payment's TotalAmt.", "TotalAmt");
      record["Line"] = lines;
      record["TotalAmt"] = fromCents(total);
      if (!stringAt(record, "TxnDate")) record["TxnDate"] = formatQboDate(ctx.now);
      if (!refAt(record, "APAccountRef")) {
        const ap = refTo(findAccountByType(company, "Accounts Payable"));
        if (ap) record["APAccountRef"] = ap;
      }
      return record;
    }
    case "Payment": {
      applyCurrency(ctx, record, { entity: "Customer", field: "CustomerRef" });
      const lines = normalizePaymentLines(record);
      const applied = lines.reduce((sum, line) => sum + toCents(line["Amount"]), 0);
      const total = isAmount(record["TotalAmt"]) ? toCents(record["TotalAmt"]) : applied;
      if (total < applied) throw faults.businessValidation("The amounts applied exceed the payment's TotalAmt.", "TotalAmt");
      record["Line"] = lines;
      record["TotalAmt"] = fromCents(total);
      record["UnappliedAmt"] = fromCents(total - applied);
      if (!stringAt(record, "TxnDate")) record["TxnDate"] = formatQboDate(ctx.now);
      if (!refAt(record, "DepositToAccountRef")) {
        const undeposited = refTo(findAccountByType(company, "Other Current Asset", "UndepositedFunds"));
        if (undeposited) record["DepositToAccountRef"] = undeposited;
      }
      return record;
    }
    case "CompanyInfo":
    case "Preferences":
      return record;
  }
}

/** Fields a client may not set; the server computes them. */
export const READ_ONLY_FIELDS: Record<EntityName, readonly string[]> = (() => {
  const common = ["Id", "SyncToken", "MetaData", "domain", "sparse", "status"];
  const txn = [...common, "TotalAmt", "Balance", "LinkedTxn", "HomeTotalAmt", "HomeBalance"];
  return {
    Account: [...common, "Classification", "FullyQualifiedName", "CurrentBalance", "CurrentBalanceWithSubAccounts"],
    Vendor: [...common, "Balance"],
    Customer: [...common, "Balance", "BalanceWithJobs", "FullyQualifiedName"],
    Item: [...common, "FullyQualifiedName"],
    Class: [...common, "FullyQualifiedName"],
    Department: [...common, "FullyQualifiedName"],
    Term: common,
    Bill: txn,
    Invoice: txn,
    VendorCredit: txn,
    JournalEntry: txn,
    // BillPayment.TotalAmt is the amount paid: written by the client, required (QBO.md).
    BillPayment: common,
    Payment: [...common, "UnappliedAmt"],
    CompanyInfo: common,
    Preferences: common,
  };
})();

export function stripReadOnly(entity: EntityName, input: JsonObject): JsonObject {
  const output: JsonObject = {};
  const readOnly = READ_ONLY_FIELDS[entity];
  for (const [key, value] of Object.entries(input)) {
    if (!readOnly.includes(key)) output[key] = value as Json;
  }
  return output;
}

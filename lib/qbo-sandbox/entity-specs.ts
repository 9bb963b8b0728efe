/**
 * Per-entity rules table: URL resource name, kind, which references must exist, what is required
 * on create, and which operations QBO allows. The engine reads this instead of hard-coding names.
 */
import type { EntityName } from "./types";

export type EntityKind = "list" | "txn" | "singleton";

export interface RefRule {
  /** "top": a field of the record; "line": a field inside each Line[] element. */
  at: "top" | "line";
  path: readonly string[];
  target: EntityName;
}

export interface EntitySpec {
  name: EntityName;
  resource: string;
  kind: EntityKind;
  /** Transactions QBO lets you delete; name lists can only be made inactive. */
  deletable: boolean;
  /** "invoice": `?operation=void`; "payment": `?operation=update&include=void`. */
  voidStyle: "invoice" | "payment" | null;
  required: readonly string[];
  refs: readonly RefRule[];
}

const expenseLineRefs: RefRule[] = [
  { at: "line", path: ["AccountBasedExpenseLineDetail", "AccountRef"], target: "Account" },
  { at: "line", path: ["AccountBasedExpenseLineDetail", "ClassRef"], target: "Class" },
  { at: "line", path: ["AccountBasedExpenseLineDetail", "CustomerRef"], target: "Customer" },
  { at: "line", path: ["ItemBasedExpenseLineDetail", "ItemRef"], target: "Item" },
  { at: "line", path: ["ItemBasedExpenseLineDetail", "ClassRef"], target: "Class" },
  { at: "line", path: ["ItemBasedExpenseLineDetail", "CustomerRef"], target: "Customer" },
];

const list = (name: EntityName, required: string[], refs: RefRule[] = []): EntitySpec => ({
  name,
  resource: name.toLowerCase(),
  kind: "list",
  deletable: false,
  voidStyle: null,
  required,
  refs,
});

export const ENTITY_SPECS: Record<EntityName, EntitySpec> = {
  Account: list("Account", ["Name"]),
  Vendor: list("Vendor", [], [{ at: "top", path: ["TermRef"], target: "Term" }]),
  Customer: list("Customer", [], [{ at: "top", path: ["SalesTermRef"], target: "Term" }]),
  Item: list(
    "Item",
    ["Name"],
    [
      { at: "top", path: ["IncomeAccountRef"], target: "Account" },
      { at: "top", path: ["ExpenseAccountRef"], target: "Account" },
    ],
  ),
  Class: list("Class", ["Name"]),
  Department: list("Department", ["Name"]),
  Term: list("Term", ["Name"]),
  Bill: {
    name: "Bill",
    resource: "bill",
    kind: "txn",
    deletable: true,
    voidStyle: null,
    required: ["VendorRef", "Line"],
    refs: [
      { at: "top", path: ["VendorRef"], target: "Vendor" },
      { at: "top", path: ["APAccountRef"], target: "Account" },
      { at: "top", path: ["SalesTermRef"], target: "Term" },
      { at: "top", path: ["DepartmentRef"], target: "Department" },
      ...expenseLineRefs,
    ],
  },
  Invoice: {
    name: "Invoice",
    resource: "invoice",
    kind: "txn",
    deletable: true,
    voidStyle: "invoice",
    required: ["CustomerRef", "Line"],
    refs: [
      { at: "top", path: ["CustomerRef"], target: "Customer" },
      { at: "top", path: ["SalesTermRef"], target: "Term" },
      { at: "top", path: ["DepartmentRef"], target: "Department" },
      { at: "top", path: ["ClassRef"], target: "Class" },
      { at: "line", path: ["SalesItemLineDetail", "ItemRef"], target: "Item" },
      { at: "line", path: ["SalesItemLineDetail", "ClassRef"], target: "Class" },
      { at: "line", path: ["GroupLineDetail", "GroupItemRef"], target: "Item" },
    ],
  },
  BillPayment: {
    name: "BillPayment",
    resource: "billpayment",
    kind: "txn",
    deletable: true,
    voidStyle: "payment",
    required: ["VendorRef", "PayType"],
    refs: [
      { at: "top", path: ["VendorRef"], target: "Vendor" },
      { at: "top", path: ["APAccountRef"], target: "Account" },
      { at: "top", path: ["CheckPayment", "BankAccountRef"], target: "Account" },
      { at: "top", path: ["CreditCardPayment", "CCAccountRef"], target: "Account" },
    ],
  },
  Payment: {
    name: "Payment",
    resource: "payment",
    kind: "txn",
    deletable: true,
    voidStyle: "payment",
    required: ["CustomerRef"],
    refs: [
      { at: "top", path: ["CustomerRef"], target: "Customer" },
      { at: "top", path: ["DepositToAccountRef"], target: "Account" },
      { at: "top", path: ["ARAccountRef"], target: "Account" },
    ],
  },
  VendorCredit: {
    name: "VendorCredit",
    resource: "vendorcredit",
    kind: "txn",
    deletable: true,
    voidStyle: null,
    required: ["VendorRef", "Line"],
    refs: [
      { at: "top", path: ["VendorRef"], target: "Vendor" },
      { at: "top", path: ["APAccountRef"], target: "Account" },
      { at: "top", path: ["DepartmentRef"], target: "Department" },
      ...expenseLineRefs,
    ],
  },
  JournalEntry: {
    name: "JournalEntry",
    resource: "journalentry",
    kind: "txn",
    deletable: true,
    voidStyle: null,
    required: ["Line"],
    refs: [
      { at: "line", path: ["JournalEntryLineDetail", "AccountRef"], target: "Account" },
      { at: "line", path: ["JournalEntryLineDetail", "ClassRef"], target: "Class" },
      { at: "line", path: ["JournalEntryLineDetail", "DepartmentRef"], target: "Department" },
    ],
  },
  CompanyInfo: {
    name: "CompanyInfo",
    resource: "companyinfo",
    kind: "singleton",
    deletable: false,
    voidStyle: null,
    required: [],
    refs: [],
  },
  Preferences: {
    name: "Preferences",
    resource: "preferences",
    kind: "singleton",
    deletable: false,
    voidStyle: null,
    required: [],
    refs: [],
  },
};

const BY_RESOURCE = new Map(Object.values(ENTITY_SPECS).map((spec) => [spec.resource, spec]));
const BY_LOWER_NAME = new Map(Object.values(ENTITY_SPECS).map((spec) => [spec.name.toLowerCase(), spec]));

export function specForResource(resource: string): EntitySpec | undefined {
  return BY_RESOURCE.get(resource);
}

/** Entity names in queries, CDC lists and batch items are case-insensitive. */
export function specForName(name: string): EntitySpec | undefined {
  return BY_LOWER_NAME.get(name.toLowerCase());
}

/** Name lists that a query returns only Active=true rows of, unless Active is filtered on. */
export function hasActiveFlag(entity: EntityName): boolean {
  return ENTITY_SPECS[entity].kind === "list";
}

/**
 * Which properties a query may filter (WHERE) and sort (ORDERBY) on, per entity. Intuit's reference
 * marks each attribute "filterable" / "sortable"; anything else in WHERE or ORDERBY is refused with
 * 400, code 4001 (QueryValidationError). Lists from the reference as mirrored by public SDKs:
 * PlumbHQ/nestjs-quickbooks (bill-query.dto.ts, vendor-query.dto.ts, customer-query.dto.ts,
 * accounts-query.model.ts, item-query.dto.ts), Nytely-Official/quickbooks-api
 * src/types/enums/filters.ts (Customer, Invoice), and the CData QuickBooks Online driver's
 * Filterable/Sortable column tables (Bills, BillPayments, Payments, Invoices, Vendors). A reference
 * may be written as `VendorRef` or `VendorRef.value`.
 */
import { faults } from "./faults";
import type { EntityName } from "./types";

interface FieldRules {
  filterable: readonly string[];
  /** Defaults to the filterable list. */
  sortable?: readonly string[];
}

const COMMON = ["Id", "MetaData.CreateTime", "MetaData.LastUpdatedTime"];
const NAMED_LIST = [...COMMON, "Name", "Active", "FullyQualifiedName", "ParentRef"];
const PERSON = ["DisplayName", "GivenName", "MiddleName", "FamilyName", "Suffix", "CompanyName", "PrintOnCheckName", "Balance", "Active"];

const RULES: Record<EntityName, FieldRules> = {
  Bill: { filterable: [...COMMON, "DocNumber", "TxnDate", "VendorRef", "APAccountRef", "SalesTermRef", "TotalAmt", "DueDate", "Balance"] },
  VendorCredit: { filterable: [...COMMON, "DocNumber", "TxnDate", "VendorRef", "APAccountRef", "TotalAmt", "Balance"] },
  Invoice: {
    filterable: [...COMMON, "DocNumber", "TxnDate", "CustomerRef", "ProjectRef", "SalesTermRef", "DueDate", "Balance", "TotalAmt"],
    sortable: [...COMMON, "DocNumber", "TxnDate", "SalesTermRef", "DueDate", "Balance", "TotalAmt"],
  },
  BillPayment: { filterable: [...COMMON, "DocNumber", "TxnDate", "VendorRef", "APAccountRef", "TotalAmt"] },
  // DocNumber: "Filter support not provided for Payment" (reference, DocNumber).
  Payment: { filterable: [...COMMON, "TxnDate", "CustomerRef", "TotalAmt"], sortable: [...COMMON, "TotalAmt"] },
  JournalEntry: { filterable: [...COMMON, "DocNumber", "TxnDate", "TotalAmt"] },
  Vendor: { filterable: [...COMMON, ...PERSON], sortable: [...COMMON, ...PERSON.filter((f) => f !== "Active")] },
  Customer: {
    filterable: [...COMMON, ...PERSON, "FullyQualifiedName", "PrimaryEmailAddr"],
    sortable: [...COMMON, ...PERSON.filter((f) => f !== "Active"), "FullyQualifiedName"],
  },
  Account: {
    filterable: [...NAMED_LIST, "Description", "SubAccount", "Classification", "AccountType", "AccountSubType", "CurrentBalance", "CurrentBalanceWithSubAccounts"],
  },
  Item: { filterable: [...NAMED_LIST, "Type", "Sku"] },
  Class: { filterable: NAMED_LIST },
  Department: { filterable: NAMED_LIST },
  Term: { filterable: [...COMMON, "Name", "Active"] },
  CompanyInfo: { filterable: COMMON },
  Preferences: { filterable: COMMON },
};

const lowered = (fields: readonly string[]) => new Set(fields.map((field) => field.toLowerCase()));
const FILTERABLE = new Map((Object.entries(RULES) as [EntityName, FieldRules][]).map(([entity, rules]) => [entity, lowered(rules.filterable)]));
const SORTABLE = new Map((Object.entries(RULES) as [EntityName, FieldRules][]).map(([entity, rules]) => [entity, lowered(rules.sortable ?? rules.filterable)]));

function allowed(set: ReadonlySet<string> | undefined, path: readonly string[]): boolean {
  if (!set) return false;
  const name = path.join(".").toLowerCase();
  if (set.has(name)) return true;
  // `VendorRef.value` names the same thing as `VendorRef`.
  return path.length > 1 && path[path.length - 1]?.toLowerCase() === "value" && set.has(path.slice(0, -1).join(".").toLowerCase());
}

export function checkFilterable(entity: EntityName, path: readonly string[]): void {
  if (!allowed(FILTERABLE.get(entity), path)) {
    throw faults.queryValidation(`property '${path.join(".")}' is not queryable`);
  }
}

export function checkSortable(entity: EntityName, path: readonly string[]): void {
  if (!allowed(SORTABLE.get(entity), path)) {
    throw faults.queryValidation(`property '${path.join(".")}' is not sortable`);
  }
}

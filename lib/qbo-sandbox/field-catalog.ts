/**
 * The properties QBO knows per entity, and on a transaction line. QBO deserialises request bodies
 * strictly: a property its schema does not define is refused with 400, code 2010, Detail
 * `Property Name:Unrecognized field "X" (class com.intuit.schema.finance.v3.<Entity>), not marked
 * as ignorable` (seen in python-quickbooks issue #38 and #80; the Jackson wording is QBO's).
 * Read-only properties are known (and ignored), so echoing a read record back is fine.
 *
 * Lists: the property tables of Intuit's Accounting API v3 reference (the Finance XSD), as mirrored
 * in public copies of the reference (e.g. sympatecoinc/Door-Quoter .claude/docs/quickbooks-api).
 */
import { faults } from "./faults";
import { isObject } from "./json";
import type { EntityName, JsonObject } from "./types";

/** Every IntuitEntity; `domain`/`sparse` are the envelope attributes clients echo back. */
const ENTITY = ["Id", "SyncToken", "MetaData", "CustomField", "AttachableRef", "domain", "sparse", "status"];

/** Transaction (the XSD's base type of every transaction entity). */
const TRANSACTION = [
  ...ENTITY,
  "DocNumber", "TxnDate", "DepartmentRef", "CurrencyRef", "ExchangeRate", "PrivateNote", "TxnStatus", "LinkedTxn",
  "Line", "TxnTaxDetail", "TxnSource", "TaxFormType", "TaxFormNum", "TransactionLocationType", "Tag", "TxnApprovalInfo",
  "RecurDataRef", "RecurringInfo", "ProjectRef", "TotalCostAmount", "HomeTotalCostAmount",
];

/** PurchaseByVendor: Bill, VendorCredit. */
const PURCHASE_BY_VENDOR = [...TRANSACTION, "VendorRef", "APAccountRef", "TotalAmt", "BillEmail", "ReplyEmail", "Memo", "GlobalTaxCalculation", "HomeTotalAmt"];

/** NameBase: Vendor, Customer. */
const NAME_BASE = [
  ...ENTITY,
  "IntuitId", "Organization", "Title", "GivenName", "MiddleName", "FamilyName", "Suffix", "FullyQualifiedName", "CompanyName",
  "DisplayName", "PrintOnCheckName", "UserId", "Active", "V4IDPseudonym", "PrimaryPhone", "AlternatePhone", "Mobile", "Fax",
  "PrimaryEmailAddr", "WebAddr", "OtherContactInfo", "DefaultTaxCodeRef",
];

const FIELDS: Record<EntityName, readonly string[]> = {
  Bill: [
    ...PURCHASE_BY_VENDOR, "PayerRef", "SalesTermRef", "DueDate", "RemitToAddr", "ShipAddr", "VendorAddr", "Balance", "HomeBalance",
    "BillEx", "LessCIS", "IncludeInAnnualTPAR",
  ],
  VendorCredit: [...PURCHASE_BY_VENDOR, "VendorAddr", "VendorCreditEx", "Balance", "HomeBalance", "IncludeInAnnualTPAR"],
  Invoice: [
    ...TRANSACTION, "AutoDocNumber", "CustomerRef", "CustomerMemo", "BillAddr", "ShipAddr", "FreeFormAddress", "ShipFromAddr",
    "RemitToRef", "ClassRef", "SalesTermRef", "DueDate", "SalesRepRef", "PONumber", "FOB", "ShipMethodRef", "ShipDate",
    "TrackingNum", "GlobalTaxCalculation", "TotalAmt", "HomeTotalAmt", "ApplyTaxAfterDiscount", "ShippingTaxIncludedInTotalTax",
    "TemplateRef", "PrintStatus", "EmailStatus", "BillEmail", "BillEmailCc", "BillEmailBcc", "ARAccountRef", "Balance",
    "HomeBalance", "FinanceCharge", "PaymentMethodRef", "PaymentRefNum", "PaymentType", "DepositToAccountRef", "DeliveryInfo",
    "DiscountRate", "DiscountAmt", "GovtTxnRefIdentifier", "TaxExemptionRef", "CheckPayment", "CreditCardPayment", "Deposit",
    "AllowIPNPayment", "AllowOnlinePayment", "AllowOnlineCreditCardPayment", "AllowOnlineACHPayment", "AllowOnlinePayPalPayment",
    "EInvoiceStatus", "ECloudStatusTimeStamp", "CfdiUse", "Exportation", "GlobalInfo", "invoiceStatus", "callToAction",
    "invoiceStatusLog", "InvoiceEx", "LessCIS", "InvoiceLink", "PaymentDetailsMessage", "ConvenienceFeeDetail",
    "InvoiceLinkSecurityCode", "InvoiceLinkExpiryDate", "AutoPayEligible", "SchedulePayEligible", "ScheduledPaymentId",
    "GratuityEnabled", "FinancingProductType", "SubscriptionPaymentsSetting",
  ],
  BillPayment: [...TRANSACTION, "VendorRef", "VendorAddr", "APAccountRef", "PayType", "TotalAmt", "BillPaymentEx", "CheckPayment", "CreditCardPayment"],
  Payment: [
    ...TRANSACTION, "CustomerRef", "RemitToRef", "ARAccountRef", "DepositToAccountRef", "PaymentMethodRef", "PaymentRefNum",
    "PaymentType", "TotalAmt", "UnappliedAmt", "ProcessPayment", "PaymentExtendedType", "PaymentEx", "CheckPayment", "CreditCardPayment",
  ],
  JournalEntry: [
    ...TRANSACTION, "Adjustment", "HomeCurrencyAdjustment", "EnteredInHomeCurrency", "GlobalTaxCalculation", "TotalAmt", "HomeTotalAmt", "JournalEntryEx",
  ],
  Vendor: [
    ...NAME_BASE, "ContactName", "AltContactName", "Notes", "BillAddr", "ShipAddr", "OtherAddr", "TaxCountry", "TaxIdentifier",
    "TaxIdEffectiveDate", "BusinessNumber", "ParentRef", "VendorTypeRef", "TermRef", "PrefillAccountRef", "Balance", "BillRate",
    "OpenBalanceDate", "CreditLimit", "AcctNum", "Vendor1099", "T4AEligible", "T5018Eligible", "CurrencyRef", "TDSEnabled",
    "TDSEntityTypeId", "TDSSectionTypeId", "TDSOverrideThreshold", "TaxReportingBasis", "APAccountRef", "VendorEx", "GSTIN",
    "GSTRegistrationType", "IsSubContractor", "SubcontractorType", "CISRate", "HasTPAR", "VendorPaymentBankDetail", "Source",
    "CostRate", "AgencyVerificationStatus", "AgencyVerificationStatusMsg", "AgencyVerificationTSUTC", "CompanyRegistrationNumber",
  ],
  Customer: [
    ...NAME_BASE, "Taxable", "BillAddr", "ShipAddr", "OtherAddr", "ContactName", "AltContactName", "Notes", "Job", "BillWithParent",
    "RootCustomerRef", "ParentRef", "Level", "CustomerTypeRef", "SalesTermRef", "SalesRepRef", "PaymentMethodRef", "CCDetail",
    "PriceLevelRef", "Balance", "OpenBalanceDate", "BalanceWithJobs", "CreditLimit", "AcctNum", "CurrencyRef", "OverDueBalance",
    "TotalRevenue", "TotalExpense", "PreferredDeliveryMethod", "ResaleNum", "JobInfo", "TDSEnabled", "CustomerEx",
    "SecondaryTaxIdentifier", "ARAccountRef", "PrimaryTaxIdentifier", "TaxExemptionReasonId", "IsProject", "BusinessNumber",
    "GSTIN", "GSTRegistrationType", "IsCISContractor", "ClientCompanyId", "ClientEntityId", "Source", "TaxRegime",
    "TaxGroupCodeRef", "TaxRateRef",
  ],
  Account: [
    ...ENTITY, "Name", "SubAccount", "ParentRef", "Description", "FullyQualifiedName", "AccountAlias", "TxnLocationType", "Active",
    "Classification", "AccountType", "AccountSubType", "AccountPurposes", "AcctNum", "AcctNumExtn", "BankNum", "OpeningBalance",
    "OpeningBalanceDate", "CurrentBalance", "CurrentBalanceWithSubAccounts", "CurrencyRef", "TaxAccount", "TaxCodeRef",
    "OnlineBankingEnabled", "FIName", "JournalCodeRef", "AccountEx",
  ],
  Item: [
    ...ENTITY, "Name", "Sku", "Description", "Active", "SubItem", "ParentRef", "Level", "FullyQualifiedName", "Taxable",
    "SalesTaxIncluded", "PercentBased", "UnitPrice", "RatePercent", "Type", "PaymentMethodRef", "UOMSetRef", "IncomeAccountRef",
    "PurchaseDesc", "PurchaseTaxIncluded", "PurchaseCost", "ExpenseAccountRef", "COGSAccountRef", "AssetAccountRef",
    "PrefVendorRef", "AvgCost", "TrackQtyOnHand", "QtyOnHand", "QtyOnPurchaseOrder", "QtyOnSalesOrder", "ReorderPoint",
    "ManPartNum", "DepositToAccountRef", "SalesTaxCodeRef", "PurchaseTaxCodeRef", "InvStartDate", "BuildPoint", "PrintGroupedItems",
    "SpecialItem", "SpecialItemType", "ItemGroupDetail", "ItemAssemblyDetail", "AbatementRate", "ReverseChargeRate", "ServiceType",
    "ItemCategoryType", "ItemEx", "TaxClassificationRef", "UQCDisplayText", "UQCId", "ClassRef", "Source", "DeferredRevenue",
  ],
  Class: [...ENTITY, "Name", "SubClass", "ParentRef", "FullyQualifiedName", "Active", "ClassEx"],
  Department: [...ENTITY, "Name", "SubDepartment", "ParentRef", "FullyQualifiedName", "Active", "DepartmentEx"],
  Term: [...ENTITY, "Name", "Active", "Type", "DiscountPercent", "DueDays", "DiscountDays", "DayOfMonthDue", "DueNextMonthDays", "DiscountDayOfMonth", "SalesTermEx"],
  // Singletons: their writes are refused or limited elsewhere; their shape is QBO's own.
  CompanyInfo: [],
  Preferences: [],
};

/** The Line type: common fields plus one detail element per DetailType. */
const LINE = [
  "Id", "LineNum", "Description", "Amount", "Received", "LinkedTxn", "DetailType", "CustomField", "LineEx", "ProjectRef",
  "PaymentLineDetail", "DiscountLineDetail", "TaxLineDetail", "SalesItemLineDetail", "DescriptionLineDetail",
  "ItemBasedExpenseLineDetail", "AccountBasedExpenseLineDetail", "ReimburseLineDetail", "DepositLineDetail",
  "PurchaseOrderItemLineDetail", "SalesOrderItemLineDetail", "ItemReceiptLineDetail", "JournalEntryLineDetail",
  "GroupLineDetail", "SubTotalLineDetail", "TDSLineDetail", "ItemAdjustmentLineDetail",
];

const KNOWN = new Map<EntityName, ReadonlySet<string>>(
  (Object.entries(FIELDS) as [EntityName, readonly string[]][]).map(([entity, fields]) => [entity, new Set(fields)]),
);
const KNOWN_LOWER = new Map<EntityName, Map<string, string>>(
  (Object.entries(FIELDS) as [EntityName, readonly string[]][]).map(([entity, fields]) => [entity, new Map(fields.map((f) => [f.toLowerCase(), f]))]),
);
const LINE_FIELDS: ReadonlySet<string> = new Set(LINE);

function unrecognized(field: string, entity: string, element: string) {
  return faults.requestValidation(
    `Unrecognized field "${field}" (class com.intuit.schema.finance.v3.${entity}), not marked as ignorable specified is unsupported or invalid`,
    element,
  );
}

/** Throws 2010 for the first property of the body or of one of its lines that QBO does not define. */
export function checkKnownFields(entity: EntityName, body: JsonObject): void {
  const known = KNOWN.get(entity);
  if (!known || known.size === 0) return;
  for (const key of Object.keys(body)) {
    if (!known.has(key)) throw unrecognized(key, entity, key);
  }
  const lines = body["Line"];
  if (!Array.isArray(lines)) return;
  for (const line of lines) {
    if (!isObject(line)) continue;
    for (const key of Object.keys(line)) {
      if (!LINE_FIELDS.has(key)) throw unrecognized(key, "Line", `Line.${key}`);
    }
  }
}

/** The property's spelling in QBO's schema for a case-insensitive name (the query language ignores case). */
export function knownField(entity: EntityName, name: string): string | undefined {
  return KNOWN_LOWER.get(entity)?.get(name.toLowerCase());
}

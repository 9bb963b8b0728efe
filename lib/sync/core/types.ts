import type { QboTwinState } from "@/lib/sync/core/record-status";
import type { CommerceMarkerSettings } from "@/lib/sync/core/commerce";
/**
 * Narrow, structural input types for the pure sync core.
 *
 * The core never imports from other folders: the orchestrator converts database rows and QBO JSON
 * (see `qbo-parse.ts`) into these shapes and feeds them in. Money is always integer cents; dates
 * are ISO strings (`YYYY-MM-DD` for business dates, full ISO timestamps for instants).
 */

/** Integer number of cents. Never a float amount. */
export type Cents = number;

export type TxnKind = "bill" | "invoice" | "vendor_credit";
export type PartyKind = "vendor" | "customer";
export type EntityKind = TxnKind | PartyKind;

/** One line of a QBO Bill, Invoice or VendorCredit, reduced to what the app keeps. */
export interface QboLineSnapshot {
  detailType:
    | "AccountBasedExpenseLineDetail"
    | "ItemBasedExpenseLineDetail"
    | "SalesItemLineDetail"
    | "DiscountLineDetail";
  amountCents: Cents;
  description?: string;
  accountQboId?: string;
  itemQboId?: string;
  classQboId?: string;
  /** Bill lines: the customer the expense is billable to. */
  customerQboId?: string;
  qty?: number;
  /** Decimal unit price as QBO sends it (may carry more than two decimals). */
  unitPrice?: number;
  /** Set on the component lines of a bundle (an invoice `GroupLineDetail`). */
  bundle?: BundleRef;
  /**
   * Invoice lines: SalesItemLineDetail.TaxCodeRef.value — "TAX" / "NON" in US companies, a TaxCode
   * Id elsewhere. Kept verbatim so a write back taxes the line exactly as QBO did.
   */
  taxCodeQboId?: string;
}

/**
 * The bundle (QBO group item) a line belongs to: its components are stored as ordinary lines
 * carrying this, so the lines still add up to the total and the page can show "Bundle: <name>".
 */
export interface BundleRef {
  /** Groups the components of one bundle line (the QBO group line's Id, or its position). */
  key: string;
  name: string;
  /** GroupLineDetail.Quantity (QBO's default is 1). */
  qty?: number;
}

/** A live QBO Bill / Invoice / VendorCredit. */
export interface QboTxnSnapshot {
  id: string;
  syncToken: string;
  /** MetaData.LastUpdatedTime, ISO timestamp. */
  lastUpdatedTime: string;
  docNumber?: string;
  /** CurrencyRef.value; "USD" when QBO omits it (single-currency companies). */
  currency: string;
  totalCents: Cents;
  balanceCents: Cents;
  voided: boolean;
  txnSource?: string;
  privateNote?: string;
  /** Invoice CustomerMemo.value (the message shown on the invoice). */
  customerMemo?: string;
  /** SalesTermRef.value: the QBO Term of a bill or invoice. */
  salesTermQboId?: string;
  /** DepartmentRef.value: the QBO Department (the app's location). */
  departmentQboId?: string;
  /** VendorRef.value for bills and vendor credits, CustomerRef.value for invoices. */
  counterpartyQboId: string;
  counterpartyName?: string;
  txnDate?: string;
  dueDate?: string;
  lines: QboLineSnapshot[];
  /**
   * Lines the app cannot reproduce, in words naming their detail types ("DescriptionOnly with an
   * amount", "TDSLineDetail"). A record with any is never imported (its total would be wrong).
   */
  unsupportedLines?: string[];
  /** TxnTaxDetail.TotalTax in cents (sales tax QBO computed; part of TotalAmt). Absent: no tax detail. */
  taxCents?: Cents;
  /** TxnTaxDetail.TxnTaxCodeRef.value: the tax code (rate) applied to the taxable lines. */
  txnTaxCodeQboId?: string;
}

/** A QBO record reported deleted by change data capture (`status: "Deleted"`). */
export interface QboDeletedSnapshot {
  id: string;
  deleted: true;
  lastUpdatedTime?: string;
}

/**
 * A billing address (QBO PhysicalAddress: Vendor.BillAddr / Customer.BillAddr). Every part is
 * optional; an empty string never appears (absent instead).
 */
export interface PartyAddress {
  line1?: string;
  line2?: string;
  city?: string;
  /** CountrySubDivisionCode: state, province or region. */
  region?: string;
  postalCode?: string;
  country?: string;
}

/** A QBO Vendor or Customer. */
export interface QboPartySnapshot {
  id: string;
  syncToken: string;
  lastUpdatedTime: string;
  displayName: string;
  active: boolean;
  email?: string;
  currency: string;
  companyName?: string;
  /** PrimaryPhone.FreeFormNumber. */
  phone?: string;
  address?: PartyAddress;
  /** Vendors only. */
  vendor1099?: boolean;
  /**
   * Vendors only: TaxIdentifier as QBO returns it, masked to its last four characters ("The value
   * is masked in responses, exposing only last four characters", Intuit Vendor reference,
   * https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/vendor).
   * Never a value to store as the app's tax id.
   */
  maskedTaxId?: string;
}

/** App-side status of a bill / invoice / vendor credit. */
export type AppTxnStatus = "open" | "partially_paid" | "paid" | "voided";

/** One line of an app bill / invoice / vendor credit. References are app-local ids. */
export interface AppTxnLine {
  amountCents: Cents;
  description?: string;
  accountId?: string;
  itemId?: string;
  classId?: string;
  /** Bill lines: customer the expense is billable to. */
  customerId?: string;
  qty?: number;
  unitPrice?: number;
  /** Invoice discount line (amount is positive; it reduces the total). */
  discount?: boolean;
  /** Component of a bundle imported from QBO (the app cannot write bundles back). */
  bundle?: BundleRef;
  /** Invoice lines: QBO's TaxCodeRef value ("TAX" / "NON" in US companies), sent back unchanged. */
  taxCode?: string;
}

/** An app bill / invoice / vendor credit as the planner and mappers see it. */
export interface AppTxnSnapshot {
  id: string;
  number: string;
  /** App-local vendor id (bills, vendor credits) or customer id (invoices). */
  counterpartyId: string;
  counterpartyName?: string;
  totalCents: Cents;
  status: AppTxnStatus;
  /** ISO timestamp of the last app-side change. */
  updatedAt: string;
  currency: string;
  /** `appTxnContentHash` of the synced fields as they are now. */
  contentHash: string;
  txnDate: string;
  dueDate?: string;
  /** The internal note (QBO PrivateNote). */
  memo?: string;
  /** Invoices: the message shown on the invoice (QBO CustomerMemo). */
  customerMemo?: string;
  /** App-local terms id (bills, invoices): QBO SalesTermRef. */
  termsId?: string;
  /** App-local location id: QBO DepartmentRef. */
  locationId?: string;
  lines: AppTxnLine[];
  /** Invoices: sales tax in cents (included in totalCents); QBO computes it, the app keeps QBO's figure. */
  taxCents?: Cents;
  /** Invoices: QBO's TxnTaxDetail.TxnTaxCodeRef value, sent back unchanged on every write. */
  txnTaxCode?: string;
  /** Soft-deleted in the app: a linked record must be deleted in QBO too. */
  deleted?: boolean;
}

/** An app vendor or customer. */
export interface AppPartySnapshot {
  id: string;
  displayName: string;
  email?: string;
  active: boolean;
  currency: string;
  companyName?: string;
  phone?: string;
  address?: PartyAddress;
  /** Vendors only (absent on customers): a 1099 contractor. */
  vendor1099?: boolean;
  /** Vendors only: the full tax id, held by the app (QBO only ever returns it masked). */
  taxId?: string;
  contentHash: string;
  deleted?: boolean;
}

/** The link between an app record and its QBO twin, as of the last successful sync of it. */
export interface MappingEntry {
  localId: string;
  qboId: string;
  syncToken: string;
  lastUpdatedTime: string;
  /** contentHash of the app-side content as it was last synced (either direction). */
  contentHash: string;
  /** What the QBO twin is as of the last sync (absent: live). */
  qboState?: QboTwinState;
  /** The twin's QBO Balance as last seen when it differed from its total; null: unpaid or never seen. */
  qboBalanceCents?: number | null;
}

export type SyncDirection = "two_way" | "app_to_qbo";
export type ConflictMaster = "quickbooks" | "ledgerbridge";

/**
 * Settings → Sync → Preferences. Account ids are app-local ids of accounts from the synced chart
 * of accounts (the pickers offer those); `RefResolver` turns them into QBO Ids.
 */
export interface SyncPreferences {
  syncAutomatically: boolean;
  twoWayPaymentSync: boolean;
  direction: SyncDirection;
  unallocatedExpenseAccountId?: string;
  unallocatedIncomeAccountId?: string;
  bankAccountId?: string;
  moneyOutClearingAccountId?: string;
  moneyInClearingAccountId?: string;
  masterInConflict: ConflictMaster;
  /** Admin-defined QuickBooks Commerce markers (Settings → Sync); absent = none. */
  commerceMarkers?: CommerceMarkerSettings;
}

/** Kinds of records whose ids the resolver translates between app and QBO. */
export type RefKind =
  | "account"
  | "item"
  | "class"
  | "department"
  | "term"
  | "vendor"
  | "customer"
  | "bill"
  | "invoice"
  | "vendor_credit"
  | "bill_payment"
  | "payment";

/**
 * Translates ids between the app and QBO (built by the orchestrator from its mapping tables).
 * `undefined` means "not synced / not known on the other side".
 */
export interface RefResolver {
  toQbo(kind: RefKind, localId: string): string | undefined;
  toLocal(kind: RefKind, qboId: string): string | undefined;
}

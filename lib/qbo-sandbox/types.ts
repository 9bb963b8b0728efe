/** Shared types of the QBO sandbox. Records are stored in QBO's own JSON shape. */

export type Json = string | number | boolean | null | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export const ENTITY_NAMES = [
  "Account",
  "Vendor",
  "Customer",
  "Item",
  "Class",
  "Department",
  "Term",
  "Bill",
  "Invoice",
  "BillPayment",
  "Payment",
  "VendorCredit",
  "JournalEntry",
  "CompanyInfo",
  "Preferences",
] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

export type FaultKind = "429" | "500" | "503" | "timeout" | "slow" | "expire-tokens" | "revoke-refresh";

export interface FaultSpec {
  realmId?: string;
  kind: FaultKind;
  /** How many matching requests the fault hits (default 1). Ignored by the immediate kinds. */
  count?: number;
  /** Substring the request path must contain, e.g. "/bill" or "/query". */
  pathMatch?: string;
  /** Delay for "slow" (default 2000 ms) and "timeout" (default 125000 ms: past QBO's 120 s). */
  delayMs?: number;
}

export interface SeedSpec {
  vendors?: number;
  customers?: number;
  bills?: number;
  invoices?: number;
  /** Seed of the deterministic generator (same number → same data). */
  randomSeed?: number;
}

export interface CompanySettings {
  /** QBO's "Warn if duplicate bill number is used" → 6140 on duplicates. */
  duplicateDocNumberCheck: boolean;
  /** YYYY-MM-DD; transactions dated on or before it are locked (6210). */
  bookCloseDate: string | null;
  multiCurrencyEnabled: boolean;
  homeCurrency: string;
  /** Sales tax on invoices (`sales-tax.ts`); null or absent: the company charges no sales tax. */
  salesTax?: SalesTaxSettings | null;
}

/** A US company's sales tax: one TaxCode with one TaxRate. */
export interface SalesTaxSettings {
  /** The TaxCode the company's invoices use (TxnTaxDetail.TxnTaxCodeRef). */
  taxCodeId: string;
  taxCodeName: string;
  /** The TaxRate of that code (TaxLineDetail.TaxRateRef). */
  taxRateId: string;
  ratePercent: number;
}

export type RequestKind =
  | "read"
  | "write"
  | "query"
  | "cdc"
  | "batch"
  | "companyinfo"
  | "preferences"
  | "other";

export interface SandboxStats {
  total: number;
  byKind: Record<RequestKind, number>;
  /** create / update / delete / void requests that changed data (batch items included). */
  writes: number;
  batches: number;
  throttled: number;
  unauthorized: number;
  injectedFaults: number;
}

export interface CompanySummary {
  realmId: string;
  companyName: string;
  tenant: string | null;
  counts: Partial<Record<EntityName, number>>;
}

export interface TokenResponse {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  x_refresh_token_expires_in: number;
  token_type: "bearer";
}

export interface ChangeEvent {
  entity: EntityName;
  id: string;
  operation: "Create" | "Update" | "Delete" | "Void" | "Merge";
  lastUpdated: string;
}

import { contentHash } from "@/lib/sync/core/content-hash";
import { amountToCents, centsToAmount, sumCents } from "@/lib/sync/core/money";
import { ADDRESS_PARTS, compactAddress, QBO_ADDRESS_FIELD } from "@/lib/sync/core/party-fields";
import type { ReasonCode, ReasonParams } from "@/lib/sync/core/reasons";
import { qboTxnIdentity } from "@/lib/sync/core/record-identity";
import type {
  AppPartySnapshot,
  AppTxnLine,
  AppTxnSnapshot,
  PartyAddress,
  QboLineSnapshot,
  QboPartySnapshot,
  QboTxnSnapshot,
  RefResolver,
  SyncPreferences,
  TxnKind,
} from "@/lib/sync/core/types";

export { canonicalJson, contentHash } from "@/lib/sync/core/content-hash";

/* ───────────────────────── QBO body shapes (QBO JSON field names) ───────────────────────── */

export interface QboRef {
  value: string;
  name?: string;
}

export interface QboTxnLineBody {
  Amount: number;
  DetailType: QboLineSnapshot["detailType"];
  Description?: string;
  AccountBasedExpenseLineDetail?: { AccountRef: QboRef; ClassRef?: QboRef; CustomerRef?: QboRef };
  ItemBasedExpenseLineDetail?: {
    ItemRef: QboRef;
    Qty?: number;
    UnitPrice?: number;
    ClassRef?: QboRef;
    CustomerRef?: QboRef;
  };
  SalesItemLineDetail?: { ItemRef?: QboRef; Qty?: number; UnitPrice?: number; ClassRef?: QboRef; TaxCodeRef?: QboRef };
  DiscountLineDetail?: { PercentBased: false };
}

/** Body of a Bill / Invoice / VendorCredit create, or (with Id, SyncToken, sparse) update. */
export interface QboTxnBody {
  Id?: string;
  SyncToken?: string;
  sparse?: true;
  VendorRef?: QboRef;
  CustomerRef?: QboRef;
  DocNumber: string;
  TxnDate: string;
  DueDate?: string;
  PrivateNote?: string;
  /** Invoices: the message printed on the invoice (Intuit Invoice reference: CustomerMemo { value }). */
  CustomerMemo?: { value: string };
  /** Bills and invoices: the QBO Term. Omitted, QBO applies the vendor's / customer's default terms. */
  SalesTermRef?: QboRef;
  /** QBO "Department" = location. */
  DepartmentRef?: QboRef;
  CurrencyRef: QboRef;
  Line: QboTxnLineBody[];
  /**
   * Invoices with sales tax: the tax code QBO applied, sent back so QBO taxes the invoice as before.
   * TotalTax is not sent: QBO computes it from the codes (Intuit Invoice reference, TxnTaxDetail).
   */
  TxnTaxDetail?: { TxnTaxCodeRef: QboRef };
}

/** QBO PhysicalAddress as the app writes it. */
export interface QboPhysicalAddress {
  Line1?: string;
  Line2?: string;
  City?: string;
  CountrySubDivisionCode?: string;
  PostalCode?: string;
  Country?: string;
}

export interface QboPartyBody {
  Id?: string;
  SyncToken?: string;
  sparse?: true;
  DisplayName: string;
  Active: boolean;
  PrimaryEmailAddr?: { Address: string };
  CurrencyRef?: QboRef;
  CompanyName?: string;
  PrimaryPhone?: { FreeFormNumber: string };
  BillAddr?: QboPhysicalAddress;
  /** Vendors only. */
  Vendor1099?: boolean;
  /** Vendors only. */
  TaxIdentifier?: string;
}

/** Sparse body that deactivates a vendor / customer (they cannot be deleted in QBO). */
export interface QboDeactivateBody {
  Id: string;
  SyncToken: string;
  sparse: true;
  Active: false;
}

export type MapResult<T> = { ok: true; value: T } | { ok: false; reason: ReasonCode; params: ReasonParams };

export interface MapContext {
  prefs: SyncPreferences;
  resolver: RefResolver;
}

/* ───────────────────────── content hashes ───────────────────────── */

/** The app fields of a bill / invoice / vendor credit that sync; the input of its content hash. */
export function appTxnSyncedFields(
  txn: Pick<AppTxnSnapshot, "number" | "counterpartyId" | "txnDate" | "dueDate" | "memo" | "currency" | "lines" | "status" | "txnTaxCode"> &
    Partial<Pick<AppTxnSnapshot, "customerMemo" | "termsId" | "locationId">>,
) {
  // Tax codes are written to QBO, so they are content; the tax amount is QBO's figure, never sent.
  // Absent codes hash as before (undefined members are dropped), so untaxed records keep their hash.
  return {
    number: txn.number,
    counterpartyId: txn.counterpartyId,
    txnDate: txn.txnDate,
    dueDate: txn.dueDate,
    memo: txn.memo,
    currency: txn.currency.toUpperCase(),
    voided: txn.status === "voided",
    txnTaxCode: txn.txnTaxCode,
    // Absent (undefined) on records without them, so those keep the hash they had before.
    customerMemo: txn.customerMemo,
    termsId: txn.termsId,
    locationId: txn.locationId,
    lines: txn.lines.map((line) => ({
      amountCents: line.amountCents,
      description: line.description,
      accountId: line.accountId,
      itemId: line.itemId,
      classId: line.classId,
      customerId: line.customerId,
      qty: line.qty,
      unitPrice: line.unitPrice,
      discount: line.discount === true ? true : undefined,
      // Absent on ordinary lines, so their hashes are what they were before bundles existed.
      bundle: line.bundle ? { key: line.bundle.key, name: line.bundle.name, qty: line.bundle.qty } : undefined,
      taxCode: line.taxCode,
    })),
  };
}

export function appTxnContentHash(txn: Parameters<typeof appTxnSyncedFields>[0]): string {
  return contentHash(appTxnSyncedFields(txn));
}

/**
 * The synced fields of a vendor / customer. Fields added later hash only when set (an unset one is
 * `undefined`, which the canonical JSON drops): a name without them keeps the hash it had, so an
 * upgrade does not re-send every vendor.
 */
export function appPartySyncedFields(
  party: Pick<AppPartySnapshot, "displayName" | "email" | "active" | "currency" | "companyName" | "phone" | "address" | "vendor1099" | "taxId">,
) {
  const address = compactAddress(party.address);
  return {
    displayName: party.displayName.trim(),
    email: party.email,
    active: party.active,
    currency: party.currency.toUpperCase(),
    companyName: party.companyName?.trim() || undefined,
    phone: party.phone?.trim() || undefined,
    address: address ? { ...address } : undefined,
    vendor1099: party.vendor1099 ? true : undefined,
    taxId: party.taxId?.trim() || undefined,
  };
}

export function appPartyContentHash(party: Parameters<typeof appPartySyncedFields>[0]): string {
  return contentHash(appPartySyncedFields(party));
}

/* ───────────────────────── app → QBO ───────────────────────── */

function ref(value: string | undefined): QboRef | undefined {
  return value === undefined ? undefined : { value };
}

function counterpartyRefKind(kind: TxnKind): "vendor" | "customer" {
  return kind === "invoice" ? "customer" : "vendor";
}

function mapAppLine(line: AppTxnLine, kind: TxnKind, ctx: MapContext): MapResult<QboTxnLineBody> {
  const { resolver, prefs } = ctx;
  const base = { Amount: centsToAmount(line.amountCents), ...(line.description ? { Description: line.description } : {}) };
  const classRef = ref(line.classId ? resolver.toQbo("class", line.classId) : undefined);
  const itemQboId = line.itemId ? resolver.toQbo("item", line.itemId) : undefined;

  if (kind === "invoice") {
    if (line.discount) return { ok: true, value: { ...base, DetailType: "DiscountLineDetail", DiscountLineDetail: { PercentBased: false } } };
    // No ItemRef: QBO books the line to its default "Services" item, which is what an uncoded line means.
    return {
      ok: true,
      value: {
        ...base,
        DetailType: "SalesItemLineDetail",
        SalesItemLineDetail: stripUndefined({
          ItemRef: ref(itemQboId),
          Qty: line.qty,
          UnitPrice: line.unitPrice,
          ClassRef: classRef,
          // Sent whenever known: a line without TaxCodeRef would be re-taxed by QBO's defaults.
          TaxCodeRef: ref(line.taxCode),
        }),
      },
    };
  }

  const customerRef = ref(line.customerId ? resolver.toQbo("customer", line.customerId) : undefined);
  if (itemQboId) {
    return {
      ok: true,
      value: {
        ...base,
        DetailType: "ItemBasedExpenseLineDetail",
        ItemBasedExpenseLineDetail: stripUndefined({
          ItemRef: { value: itemQboId },
          Qty: line.qty,
          UnitPrice: line.unitPrice,
          ClassRef: classRef,
          CustomerRef: customerRef,
        }),
      },
    };
  }
  // An uncoded line, or one whose account QBO does not know, books to the Unallocated Expense account.
  const accountQboId =
    (line.accountId ? resolver.toQbo("account", line.accountId) : undefined) ??
    (prefs.unallocatedExpenseAccountId ? resolver.toQbo("account", prefs.unallocatedExpenseAccountId) : undefined);
  if (!accountQboId) return { ok: false, reason: "PREFERENCES_MISSING", params: { missing: ["Unallocated Expense Account"] } };
  return {
    ok: true,
    value: {
      ...base,
      DetailType: "AccountBasedExpenseLineDetail",
      AccountBasedExpenseLineDetail: stripUndefined({ AccountRef: { value: accountQboId }, ClassRef: classRef, CustomerRef: customerRef }),
    },
  };
}

/** Full body for creating an app bill / invoice / vendor credit in QBO. */
export function appTxnToQboCreate(txn: AppTxnSnapshot, kind: TxnKind, ctx: MapContext): MapResult<QboTxnBody> {
  const partyKind = counterpartyRefKind(kind);
  const counterpartyQboId = ctx.resolver.toQbo(partyKind, txn.counterpartyId);
  const params: ReasonParams = { record: kind === "vendor_credit" ? "vendor credit" : kind, docNumber: txn.number };
  if (txn.counterpartyName) params.counterpartyName = txn.counterpartyName;
  if (!counterpartyQboId) {
    return { ok: false, reason: partyKind === "customer" ? "CUSTOMER_NOT_SYNCED" : "VENDOR_NOT_SYNCED", params };
  }
  const lines: QboTxnLineBody[] = [];
  for (const line of txn.lines) {
    const mapped = mapAppLine(line, kind, ctx);
    if (!mapped.ok) return { ok: false, reason: mapped.reason, params: { ...params, ...mapped.params } };
    lines.push(mapped.value);
  }
  const body: QboTxnBody = {
    ...(partyKind === "customer" ? { CustomerRef: { value: counterpartyQboId } } : { VendorRef: { value: counterpartyQboId } }),
    DocNumber: txn.number,
    TxnDate: txn.txnDate,
    CurrencyRef: { value: txn.currency.toUpperCase() },
    Line: lines,
  };
  if (txn.dueDate && kind !== "vendor_credit") body.DueDate = txn.dueDate;
  if (txn.memo) body.PrivateNote = txn.memo;
  if (kind === "invoice" && txn.customerMemo) body.CustomerMemo = { value: txn.customerMemo };
  // Bills and invoices: terms and location go by their QBO ids; one QBO does not know (never synced) is left out.
  if (kind !== "vendor_credit") {
    const termQboId = txn.termsId ? ctx.resolver.toQbo("term", txn.termsId) : undefined;
    if (termQboId) body.SalesTermRef = { value: termQboId };
    const departmentQboId = txn.locationId ? ctx.resolver.toQbo("department", txn.locationId) : undefined;
    if (departmentQboId) body.DepartmentRef = { value: departmentQboId };
  }
  if (kind === "invoice" && txn.txnTaxCode) body.TxnTaxDetail = { TxnTaxCodeRef: { value: txn.txnTaxCode } };
  return { ok: true, value: body };
}

/**
 * Sparse update body. Line is sent whole (QBO replaces the line list on sparse updates), so the
 * QBO record ends up exactly as the app has it.
 */
export function appTxnToQboUpdate(
  txn: AppTxnSnapshot,
  kind: TxnKind,
  target: { qboId: string; syncToken: string },
  ctx: MapContext,
): MapResult<QboTxnBody> {
  const created = appTxnToQboCreate(txn, kind, ctx);
  if (!created.ok) return created;
  // Cleared optional fields must be sent empty, or a sparse update would keep QBO's old value.
  // Refs (SalesTermRef, DepartmentRef) cannot be removed by a sparse update (Intuit support in
  // intuit/QuickBooks-V3-DotNET-SDK#113): a cleared term or location keeps QBO's old one.
  const body: QboTxnBody = {
    Id: target.qboId,
    SyncToken: target.syncToken,
    sparse: true,
    PrivateNote: "",
    ...(kind === "invoice" ? { CustomerMemo: { value: "" } } : {}),
    ...created.value,
  };
  return { ok: true, value: body };
}

function qboBillAddr(address: AppPartySnapshot["address"], blanks: boolean): QboPhysicalAddress | undefined {
  const compact = compactAddress(address);
  if (!compact && !blanks) return undefined;
  const out: QboPhysicalAddress = {};
  for (const part of ADDRESS_PARTS) {
    const value = compact?.[part];
    if (value !== undefined || blanks) out[QBO_ADDRESS_FIELD[part] as keyof QboPhysicalAddress] = value ?? "";
  }
  return out;
}

/**
 * Company name, phone, billing address and (vendors) 1099 flag and tax id. With `blanks` (a sparse
 * update) cleared fields go as empty strings, or QBO would keep its old value. The tax id is sent
 * only when the app holds one: QBO answers it masked, so the app cannot know what a blank would erase.
 */
function partyDetails(party: AppPartySnapshot, blanks: boolean): Partial<QboPartyBody> {
  const body: Partial<QboPartyBody> = {};
  const companyName = party.companyName?.trim();
  if (companyName || blanks) body.CompanyName = companyName ?? "";
  const phone = party.phone?.trim();
  if (phone || blanks) body.PrimaryPhone = { FreeFormNumber: phone ?? "" };
  const billAddr = qboBillAddr(party.address, blanks);
  if (billAddr) body.BillAddr = billAddr;
  // Vendor-only fields are present on vendor snapshots only: a Customer has no such properties.
  if (party.vendor1099 !== undefined) body.Vendor1099 = party.vendor1099;
  const taxId = party.taxId?.trim();
  if (taxId) body.TaxIdentifier = taxId;
  return body;
}

export function appPartyToQboCreate(party: AppPartySnapshot): QboPartyBody {
  const body: QboPartyBody = { DisplayName: party.displayName.trim(), Active: party.active };
  if (party.email) body.PrimaryEmailAddr = { Address: party.email };
  body.CurrencyRef = { value: party.currency.toUpperCase() };
  return { ...body, ...partyDetails(party, false) };
}

/** Sparse update; CurrencyRef is left out because QBO does not allow changing a name's currency. */
export function appPartyToQboUpdate(party: AppPartySnapshot, target: { qboId: string; syncToken: string }): QboPartyBody {
  const body: QboPartyBody = {
    Id: target.qboId,
    SyncToken: target.syncToken,
    sparse: true,
    DisplayName: party.displayName.trim(),
    Active: party.active,
  };
  if (party.email) body.PrimaryEmailAddr = { Address: party.email };
  return { ...body, ...partyDetails(party, true) };
}

export function qboDeactivateBody(target: { qboId: string; syncToken: string }): QboDeactivateBody {
  return { Id: target.qboId, SyncToken: target.syncToken, sparse: true, Active: false };
}

/* ───────────────────────── QBO → app ───────────────────────── */

/** App-side fields of a bill / invoice / vendor credit, as built from its QBO twin. */
export interface AppTxnFields {
  number: string;
  counterpartyId: string;
  txnDate: string;
  dueDate?: string;
  memo?: string;
  /** Invoices: CustomerMemo (the message on the invoice). */
  customerMemo?: string;
  termsId?: string;
  locationId?: string;
  currency: string;
  /** TotalAmt: lines − discounts + taxCents. */
  totalCents: number;
  /** Invoices: TxnTaxDetail.TotalTax in cents (0 without sales tax); absent for bills and credits. */
  taxCents?: number;
  txnTaxCode?: string;
  lines: AppTxnLine[];
}

function mapQboLine(line: QboLineSnapshot, kind: TxnKind, ctx: MapContext): AppTxnLine {
  const { resolver, prefs } = ctx;
  const out: AppTxnLine = { amountCents: line.amountCents };
  if (line.description) out.description = line.description;
  if (line.bundle) out.bundle = { ...line.bundle };
  if (kind === "invoice" && line.taxCodeQboId) out.taxCode = line.taxCodeQboId;
  if (line.detailType === "DiscountLineDetail") {
    out.discount = true;
    return out;
  }
  const classId = line.classQboId ? resolver.toLocal("class", line.classQboId) : undefined;
  if (classId) out.classId = classId;
  const customerId = line.customerQboId ? resolver.toLocal("customer", line.customerQboId) : undefined;
  if (customerId) out.customerId = customerId;
  if (line.qty !== undefined) out.qty = line.qty;
  if (line.unitPrice !== undefined) out.unitPrice = line.unitPrice;

  const itemId = line.itemQboId ? resolver.toLocal("item", line.itemQboId) : undefined;
  if (itemId) {
    out.itemId = itemId;
    return out;
  }
  const accountId = line.accountQboId ? resolver.toLocal("account", line.accountQboId) : undefined;
  const unallocated = kind === "invoice" ? prefs.unallocatedIncomeAccountId : prefs.unallocatedExpenseAccountId;
  // Unknown item or account → the line lands on the Unallocated account instead of being dropped.
  const fallback = accountId ?? unallocated;
  if (fallback) out.accountId = fallback;
  return out;
}

/** Build app fields from a QBO bill / invoice / vendor credit. Fails only when its vendor/customer isn't synced. */
export function qboTxnToAppFields(qbo: QboTxnSnapshot, kind: TxnKind, ctx: MapContext): MapResult<AppTxnFields> {
  const partyKind = counterpartyRefKind(kind);
  const counterpartyId = ctx.resolver.toLocal(partyKind, qbo.counterpartyQboId);
  if (!counterpartyId) {
    const params: ReasonParams = { record: kind === "vendor_credit" ? "vendor credit" : kind };
    if (qbo.docNumber) params.docNumber = qbo.docNumber;
    if (qbo.counterpartyName) params.counterpartyName = qbo.counterpartyName;
    Object.assign(params, qboTxnIdentity(qbo));
    return { ok: false, reason: partyKind === "customer" ? "CUSTOMER_NOT_SYNCED" : "VENDOR_NOT_SYNCED", params };
  }
  const lines = qbo.lines.map((line) => mapQboLine(line, kind, ctx));
  const fields: AppTxnFields = {
    number: qbo.docNumber ?? "",
    counterpartyId,
    txnDate: qbo.txnDate ?? qbo.lastUpdatedTime.slice(0, 10),
    currency: qbo.currency.toUpperCase(),
    totalCents: qbo.totalCents,
    lines,
  };
  if (kind === "invoice") fields.taxCents = qbo.taxCents ?? 0;
  if (qbo.dueDate) fields.dueDate = qbo.dueDate;
  if (qbo.privateNote) fields.memo = qbo.privateNote;
  if (kind === "invoice" && qbo.customerMemo) fields.customerMemo = qbo.customerMemo;
  if (kind !== "vendor_credit") {
    const termsId = qbo.salesTermQboId ? ctx.resolver.toLocal("term", qbo.salesTermQboId) : undefined;
    if (termsId) fields.termsId = termsId;
    const locationId = qbo.departmentQboId ? ctx.resolver.toLocal("department", qbo.departmentQboId) : undefined;
    if (locationId) fields.locationId = locationId;
  }
  if (kind === "invoice" && qbo.txnTaxCodeQboId) fields.txnTaxCode = qbo.txnTaxCodeQboId;
  return { ok: true, value: fields };
}

/** App-side fields of a vendor / customer, as built from its QBO twin: every synced field but the tax id. */
export interface AppPartyFields {
  displayName: string;
  email?: string;
  active: boolean;
  currency: string;
  companyName?: string;
  phone?: string;
  address?: PartyAddress;
  vendor1099?: boolean;
}

export function qboPartyToAppFields(qbo: QboPartySnapshot): AppPartyFields {
  const fields: AppPartyFields = { displayName: qbo.displayName, active: qbo.active, currency: qbo.currency.toUpperCase() };
  if (qbo.email) fields.email = qbo.email;
  if (qbo.companyName) fields.companyName = qbo.companyName;
  if (qbo.phone) fields.phone = qbo.phone;
  const address = compactAddress(qbo.address);
  if (address) fields.address = address;
  if (qbo.vendor1099 !== undefined) fields.vendor1099 = qbo.vendor1099;
  // Not the tax id: QBO returns it masked (QboPartySnapshot.maskedTaxId); the app's own is kept.
  return fields;
}

/** Sum of app lines in cents (discount lines subtract). */
export function appLinesTotalCents(lines: readonly AppTxnLine[]): number {
  return sumCents(lines.map((line) => (line.discount ? -line.amountCents : line.amountCents)));
}

/** An invoice's total: its lines (less discounts) plus its sales tax, to the cent. */
export function invoiceTotalCents(lines: readonly AppTxnLine[], taxCents: number): number {
  return sumCents([appLinesTotalCents(lines), taxCents]);
}

/** Convenience for callers holding QBO decimals. */
export { amountToCents, centsToAmount };

/** Keys whose value may be undefined become optional and are left out when undefined (QBO dislikes nulls). */
type WithoutUndefined<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

function stripUndefined<T extends object>(value: T): WithoutUndefined<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as WithoutUndefined<T>;
}

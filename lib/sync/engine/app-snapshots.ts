import { asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { billLines, bills, customers, invoiceLines, invoices, vendorCreditLines, vendorCredits, vendors } from "@/lib/db/schema";
import { appPartyContentHash, appTxnContentHash, compactAddress, type AppPartyFields, type AppPartySnapshot, type AppTxnLine, type AppTxnSnapshot, type AppTxnStatus, type PartyKind, type TxnKind } from "@/lib/sync/core";

/** A bill / invoice / credit line as stored (and as inserted: the same shape round-trips). */
export interface StoredLine {
  position: number;
  accountId: string | null;
  itemId: string | null;
  description: string | null;
  quantity: string | null;
  unitPriceCents: number | null;
  amountCents: number;
  classId: string | null;
  /** Invoice lines only: the bundle a component line belongs to (absent or null otherwise). */
  bundleKey?: string | null;
  bundleName?: string | null;
  bundleQuantity?: string | null;
  /** Invoice lines only: QBO's TaxCodeRef value. */
  taxCodeRef?: string | null;
}

/**
 * Line ↔ storage. Quantity is numeric(18,4) and unit price whole cents, so values are rounded the
 * way the database will keep them; a discount line is stored as a negative amount. Building the
 * snapshot from exactly what is stored keeps content hashes stable from one run to the next.
 */
export function lineToStored(line: AppTxnLine, position: number): StoredLine {
  return {
    position,
    accountId: line.accountId ?? null,
    itemId: line.itemId ?? null,
    description: line.description ?? null,
    quantity: line.qty === undefined ? null : line.qty.toFixed(4),
    unitPriceCents: line.unitPrice === undefined ? null : Math.round(line.unitPrice * 100),
    amountCents: line.discount ? -line.amountCents : line.amountCents,
    classId: line.classId ?? null,
    // Always set (null on ordinary lines): bulk inserts need every row to name the same columns.
    bundleKey: line.bundle?.key ?? null,
    bundleName: line.bundle?.name ?? null,
    bundleQuantity: line.bundle?.qty === undefined ? null : line.bundle.qty.toFixed(4),
    taxCodeRef: line.taxCode ?? null,
  };
}

/** A stored line without the invoice-only tax code (bill and vendor-credit lines have no such column). */
export function withoutTaxCode(line: StoredLine): StoredLine {
  const copy = { ...line };
  delete copy.taxCodeRef;
  return copy;
}

export function storedToLine(row: StoredLine): AppTxnLine {
  const line: AppTxnLine = { amountCents: Math.abs(row.amountCents) };
  if (row.amountCents < 0) line.discount = true;
  if (row.description) line.description = row.description;
  if (row.accountId) line.accountId = row.accountId;
  if (row.itemId) line.itemId = row.itemId;
  if (row.classId) line.classId = row.classId;
  if (row.quantity !== null) line.qty = Number(row.quantity);
  if (row.unitPriceCents !== null) line.unitPrice = row.unitPriceCents / 100;
  if (row.bundleKey && row.bundleName !== null && row.bundleName !== undefined) {
    line.bundle = { key: row.bundleKey, name: row.bundleName };
    if (row.bundleQuantity !== null && row.bundleQuantity !== undefined) line.bundle.qty = Number(row.bundleQuantity);
  }
  if (row.taxCodeRef) line.taxCode = row.taxCodeRef;
  return line;
}

export interface StoredTxn {
  id: string;
  number: string;
  counterpartyId: string;
  counterpartyName?: string | undefined;
  txnDate: string;
  dueDate: string | null;
  memo: string | null;
  /** Bills and invoices: terms and location; invoices: the message on the invoice. */
  termsId?: string | null;
  locationId?: string | null;
  customerMemo?: string | null;
  currency: string;
  totalCents: number;
  status: AppTxnStatus;
  updatedAt: Date;
  /** Invoices: sales tax (part of totalCents) and QBO's TxnTaxCodeRef. */
  taxCents?: number;
  txnTaxCodeRef?: string | null;
}

export function txnSnapshot(txn: StoredTxn, lines: readonly StoredLine[]): AppTxnSnapshot {
  const appLines = [...lines].sort((a, b) => a.position - b.position).map(storedToLine);
  const snapshot: AppTxnSnapshot = {
    id: txn.id,
    number: txn.number,
    counterpartyId: txn.counterpartyId,
    totalCents: txn.totalCents,
    status: txn.status,
    updatedAt: txn.updatedAt.toISOString(),
    currency: txn.currency,
    contentHash: "",
    txnDate: txn.txnDate,
    lines: appLines,
  };
  if (txn.counterpartyName) snapshot.counterpartyName = txn.counterpartyName;
  if (txn.dueDate) snapshot.dueDate = txn.dueDate;
  if (txn.memo) snapshot.memo = txn.memo;
  if (txn.customerMemo) snapshot.customerMemo = txn.customerMemo;
  if (txn.termsId) snapshot.termsId = txn.termsId;
  if (txn.locationId) snapshot.locationId = txn.locationId;
  if (txn.taxCents) snapshot.taxCents = txn.taxCents;
  if (txn.txnTaxCodeRef) snapshot.txnTaxCode = txn.txnTaxCodeRef;
  snapshot.contentHash = appTxnContentHash(snapshot);
  return snapshot;
}

export function billStatusToApp(status: string): AppTxnStatus {
  if (status === "voided" || status === "paid" || status === "partially_paid") return status;
  return "open";
}

function groupLines<T extends StoredLine & { parentId: string }>(rows: readonly T[]): Map<string, StoredLine[]> {
  const byParent = new Map<string, StoredLine[]>();
  for (const row of rows) {
    const list = byParent.get(row.parentId) ?? [];
    list.push(row);
    byParent.set(row.parentId, list);
  }
  return byParent;
}

const lineColumns = <T extends typeof billLines | typeof invoiceLines | typeof vendorCreditLines>(t: T) => ({
  position: t.position,
  accountId: t.accountId,
  itemId: t.itemId,
  description: t.description,
  quantity: t.quantity,
  unitPriceCents: t.unitPriceCents,
  amountCents: t.amountCents,
  classId: t.classId,
});

/** Every app bill, invoice or vendor credit of the organisation, as the planner sees it. */
export async function loadAppTxns(db: Db, organizationId: string, kind: TxnKind): Promise<AppTxnSnapshot[]> {
  if (kind === "bill") {
    const rows = await db
      .select({ bill: bills, vendorName: vendors.displayName })
      .from(bills)
      .innerJoin(vendors, eq(vendors.id, bills.vendorId))
      .where(eq(bills.organizationId, organizationId));
    const lines = groupLines(
      await db
        .select({ ...lineColumns(billLines), parentId: billLines.billId })
        .from(billLines)
        .where(eq(billLines.organizationId, organizationId))
        .orderBy(asc(billLines.position)),
    );
    return rows.map(({ bill, vendorName }) =>
      txnSnapshot(
        {
          id: bill.id,
          number: bill.billNumber,
          counterpartyId: bill.vendorId,
          counterpartyName: vendorName,
          txnDate: bill.billDate,
          dueDate: bill.dueDate,
          memo: bill.memo,
          termsId: bill.termsId,
          locationId: bill.locationId,
          currency: bill.currency,
          totalCents: bill.totalCents,
          status: bill.voidedAt ? "voided" : billStatusToApp(bill.status),
          updatedAt: bill.updatedAt,
        },
        lines.get(bill.id) ?? [],
      ),
    );
  }
  if (kind === "invoice") {
    const rows = await db
      .select({ invoice: invoices, customerName: customers.displayName })
      .from(invoices)
      .innerJoin(customers, eq(customers.id, invoices.customerId))
      .where(eq(invoices.organizationId, organizationId));
    const lines = groupLines(
      await db
        .select({
          ...lineColumns(invoiceLines),
          bundleKey: invoiceLines.bundleKey,
          bundleName: invoiceLines.bundleName,
          bundleQuantity: invoiceLines.bundleQuantity,
          taxCodeRef: invoiceLines.taxCodeRef,
          parentId: invoiceLines.invoiceId,
        })
        .from(invoiceLines)
        .where(eq(invoiceLines.organizationId, organizationId)),
    );
    return rows.map(({ invoice, customerName }) =>
      txnSnapshot(
        {
          id: invoice.id,
          number: invoice.invoiceNumber,
          counterpartyId: invoice.customerId,
          counterpartyName: customerName,
          txnDate: invoice.invoiceDate,
          dueDate: invoice.dueDate,
          memo: invoice.memo,
          customerMemo: invoice.customerMemo,
          termsId: invoice.termsId,
          locationId: invoice.locationId,
          currency: invoice.currency,
          totalCents: invoice.totalCents,
          status: invoice.voidedAt ? "voided" : billStatusToApp(invoice.status),
          updatedAt: invoice.updatedAt,
          taxCents: invoice.taxCents,
          txnTaxCodeRef: invoice.txnTaxCodeRef,
        },
        lines.get(invoice.id) ?? [],
      ),
    );
  }
  const rows = await db
    .select({ credit: vendorCredits, vendorName: vendors.displayName })
    .from(vendorCredits)
    .innerJoin(vendors, eq(vendors.id, vendorCredits.vendorId))
    .where(eq(vendorCredits.organizationId, organizationId));
  const lines = groupLines(
    await db
      .select({ ...lineColumns(vendorCreditLines), parentId: vendorCreditLines.vendorCreditId })
      .from(vendorCreditLines)
      .where(eq(vendorCreditLines.organizationId, organizationId)),
  );
  return rows.map(({ credit, vendorName }) =>
    txnSnapshot(
      {
        id: credit.id,
        number: credit.creditNumber,
        counterpartyId: credit.vendorId,
        counterpartyName: vendorName,
        txnDate: credit.creditDate,
        dueDate: null,
        memo: credit.memo,
        currency: credit.currency,
        totalCents: credit.totalCents,
        status: credit.voidedAt ? "voided" : "open",
        updatedAt: credit.updatedAt,
      },
      lines.get(credit.id) ?? [],
    ),
  );
}

export interface StoredParty {
  id: string;
  displayName: string;
  email: string | null;
  active: boolean;
  currency: string;
  companyName: string | null;
  phone: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  addressCity: string | null;
  addressRegion: string | null;
  addressPostalCode: string | null;
  addressCountry: string | null;
  /** Vendors only: absent on a customer row. */
  vendor1099?: boolean;
  taxId?: string | null;
}

export function partySnapshot(row: StoredParty): AppPartySnapshot {
  const snapshot: AppPartySnapshot = { id: row.id, displayName: row.displayName, active: row.active, currency: row.currency, contentHash: "" };
  if (row.email) snapshot.email = row.email;
  if (row.companyName) snapshot.companyName = row.companyName;
  if (row.phone) snapshot.phone = row.phone;
  const address = compactAddress({
    line1: row.addressLine1,
    line2: row.addressLine2,
    city: row.addressCity,
    region: row.addressRegion,
    postalCode: row.addressPostalCode,
    country: row.addressCountry,
  });
  if (address) snapshot.address = address;
  if (row.vendor1099 !== undefined) snapshot.vendor1099 = row.vendor1099;
  if (row.taxId) snapshot.taxId = row.taxId;
  snapshot.contentHash = appPartyContentHash(snapshot);
  return snapshot;
}

/**
 * The columns a QBO name writes into its app twin: every synced field but the tax id, which QBO
 * only returns masked (the app's own is kept). A customer has no 1099 column.
 */
export function partyColumnsFromQbo(kind: PartyKind, fields: AppPartyFields) {
  const address = fields.address ?? {};
  const columns = {
    displayName: fields.displayName,
    email: fields.email ?? null,
    active: fields.active,
    currency: fields.currency,
    companyName: fields.companyName ?? null,
    phone: fields.phone ?? null,
    addressLine1: address.line1 ?? null,
    addressLine2: address.line2 ?? null,
    addressCity: address.city ?? null,
    addressRegion: address.region ?? null,
    addressPostalCode: address.postalCode ?? null,
    addressCountry: address.country ?? null,
  };
  return kind === "vendor" ? { ...columns, vendor1099: fields.vendor1099 ?? false } : columns;
}

const PARTY_COLUMNS = {
  id: vendors.id,
  displayName: vendors.displayName,
  email: vendors.email,
  active: vendors.active,
  currency: vendors.currency,
  companyName: vendors.companyName,
  phone: vendors.phone,
  addressLine1: vendors.addressLine1,
  addressLine2: vendors.addressLine2,
  addressCity: vendors.addressCity,
  addressRegion: vendors.addressRegion,
  addressPostalCode: vendors.addressPostalCode,
  addressCountry: vendors.addressCountry,
};

export async function loadAppParties(db: Db, organizationId: string, kind: PartyKind): Promise<AppPartySnapshot[]> {
  if (kind === "vendor") {
    const rows = await db
      .select({ ...PARTY_COLUMNS, vendor1099: vendors.vendor1099, taxId: vendors.taxId })
      .from(vendors)
      .where(eq(vendors.organizationId, organizationId));
    return rows.map(partySnapshot);
  }
  const rows = await db
    .select({
      id: customers.id,
      displayName: customers.displayName,
      email: customers.email,
      active: customers.active,
      currency: customers.currency,
      companyName: customers.companyName,
      phone: customers.phone,
      addressLine1: customers.addressLine1,
      addressLine2: customers.addressLine2,
      addressCity: customers.addressCity,
      addressRegion: customers.addressRegion,
      addressPostalCode: customers.addressPostalCode,
      addressCountry: customers.addressCountry,
    })
    .from(customers)
    .where(eq(customers.organizationId, organizationId));
  return rows.map(partySnapshot);
}

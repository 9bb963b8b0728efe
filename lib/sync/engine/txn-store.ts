import { and, eq, inArray, isNull } from "drizzle-orm";
import { summarizeBill, summarizeInvoice } from "@/lib/ap";
import { refreshBillStatus } from "@/lib/bills/refresh-bill-status";
import { bulkInsert } from "@/lib/db/bulk-insert";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import type { Tx } from "@/lib/db/connection";
import { billLines, bills, invoiceLines, invoices, vendorCreditLines, vendorCredits } from "@/lib/db/schema";
import { refreshInvoiceStatus } from "@/lib/invoices/refresh-status";
import type { AppTxnFields, TxnKind } from "@/lib/sync/core";
import { lineToStored, txnSnapshot, withoutTaxCode, type StoredLine } from "@/lib/sync/engine/app-snapshots";

/**
 * Writes of QBO bills / invoices / vendor credits into the app tables. Returns the content hash of
 * the app record as stored, for the mapping (built from exactly what was written).
 */

export interface NewTxn {
  id: string;
  qboId: string;
  fields: AppTxnFields;
}

function storedLines(fields: AppTxnFields, kind: TxnKind = "invoice"): StoredLine[] {
  const lines = fields.lines.map((line, index) => lineToStored(line, index + 1));
  // Tax codes and bundles are sales-form lines: bills and vendor credits have neither column.
  return kind === "invoice" ? lines : lines.map((line) => withoutBundle(withoutTaxCode(line)));
}

/** Terms and location of a bill or invoice as imported from QBO. */
function headerRefs(fields: AppTxnFields) {
  return { termsId: fields.termsId ?? null, locationId: fields.locationId ?? null };
}

/** The invoice's tax columns as imported from QBO. */
function taxValues(fields: AppTxnFields) {
  return { taxCents: fields.taxCents ?? 0, txnTaxCodeRef: fields.txnTaxCode ?? null };
}

/** Bill and vendor credit lines have no bundle columns (bundles are sales-form lines). */
function withoutBundle<T extends StoredLine>(line: T): T {
  const copy = { ...line };
  delete copy.bundleKey;
  delete copy.bundleName;
  delete copy.bundleQuantity;
  return copy;
}

export function hashOf(id: string, fields: AppTxnFields, status: "open" | "voided" = "open"): string {
  return txnSnapshot(
    {
      id,
      number: fields.number,
      counterpartyId: fields.counterpartyId,
      txnDate: fields.txnDate,
      dueDate: fields.dueDate ?? fields.txnDate,
      memo: fields.memo ?? null,
      customerMemo: fields.customerMemo ?? null,
      termsId: fields.termsId ?? null,
      locationId: fields.locationId ?? null,
      currency: fields.currency,
      totalCents: fields.totalCents,
      status,
      updatedAt: new Date(0),
      taxCents: fields.taxCents ?? 0,
      txnTaxCodeRef: fields.txnTaxCode ?? null,
    },
    storedLines(fields),
  ).contentHash;
}

/**
 * Bulk insert of imported records (status and open balance derived by lib/ap: no payments yet).
 * QBO repeats numbers when its duplicate-number check is off; the app's unique indexes do not
 * (one live bill / credit per vendor and number, one live invoice per number). A record whose number
 * is taken — by an app record, an earlier one of this batch or a save at the same moment — is left
 * out (`on conflict do nothing`) and returned, so the caller records it as a sync issue instead of
 * the statement failing the run.
 */
export async function insertTxns(tx: Tx, organizationId: string, kind: TxnKind, candidates: readonly NewTxn[]): Promise<NewTxn[]> {
  if (candidates.length === 0) return [];
  const table = kind === "bill" ? bills : kind === "invoice" ? invoices : vendorCredits;
  await insertHeaders(tx, organizationId, kind, candidates);
  const present = new Set<string>();
  for (let start = 0; start < candidates.length; start += 5000) {
    const ids = candidates.slice(start, start + 5000).map((n) => n.id);
    const rows = await tx.select({ id: table.id }).from(table).where(and(eq(table.organizationId, organizationId), inArray(table.id, ids)));
    for (const row of rows) present.add(row.id);
  }
  const news = candidates.filter((n) => present.has(n.id));
  const lineRows = news.flatMap(({ id, fields }) => storedLines(fields, kind).map((line) => ({ ...line, organizationId, parentId: id })));
  if (kind === "bill") await bulkInsert(tx, billLines, lineRows.map(({ parentId, ...line }) => ({ ...line, billId: parentId })));
  else if (kind === "invoice") await bulkInsert(tx, invoiceLines, lineRows.map(({ parentId, ...line }) => ({ ...line, invoiceId: parentId })));
  else await bulkInsert(tx, vendorCreditLines, lineRows.map(({ parentId, ...line }) => ({ ...line, vendorCreditId: parentId })));
  return candidates.filter((n) => !present.has(n.id));
}

async function insertHeaders(tx: Tx, organizationId: string, kind: TxnKind, news: readonly NewTxn[]): Promise<void> {
  const onConflict = { onConflict: "do-nothing" } as const;
  if (kind === "bill") {
    await bulkInsert(
      tx,
      bills,
      news.map(({ id, qboId, fields }) => {
        const summary = summarizeBill({ totalCents: fields.totalCents, payments: [] });
        return {
          id,
          organizationId,
          vendorId: fields.counterpartyId,
          billNumber: fields.number,
          billDate: fields.txnDate,
          dueDate: fields.dueDate ?? fields.txnDate,
          ...headerRefs(fields),
          currency: fields.currency,
          memo: fields.memo ?? null,
          totalCents: fields.totalCents,
          openBalanceCents: summary.openBalanceCents,
          status: summary.status,
          qboId,
        };
      }),
      onConflict,
    );
  } else if (kind === "invoice") {
    await bulkInsert(
      tx,
      invoices,
      news.map(({ id, qboId, fields }) => {
        const summary = summarizeInvoice({ totalCents: fields.totalCents, payments: [] });
        return {
          id,
          organizationId,
          customerId: fields.counterpartyId,
          invoiceNumber: fields.number,
          invoiceDate: fields.txnDate,
          dueDate: fields.dueDate ?? fields.txnDate,
          ...headerRefs(fields),
          currency: fields.currency,
          memo: fields.memo ?? null,
          customerMemo: fields.customerMemo ?? null,
          totalCents: fields.totalCents,
          ...taxValues(fields),
          openBalanceCents: summary.openBalanceCents,
          status: summary.status,
          qboId,
        };
      }),
      onConflict,
    );
  } else {
    await bulkInsert(
      tx,
      vendorCredits,
      news.map(({ id, qboId, fields }) => ({
        id,
        organizationId,
        vendorId: fields.counterpartyId,
        creditNumber: fields.number,
        creditDate: fields.txnDate,
        currency: fields.currency,
        memo: fields.memo ?? null,
        totalCents: fields.totalCents,
        balanceCents: fields.totalCents,
        qboId,
      })),
      onConflict,
    );
  }
}

/** Replaces an app record's synced fields and lines with QBO's, then re-derives its status. */
/** The QBO id shown on an app bill / invoice / credit (set when it is linked to its twin). */
export async function setTxnQboId(tx: Tx, organizationId: string, kind: TxnKind, id: string, qboId: string): Promise<void> {
  const table = kind === "bill" ? bills : kind === "invoice" ? invoices : vendorCredits;
  await tx.update(table).set({ qboId }).where(and(eq(table.organizationId, organizationId), eq(table.id, id)));
}

export async function updateTxn(tx: Tx, organizationId: string, kind: TxnKind, id: string, fields: AppTxnFields): Promise<void> {
  const lines = storedLines(fields, kind).map((line) => ({ ...line, organizationId }));
  if (kind === "bill") {
    await tx
      .update(bills)
      .set({ vendorId: fields.counterpartyId, billNumber: fields.number, billDate: fields.txnDate, dueDate: fields.dueDate ?? fields.txnDate, ...headerRefs(fields), currency: fields.currency, memo: fields.memo ?? null, totalCents: fields.totalCents })
      .where(and(eq(bills.organizationId, organizationId), eq(bills.id, id)));
    await tx.delete(billLines).where(and(eq(billLines.organizationId, organizationId), eq(billLines.billId, id)));
    if (lines.length > 0) await tx.insert(billLines).values(lines.map((line) => ({ ...line, billId: id })));
  } else if (kind === "invoice") {
    await tx
      .update(invoices)
      .set({ customerId: fields.counterpartyId, invoiceNumber: fields.number, invoiceDate: fields.txnDate, dueDate: fields.dueDate ?? fields.txnDate, ...headerRefs(fields), currency: fields.currency, memo: fields.memo ?? null, customerMemo: fields.customerMemo ?? null, totalCents: fields.totalCents, ...taxValues(fields) })
      .where(and(eq(invoices.organizationId, organizationId), eq(invoices.id, id)));
    await tx.delete(invoiceLines).where(and(eq(invoiceLines.organizationId, organizationId), eq(invoiceLines.invoiceId, id)));
    if (lines.length > 0) await tx.insert(invoiceLines).values(lines.map((line) => ({ ...line, invoiceId: id })));
  } else {
    await tx
      .update(vendorCredits)
      .set({ vendorId: fields.counterpartyId, creditNumber: fields.number, creditDate: fields.txnDate, currency: fields.currency, memo: fields.memo ?? null, totalCents: fields.totalCents })
      .where(and(eq(vendorCredits.organizationId, organizationId), eq(vendorCredits.id, id)));
    await tx.delete(vendorCreditLines).where(and(eq(vendorCreditLines.organizationId, organizationId), eq(vendorCreditLines.vendorCreditId, id)));
    if (lines.length > 0) await tx.insert(vendorCreditLines).values(lines.map((line) => ({ ...line, vendorCreditId: id })));
  }
  await refreshStatus(tx, organizationId, kind, id);
}

/** The unique index on each kind's number (lib/db/schema/ledger.ts). */
const NUMBER_INDEX: Record<TxnKind, string> = {
  bill: "bills_vendor_number_key",
  invoice: "invoices_org_number_key",
  vendor_credit: "vendor_credits_vendor_number_key",
};

/**
 * `updateTxn` in a savepoint: false, with nothing changed, when QBO's new number is one another live
 * app record holds (QBO lets numbers repeat; see insertTxns). The run's transaction goes on.
 */
export async function updateTxnUnlessNumberTaken(tx: Tx, organizationId: string, kind: TxnKind, id: string, fields: AppTxnFields): Promise<boolean> {
  try {
    await tx.transaction((savepoint) => updateTxn(savepoint, organizationId, kind, id, fields));
    return true;
  } catch (error) {
    if (isUniqueViolation(error, NUMBER_INDEX[kind])) return false;
    throw error;
  }
}

/** Voids an app record because QBO deleted or voided it (bills have no delete in the app). */
export async function voidTxn(tx: Tx, organizationId: string, kind: TxnKind, id: string, at: Date): Promise<boolean> {
  const table = kind === "bill" ? bills : kind === "invoice" ? invoices : vendorCredits;
  const updated = await tx
    .update(table)
    .set({ voidedAt: at })
    .where(and(eq(table.organizationId, organizationId), eq(table.id, id), isNull(table.voidedAt)))
    .returning({ id: table.id });
  await refreshStatus(tx, organizationId, kind, id);
  return updated.length > 0;
}

export async function refreshStatus(tx: Tx, organizationId: string, kind: TxnKind, id: string): Promise<void> {
  if (kind === "bill") await refreshBillStatus(tx, organizationId, id);
  else if (kind === "invoice") await refreshInvoiceStatus(tx, organizationId, id);
}

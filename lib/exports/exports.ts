/**
 * What each CSV export holds: its columns and how its rows are read. List exports read keyset pages
 * ordered by (date, id), filtered exactly like their page (the page's own query parser and filter);
 * reports are built by their pure core first (they already sum everything) and written in chunks.
 */
import { and, asc, eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { AGING_BUCKET_LABELS, AGING_BUCKETS, type AgingReport } from "@/lib/ap";
import { billListFilter } from "@/lib/bills/bill-queries";
import { listToday } from "@/lib/lists/list-filters";
import { parseBillListQuery } from "@/lib/bills/list-query";
import { businessToday } from "@/lib/bills/today";
import type { Db } from "@/lib/db/connection";
import { billPayments, bills, customers, invoices, receivedPayments, syncIssues, vendors } from "@/lib/db/schema";
import { invoiceListFilter } from "@/lib/invoices/queries";
import { parseInvoiceListQuery } from "@/lib/invoices/list-query";
import type { OrgMembership } from "@/lib/orgs/organizations";
import { billPaymentListFilter, paymentListQuerySchema, selectBillPayments } from "@/lib/payments/payment-queries";
import { parseReceivedPaymentListQuery } from "@/lib/received-payments/list-query";
import { receivedPaymentListFilter } from "@/lib/received-payments/queries";
import { loadApAging, loadArAging } from "@/lib/reports/aging";
import { loadFundsTransferReport } from "@/lib/reports/funds-transfers";
import { parseAsOf, parseDateRange } from "@/lib/reports/report-params";
import { describeReason, isReasonCode } from "@/lib/sync/core/reasons";
import { syncIssueConditions } from "@/lib/sync/history";
import { parseIssueListQuery } from "@/lib/sync/issue-list-query";
import { csvAmount, csvStream, keysetPages, type CsvColumn } from "./csv";

export const EXPORT_PAGE_SIZE = 1_000;

export const EXPORT_KINDS = ["bills", "invoices", "payments", "received-payments", "ap-aging", "ar-aging", "funds-transfers", "sync-issues"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export function isExportKind(value: string): value is ExportKind {
  return (EXPORT_KINDS as readonly string[]).includes(value);
}

type SearchParams = Record<string, string | string[] | undefined>;
type Cursor = { date: string; id: string };
type IssueCursor = { objectType: string; id: string };

/** Rows strictly after the cursor in (date, id) order. */
function after(date: AnyColumn, id: AnyColumn, cursor: Cursor | null): SQL | undefined {
  return cursor ? sql`(${date}, ${id}) > (${cursor.date}, ${cursor.id})` : undefined;
}

function billRows(db: Db, organizationId: string, params: SearchParams) {
  const query = parseBillListQuery(params);
  // The due filters count from the organisation's business day, read once for the whole export.
  const filter = listToday(db, organizationId, query).then((today) => billListFilter(organizationId, query, today));
  return keysetPages(
    async (cursor: Cursor | null, limit) =>
      db
        .select({
          id: bills.id,
          billNumber: bills.billNumber,
          vendorName: vendors.displayName,
          billDate: bills.billDate,
          dueDate: bills.dueDate,
          currency: bills.currency,
          totalCents: bills.totalCents,
          openBalanceCents: bills.openBalanceCents,
          status: bills.status,
          qboId: bills.qboId,
        })
        .from(bills)
        .innerJoin(vendors, and(eq(vendors.id, bills.vendorId), eq(vendors.organizationId, organizationId)))
        .where(and(await filter, after(bills.billDate, bills.id, cursor)))
        .orderBy(asc(bills.billDate), asc(bills.id))
        .limit(limit),
    (row) => ({ date: row.billDate, id: row.id }),
    EXPORT_PAGE_SIZE,
  );
}
type BillRow = PageRow<ReturnType<typeof billRows>>;

const billColumns: CsvColumn<BillRow>[] = [
  { header: "Bill number", value: (row) => row.billNumber },
  { header: "Vendor", value: (row) => row.vendorName },
  { header: "Bill date", value: (row) => row.billDate },
  { header: "Due date", value: (row) => row.dueDate },
  { header: "Currency", value: (row) => row.currency },
  { header: "Total", value: (row) => csvAmount(row.totalCents) },
  { header: "Open balance", value: (row) => csvAmount(row.openBalanceCents) },
  { header: "Status", value: (row) => row.status },
  { header: "QuickBooks id", value: (row) => row.qboId },
];

function invoiceRows(db: Db, organizationId: string, params: SearchParams) {
  const query = parseInvoiceListQuery(params);
  const filter = listToday(db, organizationId, query).then((today) => invoiceListFilter(organizationId, query, today));
  return keysetPages(
    async (cursor: Cursor | null, limit) =>
      db
        .select({
          id: invoices.id,
          invoiceNumber: invoices.invoiceNumber,
          customerName: customers.displayName,
          invoiceDate: invoices.invoiceDate,
          dueDate: invoices.dueDate,
          currency: invoices.currency,
          totalCents: invoices.totalCents,
          openBalanceCents: invoices.openBalanceCents,
          status: invoices.status,
          qboId: invoices.qboId,
        })
        .from(invoices)
        .innerJoin(customers, and(eq(customers.id, invoices.customerId), eq(customers.organizationId, invoices.organizationId)))
        .where(and(await filter, after(invoices.invoiceDate, invoices.id, cursor)))
        .orderBy(asc(invoices.invoiceDate), asc(invoices.id))
        .limit(limit),
    (row) => ({ date: row.invoiceDate, id: row.id }),
    EXPORT_PAGE_SIZE,
  );
}
type InvoiceRow = PageRow<ReturnType<typeof invoiceRows>>;

const invoiceColumns: CsvColumn<InvoiceRow>[] = [
  { header: "Invoice number", value: (row) => row.invoiceNumber },
  { header: "Customer", value: (row) => row.customerName },
  { header: "Invoice date", value: (row) => row.invoiceDate },
  { header: "Due date", value: (row) => row.dueDate },
  { header: "Currency", value: (row) => row.currency },
  { header: "Total", value: (row) => csvAmount(row.totalCents) },
  { header: "Open balance", value: (row) => csvAmount(row.openBalanceCents) },
  { header: "Status", value: (row) => row.status },
  { header: "QuickBooks id", value: (row) => row.qboId },
];

function paymentRows(db: Db, organizationId: string, params: SearchParams) {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const where = billPaymentListFilter(organizationId, paymentListQuerySchema.parse({ status: first(params.status), page: 1 }));
  return keysetPages(
    (cursor: Cursor | null, limit) =>
      selectBillPayments(db)
        .where(and(where, after(billPayments.processDate, billPayments.id, cursor)))
        .orderBy(asc(billPayments.processDate), asc(billPayments.id))
        .limit(limit),
    (row) => ({ date: row.processDate, id: row.id }),
    EXPORT_PAGE_SIZE,
  );
}
type PaymentRow = PageRow<ReturnType<typeof paymentRows>>;

const paymentColumns: CsvColumn<PaymentRow>[] = [
  { header: "Process date", value: (row) => row.processDate },
  { header: "Paid date", value: (row) => row.paidDate },
  { header: "Vendor", value: (row) => row.vendorName },
  { header: "Bill number", value: (row) => row.billNumber },
  { header: "Kind", value: (row) => row.kind },
  { header: "Status", value: (row) => row.status },
  { header: "Currency", value: (row) => row.currency },
  { header: "Amount", value: (row) => csvAmount(row.amountCents) },
  { header: "Bank account", value: (row) => row.bankAccountName },
  { header: "Reference", value: (row) => row.reference },
];

function receivedPaymentRows(db: Db, organizationId: string, params: SearchParams) {
  const where = receivedPaymentListFilter(organizationId, parseReceivedPaymentListQuery(params));
  return keysetPages(
    (cursor: Cursor | null, limit) =>
      db
        .select({
          id: receivedPayments.id,
          receivedDate: receivedPayments.receivedDate,
          customerName: customers.displayName,
          invoiceNumber: invoices.invoiceNumber,
          kind: receivedPayments.kind,
          status: receivedPayments.status,
          currency: invoices.currency,
          amountCents: receivedPayments.amountCents,
          reference: receivedPayments.reference,
          qboId: receivedPayments.qboId,
        })
        .from(receivedPayments)
        .innerJoin(customers, and(eq(customers.id, receivedPayments.customerId), eq(customers.organizationId, receivedPayments.organizationId)))
        .innerJoin(invoices, and(eq(invoices.id, receivedPayments.invoiceId), eq(invoices.organizationId, receivedPayments.organizationId)))
        .where(and(where, after(receivedPayments.receivedDate, receivedPayments.id, cursor)))
        .orderBy(asc(receivedPayments.receivedDate), asc(receivedPayments.id))
        .limit(limit),
    (row) => ({ date: row.receivedDate, id: row.id }),
    EXPORT_PAGE_SIZE,
  );
}
type ReceivedPaymentRow = PageRow<ReturnType<typeof receivedPaymentRows>>;

const receivedPaymentColumns: CsvColumn<ReceivedPaymentRow>[] = [
  { header: "Received date", value: (row) => row.receivedDate },
  { header: "Customer", value: (row) => row.customerName },
  { header: "Invoice number", value: (row) => row.invoiceNumber },
  { header: "Kind", value: (row) => row.kind },
  { header: "Status", value: (row) => row.status },
  { header: "Currency", value: (row) => row.currency },
  { header: "Amount", value: (row) => csvAmount(row.amountCents) },
  { header: "Reference", value: (row) => row.reference },
  { header: "QuickBooks id", value: (row) => row.qboId },
];

/** A report already in memory (built by its pure core), handed out in export-sized chunks. */
async function* chunks<Row>(load: () => Promise<readonly Row[]>): AsyncGenerator<Row[]> {
  const rows = await load();
  for (let start = 0; start < rows.length; start += EXPORT_PAGE_SIZE) yield rows.slice(start, start + EXPORT_PAGE_SIZE);
}

type AgingRow = AgingReport["rows"][number] | { total: AgingReport };
function agingColumns(party: string): CsvColumn<AgingRow>[] {
  return [
    { header: party, value: (row) => ("total" in row ? "Total" : row.partyName) },
    ...AGING_BUCKETS.map((bucket) => ({
      header: bucket === "current" ? "Current" : `${AGING_BUCKET_LABELS[bucket]} days`,
      value: (row: AgingRow) => csvAmount("total" in row ? row.total.totals[bucket] : row.buckets[bucket]),
    })),
    { header: "Total", value: (row) => csvAmount("total" in row ? row.total.totalCents : row.totalCents) },
  ];
}

function agingRows(load: () => Promise<AgingReport>) {
  return chunks<AgingRow>(async () => {
    const report = await load();
    return [...report.rows, { total: report }];
  });
}

type TransferRow = {
  transferDate: string | null;
  direction: string;
  bankAccountName: string | null;
  transferAmountCents: number | null;
  transferQboId: string | null;
  paymentDate: string | null;
  partyName: string | null;
  documentNumber: string | null;
  paymentAmountCents: number | null;
};

const transferColumns: CsvColumn<TransferRow>[] = [
  { header: "Transfer date", value: (row) => row.transferDate },
  { header: "Direction", value: (row) => row.direction },
  { header: "Bank account", value: (row) => row.bankAccountName },
  { header: "Transfer amount", value: (row) => (row.transferAmountCents === null ? null : csvAmount(row.transferAmountCents)) },
  { header: "Transfer QuickBooks id", value: (row) => row.transferQboId },
  { header: "Payment date", value: (row) => row.paymentDate },
  { header: "Vendor or customer", value: (row) => row.partyName },
  { header: "Bill or invoice", value: (row) => row.documentNumber },
  { header: "Payment amount", value: (row) => (row.paymentAmountCents === null ? null : csvAmount(row.paymentAmountCents)) },
];

function transferRows(db: Db, organizationId: string, params: SearchParams) {
  return chunks<TransferRow>(async () => {
    const report = await loadFundsTransferReport(db, organizationId, parseDateRange(params));
    const rows: TransferRow[] = [];
    for (const section of report.sections) {
      const transfer = {
        transferDate: section.transfer.transferDate,
        direction: section.transfer.direction,
        bankAccountName: section.transfer.bankAccountName ?? null,
        transferAmountCents: section.transfer.amountCents,
        transferQboId: section.transfer.qboId,
      };
      if (section.payments.length === 0) rows.push({ ...transfer, paymentDate: null, partyName: null, documentNumber: null, paymentAmountCents: null });
      for (const payment of section.payments) {
        rows.push({ ...transfer, paymentDate: payment.date, partyName: payment.partyName, documentNumber: payment.documentNumber, paymentAmountCents: payment.amountCents });
      }
    }
    for (const payment of report.unassignedPayments) {
      rows.push({
        transferDate: null,
        direction: payment.direction,
        bankAccountName: null,
        transferAmountCents: null,
        transferQboId: null,
        paymentDate: payment.date,
        partyName: payment.partyName,
        documentNumber: payment.documentNumber,
        paymentAmountCents: payment.amountCents,
      });
    }
    return rows;
  });
}

function issueRows(db: Db, organizationId: string, params: SearchParams) {
  const query = parseIssueListQuery(params);
  const { filtered } = syncIssueConditions(organizationId, { reason: query.reason, objectType: query.type, group: query.group, q: query.q || undefined });
  return keysetPages(
    (cursor: IssueCursor | null, limit) =>
      db
        .select({
          id: syncIssues.id,
          objectType: syncIssues.objectType,
          label: syncIssues.label,
          qboId: syncIssues.qboId,
          reasonCode: syncIssues.reasonCode,
          severity: syncIssues.severity,
          detail: syncIssues.detail,
          params: syncIssues.params,
          createdAt: syncIssues.createdAt,
          updatedAt: syncIssues.updatedAt,
        })
        .from(syncIssues)
        // Keyset on (type, id): exact text and uuid keys (a timestamp cursor would lose microseconds).
        .where(and(filtered, cursor ? sql`(${syncIssues.objectType}, ${syncIssues.id}) > (${cursor.objectType}, ${cursor.id})` : undefined))
        .orderBy(asc(syncIssues.objectType), asc(syncIssues.id))
        .limit(limit),
    (row) => ({ objectType: row.objectType, id: row.id }),
    EXPORT_PAGE_SIZE,
  );
}
type IssueRow = PageRow<ReturnType<typeof issueRows>>;

const issueColumns: CsvColumn<IssueRow>[] = [
  { header: "Record type", value: (row) => row.objectType },
  { header: "Record", value: (row) => row.label },
  { header: "QuickBooks id", value: (row) => row.qboId },
  { header: "Reason", value: (row) => (isReasonCode(row.reasonCode) ? describeReason(row.reasonCode, row.params).title : row.reasonCode) },
  { header: "Reason code", value: (row) => row.reasonCode },
  { header: "Severity", value: (row) => row.severity },
  { header: "Detail", value: (row) => row.detail },
  { header: "First seen", value: (row) => row.createdAt.toISOString() },
  { header: "Last seen", value: (row) => row.updatedAt.toISOString() },
];

type PageRow<G> = G extends AsyncGenerator<readonly (infer R)[]> ? R : never;

/** The CSV bytes of one export for one organisation, read lazily as the response is sent. */
export function exportCsv(db: Db, org: OrgMembership, kind: ExportKind, params: SearchParams): ReadableStream<Uint8Array> {
  const id = org.organizationId;
  switch (kind) {
    case "bills":
      return csvStream(billColumns, billRows(db, id, params));
    case "invoices":
      return csvStream(invoiceColumns, invoiceRows(db, id, params));
    case "payments":
      return csvStream(paymentColumns, paymentRows(db, id, params));
    case "received-payments":
      return csvStream(receivedPaymentColumns, receivedPaymentRows(db, id, params));
    case "ap-aging":
      return csvStream(agingColumns("Vendor"), agingRows(() => loadApAging(db, id, parseAsOf(params, businessToday(org.timeZone)))));
    case "ar-aging":
      return csvStream(agingColumns("Customer"), agingRows(() => loadArAging(db, id, parseAsOf(params, businessToday(org.timeZone)))));
    case "funds-transfers":
      return csvStream(transferColumns, transferRows(db, id, params));
    case "sync-issues":
      return csvStream(issueColumns, issueRows(db, id, params));
  }
}

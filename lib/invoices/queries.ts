/** Reading invoices: the paginated list and one invoice with its lines and payments. Org-scoped. */
import { and, asc, count, desc, eq, ilike, inArray, or, sql, sum, type SQL } from "drizzle-orm";
import { INVOICE_STATUS_LABELS } from "@/lib/ap";
import { csvAmount } from "@/lib/exports/csv";
import { toCsv } from "@/lib/lists/csv";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/connection";
import { accounts, classes, customers, invoiceLines, invoices, items, locations, receivedPayments, terms } from "@/lib/db/schema";
import { documentListFilters, listToday } from "@/lib/lists/list-filters";
import type { InvoiceListQuery, InvoiceSort } from "./list-query";

export const INVOICE_PAGE_SIZE = 25;

export type InvoiceListRow = {
  id: string;
  invoiceNumber: string;
  invoiceDate: string;
  dueDate: string;
  customerId: string;
  customerName: string;
  totalCents: number;
  openBalanceCents: number;
  status: (typeof invoices.$inferSelect)["status"];
  currency: string;
  qboId: string | null;
};

export type InvoiceList = {
  rows: InvoiceListRow[];
  total: number;
  /** Sums over every invoice matching the filters, not just this page. */
  totalCents: number;
  openBalanceCents: number;
  page: number;
  pageSize: number;
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** The list's filters as SQL over invoices joined to customers; the CSV export shares it. */
export function invoiceListFilter(organizationId: string, query: InvoiceListQuery, today: string | null): SQL {
  const filters: SQL[] = documentListFilters(
    {
      objectType: "invoice",
      id: invoices.id,
      organizationId: invoices.organizationId,
      partyId: invoices.customerId,
      documentDate: invoices.invoiceDate,
      dueDate: invoices.dueDate,
      openBalanceCents: invoices.openBalanceCents,
      voidedAt: invoices.voidedAt,
    },
    organizationId,
    query,
    today,
  );
  if (query.status !== "all") filters.push(eq(invoices.status, query.status));
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    filters.push(or(ilike(invoices.invoiceNumber, pattern), ilike(customers.displayName, pattern))!);
  }
  return and(...filters)!;
}

const sortColumns: Record<InvoiceSort, SQL | PgColumn> = {
  invoiceDate: invoices.invoiceDate,
  dueDate: invoices.dueDate,
  invoiceNumber: sql`lower(${invoices.invoiceNumber})`,
  customer: sql`lower(${customers.displayName})`,
  total: sql`${invoices.totalCents}`,
  openBalance: sql`${invoices.openBalanceCents}`,
  status: invoices.status,
};

/**
 * One aggregate query (count and money totals) and one page query, both on the org's index. Search
 * matches the invoice number or the customer's name; the shared filters are lib/lists/list-filters.ts.
 */
export async function listInvoices(
  db: Db,
  organizationId: string,
  query: InvoiceListQuery,
  options: { pageSize?: number; today?: string } = {},
): Promise<InvoiceList> {
  const pageSize = options.pageSize ?? INVOICE_PAGE_SIZE;
  const today = await listToday(db, organizationId, query, options.today);
  const where = invoiceListFilter(organizationId, query, today);
  const order = query.dir === "asc" ? asc : desc;
  // The join condition repeats the organisation so a foreign customer id could never match.
  const joinCustomer = and(eq(customers.id, invoices.customerId), eq(customers.organizationId, invoices.organizationId));
  const [rows, [aggregate]] = await Promise.all([
    db
      .select({
        id: invoices.id,
        invoiceNumber: invoices.invoiceNumber,
        invoiceDate: invoices.invoiceDate,
        dueDate: invoices.dueDate,
        customerId: invoices.customerId,
        customerName: customers.displayName,
        totalCents: invoices.totalCents,
        openBalanceCents: invoices.openBalanceCents,
        status: invoices.status,
        currency: invoices.currency,
        qboId: invoices.qboId,
      })
      .from(invoices)
      .innerJoin(customers, joinCustomer)
      .where(where)
      .orderBy(order(sortColumns[query.sort]), order(invoices.id))
      .limit(pageSize)
      .offset((query.page - 1) * pageSize),
    db
      .select({ n: count(), totalCents: sum(invoices.totalCents), openBalanceCents: sum(invoices.openBalanceCents) })
      .from(invoices)
      .innerJoin(customers, joinCustomer)
      .where(where),
  ]);
  return {
    rows,
    total: aggregate?.n ?? 0,
    totalCents: Number(aggregate?.totalCents ?? 0),
    openBalanceCents: Number(aggregate?.openBalanceCents ?? 0),
    page: query.page,
    pageSize,
  };
}

/** The selected invoices of this organisation as CSV rows (Export selected); ids of others are simply absent. */
export async function invoicesCsv(db: Db, organizationId: string, invoiceIds: readonly string[]): Promise<string> {
  const rows =
    invoiceIds.length === 0
      ? []
      : await db
          .select({
            invoiceNumber: invoices.invoiceNumber,
            customerName: customers.displayName,
            invoiceDate: invoices.invoiceDate,
            dueDate: invoices.dueDate,
            status: invoices.status,
            currency: invoices.currency,
            totalCents: invoices.totalCents,
            openBalanceCents: invoices.openBalanceCents,
          })
          .from(invoices)
          .innerJoin(customers, and(eq(customers.id, invoices.customerId), eq(customers.organizationId, organizationId)))
          .where(and(eq(invoices.organizationId, organizationId), inArray(invoices.id, [...invoiceIds])))
          .orderBy(desc(invoices.invoiceDate), desc(invoices.id));
  return toCsv(
    ["Invoice number", "Customer", "Invoice date", "Due date", "Status", "Currency", "Total", "Open balance"],
    rows.map((row) => [
      row.invoiceNumber,
      row.customerName,
      row.invoiceDate,
      row.dueDate,
      INVOICE_STATUS_LABELS[row.status],
      row.currency,
      csvAmount(row.totalCents),
      csvAmount(row.openBalanceCents),
    ]),
  );
}

export type InvoiceRow = typeof invoices.$inferSelect;

export async function getInvoice(db: Db, organizationId: string, invoiceId: string): Promise<InvoiceRow | null> {
  const [row] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.organizationId, organizationId), eq(invoices.id, invoiceId)))
    .limit(1);
  return row ?? null;
}

/** An invoice with everything its page shows, or null when it isn't this organisation's. */
export async function getInvoiceDetail(db: Db, organizationId: string, invoiceId: string) {
  const invoice = await getInvoice(db, organizationId, invoiceId);
  if (!invoice) return null;
  const [customerRows, termsRows, locationRows, lines, payments] = await Promise.all([
    db
      .select({ id: customers.id, displayName: customers.displayName, email: customers.email })
      .from(customers)
      .where(and(eq(customers.organizationId, organizationId), eq(customers.id, invoice.customerId))),
    invoice.termsId
      ? db.select({ name: terms.name }).from(terms).where(and(eq(terms.organizationId, organizationId), eq(terms.id, invoice.termsId)))
      : Promise.resolve([]),
    invoice.locationId
      ? db.select({ name: locations.name }).from(locations).where(and(eq(locations.organizationId, organizationId), eq(locations.id, invoice.locationId)))
      : Promise.resolve([]),
    db
      .select({
        id: invoiceLines.id,
        position: invoiceLines.position,
        itemId: invoiceLines.itemId,
        itemName: items.name,
        description: invoiceLines.description,
        quantity: invoiceLines.quantity,
        unitPriceCents: invoiceLines.unitPriceCents,
        amountCents: invoiceLines.amountCents,
        classId: invoiceLines.classId,
        className: classes.name,
        bundleKey: invoiceLines.bundleKey,
        bundleName: invoiceLines.bundleName,
        bundleQuantity: invoiceLines.bundleQuantity,
        taxCodeRef: invoiceLines.taxCodeRef,
      })
      .from(invoiceLines)
      .leftJoin(items, and(eq(items.id, invoiceLines.itemId), eq(items.organizationId, organizationId)))
      .leftJoin(classes, and(eq(classes.id, invoiceLines.classId), eq(classes.organizationId, organizationId)))
      .where(and(eq(invoiceLines.organizationId, organizationId), eq(invoiceLines.invoiceId, invoiceId)))
      .orderBy(asc(invoiceLines.position)),
    db
      .select({
        id: receivedPayments.id,
        kind: receivedPayments.kind,
        status: receivedPayments.status,
        amountCents: receivedPayments.amountCents,
        receivedDate: receivedPayments.receivedDate,
        reference: receivedPayments.reference,
        depositAccountName: accounts.name,
        fundsTransferId: receivedPayments.fundsTransferId,
        qboId: receivedPayments.qboId,
        voidedAt: receivedPayments.voidedAt,
        createdAt: receivedPayments.createdAt,
      })
      .from(receivedPayments)
      .leftJoin(accounts, and(eq(accounts.id, receivedPayments.depositAccountId), eq(accounts.organizationId, organizationId)))
      .where(and(eq(receivedPayments.organizationId, organizationId), eq(receivedPayments.invoiceId, invoiceId)))
      .orderBy(asc(receivedPayments.receivedDate), asc(receivedPayments.createdAt)),
  ]);
  return { invoice, customer: customerRows[0] ?? null, termsName: termsRows[0]?.name ?? null, locationName: locationRows[0]?.name ?? null, lines, payments };
}

export type InvoiceDetail = NonNullable<Awaited<ReturnType<typeof getInvoiceDetail>>>;

/** The next free "INV-####" style number: one more than the highest numeric suffix in use. */
export async function suggestInvoiceNumber(db: Db, organizationId: string): Promise<string> {
  const [row] = await db
    .select({ highest: sql<string | null>`max((substring(${invoices.invoiceNumber} from '(\\d{1,15})$'))::bigint)` })
    .from(invoices)
    .where(eq(invoices.organizationId, organizationId));
  const next = row?.highest ? Number(row.highest) + 1 : 1001;
  return String(next);
}

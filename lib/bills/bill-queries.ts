import { and, asc, count, desc, eq, ilike, inArray, isNull, ne, or, sql, sum, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/connection";
import {
  accounts,
  billLines,
  billPayments,
  bills,
  classes,
  items,
  locations,
  terms,
  vendorCreditApplications,
  vendorCredits,
  vendors,
} from "@/lib/db/schema";
import { BILL_STATUS_LABELS } from "@/lib/ap";
import { csvAmount } from "@/lib/exports/csv";
import { toCsv } from "@/lib/lists/csv";
import { documentListFilters, listToday } from "@/lib/lists/list-filters";
import { loadBillSummaries } from "./bill-balances";
import { BILL_PAGE_SIZE, type BillListQuery } from "./list-query";

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The list's filters (status tab, search, vendor, dates, due, sync status) as SQL over bills joined
 * to vendors; the CSV export shares it. `today` is the business day the due filters count from.
 */
export function billListFilter(organizationId: string, query: BillListQuery, today: string | null): SQL {
  const filters: SQL[] = documentListFilters(
    {
      objectType: "bill",
      id: bills.id,
      organizationId: bills.organizationId,
      partyId: bills.vendorId,
      documentDate: bills.billDate,
      dueDate: bills.dueDate,
      openBalanceCents: bills.openBalanceCents,
      voidedAt: bills.voidedAt,
    },
    organizationId,
    query,
    today,
  );
  if (query.status !== "all") filters.push(eq(bills.status, query.status));
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    filters.push(or(ilike(bills.billNumber, pattern), ilike(vendors.displayName, pattern))!);
  }
  return and(...filters)!;
}

const sortColumns = {
  due: bills.dueDate,
  date: bills.billDate,
  amount: bills.totalCents,
  open: bills.openBalanceCents,
  vendor: sql`lower(${vendors.displayName})`,
  number: bills.billNumber,
  status: bills.status,
} as const;

/**
 * One page of bills plus the count and totals of the whole filtered set: exactly two queries
 * (page + aggregate), offset pagination with `id` as the tie-breaker so pages never overlap.
 * `today` is the organisation's business day for the due filters (read from it when not given).
 */
export async function listBills(db: Db, organizationId: string, query: BillListQuery, options: { today?: string } = {}) {
  const today = await listToday(db, organizationId, query, options.today);
  const where = billListFilter(organizationId, query, today);
  const order = query.dir === "desc" ? desc : asc;
  const [rows, [aggregate]] = await Promise.all([
    db
      .select({
        id: bills.id,
        billNumber: bills.billNumber,
        billDate: bills.billDate,
        dueDate: bills.dueDate,
        currency: bills.currency,
        totalCents: bills.totalCents,
        openBalanceCents: bills.openBalanceCents,
        status: bills.status,
        vendorId: bills.vendorId,
        vendorName: vendors.displayName,
      })
      .from(bills)
      .innerJoin(vendors, and(eq(vendors.id, bills.vendorId), eq(vendors.organizationId, organizationId)))
      .where(where)
      .orderBy(order(sortColumns[query.sort]), order(bills.id))
      .limit(BILL_PAGE_SIZE)
      .offset((query.page - 1) * BILL_PAGE_SIZE),
    db
      .select({ n: count(), total: sum(bills.totalCents), open: sum(bills.openBalanceCents) })
      .from(bills)
      .innerJoin(vendors, and(eq(vendors.id, bills.vendorId), eq(vendors.organizationId, organizationId)))
      .where(where),
  ]);
  return {
    rows,
    total: aggregate?.n ?? 0,
    totalCents: Number(aggregate?.total ?? 0),
    openBalanceCents: Number(aggregate?.open ?? 0),
    page: query.page,
    pageSize: BILL_PAGE_SIZE,
  };
}

export type BillListRow = Awaited<ReturnType<typeof listBills>>["rows"][number];

/** The selected bills of this organisation as CSV rows (Export selected); ids of others are simply absent. */
export async function billsCsv(db: Db, organizationId: string, billIds: readonly string[]): Promise<string> {
  const rows =
    billIds.length === 0
      ? []
      : await db
          .select({
            billNumber: bills.billNumber,
            vendorName: vendors.displayName,
            billDate: bills.billDate,
            dueDate: bills.dueDate,
            status: bills.status,
            currency: bills.currency,
            totalCents: bills.totalCents,
            openBalanceCents: bills.openBalanceCents,
            memo: bills.memo,
          })
          .from(bills)
          .innerJoin(vendors, and(eq(vendors.id, bills.vendorId), eq(vendors.organizationId, organizationId)))
          .where(and(eq(bills.organizationId, organizationId), inArray(bills.id, [...billIds])))
          .orderBy(asc(bills.dueDate), asc(bills.id));
  return toCsv(
    ["Bill number", "Vendor", "Bill date", "Due date", "Status", "Currency", "Amount", "Open balance", "Memo"],
    rows.map((row) => [
      row.billNumber,
      row.vendorName,
      row.billDate,
      row.dueDate,
      BILL_STATUS_LABELS[row.status],
      row.currency,
      csvAmount(row.totalCents),
      csvAmount(row.openBalanceCents),
      row.memo,
    ]),
  );
}

/** Everything the bill page shows, or null when the bill is not in this organisation. */
export async function getBillDetail(db: Db, organizationId: string, billId: string) {
  const loaded = (await loadBillSummaries(db, organizationId, [billId])).get(billId);
  if (!loaded) return null;
  const { bill, summary } = loaded;
  const [vendorRows, termRows, locationRows, lines, payments, credits] = await Promise.all([
    db
      .select({ id: vendors.id, displayName: vendors.displayName })
      .from(vendors)
      .where(and(eq(vendors.organizationId, organizationId), eq(vendors.id, bill.vendorId))),
    bill.termsId
      ? db.select({ name: terms.name }).from(terms).where(and(eq(terms.organizationId, organizationId), eq(terms.id, bill.termsId)))
      : Promise.resolve([]),
    bill.locationId
      ? db.select({ name: locations.name }).from(locations).where(and(eq(locations.organizationId, organizationId), eq(locations.id, bill.locationId)))
      : Promise.resolve([]),
    db
      .select({
        id: billLines.id,
        position: billLines.position,
        accountId: billLines.accountId,
        itemId: billLines.itemId,
        description: billLines.description,
        amountCents: billLines.amountCents,
        classId: billLines.classId,
        locationId: billLines.locationId,
        accountName: accounts.name,
        itemName: items.name,
        className: classes.name,
        locationName: locations.name,
      })
      .from(billLines)
      .leftJoin(accounts, eq(accounts.id, billLines.accountId))
      .leftJoin(items, eq(items.id, billLines.itemId))
      .leftJoin(classes, eq(classes.id, billLines.classId))
      .leftJoin(locations, eq(locations.id, billLines.locationId))
      .where(and(eq(billLines.organizationId, organizationId), eq(billLines.billId, billId)))
      .orderBy(asc(billLines.position)),
    db
      .select({
        id: billPayments.id,
        kind: billPayments.kind,
        status: billPayments.status,
        amountCents: billPayments.amountCents,
        processDate: billPayments.processDate,
        paidDate: billPayments.paidDate,
        reference: billPayments.reference,
        syncToQbo: billPayments.syncToQbo,
        fundsTransferId: billPayments.fundsTransferId,
        bankAccountName: accounts.name,
      })
      .from(billPayments)
      .innerJoin(accounts, eq(accounts.id, billPayments.bankAccountId))
      .where(and(eq(billPayments.organizationId, organizationId), eq(billPayments.billId, billId)))
      .orderBy(desc(billPayments.createdAt)),
    db
      .select({
        id: vendorCreditApplications.id,
        vendorCreditId: vendorCreditApplications.vendorCreditId,
        creditNumber: vendorCredits.creditNumber,
        amountCents: vendorCreditApplications.amountCents,
        voidedAt: vendorCreditApplications.voidedAt,
        createdAt: vendorCreditApplications.createdAt,
      })
      .from(vendorCreditApplications)
      .innerJoin(vendorCredits, eq(vendorCredits.id, vendorCreditApplications.vendorCreditId))
      .where(and(eq(vendorCreditApplications.organizationId, organizationId), eq(vendorCreditApplications.billId, billId)))
      .orderBy(desc(vendorCreditApplications.createdAt)),
  ]);
  return {
    bill,
    summary,
    vendorName: vendorRows[0]?.displayName ?? "Unknown vendor",
    termsName: termRows[0]?.name ?? null,
    locationName: locationRows[0]?.name ?? null,
    lines,
    payments,
    credits,
  };
}

export type BillDetail = NonNullable<Awaited<ReturnType<typeof getBillDetail>>>;

/** Open (payable) bills of one vendor, oldest due first: the choices for applying a vendor credit. */
export async function listOpenBillsForVendor(db: Db, organizationId: string, vendorId: string) {
  return db
    .select({
      id: bills.id,
      billNumber: bills.billNumber,
      dueDate: bills.dueDate,
      currency: bills.currency,
      totalCents: bills.totalCents,
      openBalanceCents: bills.openBalanceCents,
      status: bills.status,
    })
    .from(bills)
    .where(
      and(
        eq(bills.organizationId, organizationId),
        eq(bills.vendorId, vendorId),
        inArray(bills.status, ["unpaid", "partially_paid", "scheduled"]),
      ),
    )
    .orderBy(asc(bills.dueDate), asc(bills.id))
    .limit(200);
}

/** Choices for the bill and vendor-credit forms: active vendors and the chart of accounts and lists. */
export async function loadBillFormOptions(db: Db, organizationId: string) {
  const [vendorRows, accountRows, itemRows, classRows, locationRows, termRows] = await Promise.all([
    db
      .select({ id: vendors.id, name: vendors.displayName })
      .from(vendors)
      .where(and(eq(vendors.organizationId, organizationId), eq(vendors.active, true)))
      .orderBy(asc(sql`lower(${vendors.displayName})`)),
    db
      .select({ id: accounts.id, name: accounts.fullyQualifiedName, type: accounts.accountType })
      .from(accounts)
      .where(and(eq(accounts.organizationId, organizationId), eq(accounts.active, true)))
      .orderBy(asc(accounts.accountType), asc(accounts.name)),
    db
      .select({ id: items.id, name: items.name })
      .from(items)
      .where(and(eq(items.organizationId, organizationId), eq(items.active, true)))
      .orderBy(asc(items.name)),
    db
      .select({ id: classes.id, name: classes.name })
      .from(classes)
      .where(and(eq(classes.organizationId, organizationId), eq(classes.active, true)))
      .orderBy(asc(classes.name)),
    db
      .select({ id: locations.id, name: locations.name })
      .from(locations)
      .where(and(eq(locations.organizationId, organizationId), eq(locations.active, true)))
      .orderBy(asc(locations.name)),
    db
      .select({
        id: terms.id,
        name: terms.name,
        type: terms.type,
        dueDays: terms.dueDays,
        dayOfMonthDue: terms.dayOfMonthDue,
        dueNextMonthDays: terms.dueNextMonthDays,
      })
      .from(terms)
      .where(and(eq(terms.organizationId, organizationId), eq(terms.active, true)))
      .orderBy(asc(terms.dueDays), asc(terms.name)),
  ]);
  return {
    vendors: vendorRows,
    // Bank, A/P and A/R accounts can't be expense lines in QBO.
    expenseAccounts: accountRows.filter((account) => !NON_EXPENSE_ACCOUNT_TYPES.has(account.type)),
    items: itemRows,
    classes: classRows,
    locations: locationRows,
    terms: termRows,
  };
}

export type BillFormOptions = Awaited<ReturnType<typeof loadBillFormOptions>>;

export const NON_EXPENSE_ACCOUNT_TYPES = new Set(["Bank", "Accounts Payable", "Accounts Receivable"]);

/** True when another live bill of this vendor already uses the number (QBO warns on duplicates too). */
export async function billNumberTaken(
  db: Db | Tx,
  organizationId: string,
  vendorId: string,
  billNumber: string,
  exceptBillId?: string,
): Promise<boolean> {
  const filters = [
    eq(bills.organizationId, organizationId),
    eq(bills.vendorId, vendorId),
    sql`lower(${bills.billNumber}) = ${billNumber.toLowerCase()}`,
    // The same rule as the unique index bills_vendor_number_key (a voided bill has voided_at set).
    isNull(bills.voidedAt),
  ];
  if (exceptBillId) filters.push(ne(bills.id, exceptBillId));
  const [row] = await db.select({ id: bills.id }).from(bills).where(and(...filters)).limit(1);
  return Boolean(row);
}

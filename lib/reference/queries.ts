import { can, type Role } from "@/lib/auth/permissions";
/**
 * Reference lists (chart of accounts, items, classes, locations, terms): read-only in the app, fed by
 * sync from QuickBooks. Every function is scoped to one organisation; pickers call them with
 * `activeOnly` so retired entries can't be chosen for new documents.
 */
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { PaymentTerms } from "@/lib/ap";
import type { Db, Tx } from "@/lib/db/connection";
import { accounts, classes, items, locations, terms } from "@/lib/db/schema";

export type AccountRow = typeof accounts.$inferSelect;
export type ClassRow = typeof classes.$inferSelect;
export type LocationRow = typeof locations.$inferSelect;
export type TermsRow = typeof terms.$inferSelect;

/** QBO's account types where a received payment may be deposited. */
export const DEPOSIT_ACCOUNT_TYPES = ["Bank", "Other Current Asset"] as const;

/** QBO's account types in balance-sheet then profit-and-loss order, as accountants read a chart. */
export const ACCOUNT_TYPE_ORDER = [
  "Bank",
  "Accounts Receivable",
  "Other Current Asset",
  "Fixed Asset",
  "Other Asset",
  "Accounts Payable",
  "Credit Card",
  "Other Current Liability",
  "Long Term Liability",
  "Equity",
  "Income",
  "Other Income",
  "Cost of Goods Sold",
  "Expense",
  "Other Expense",
] as const;

/** Position of a type in {@link ACCOUNT_TYPE_ORDER}; unknown types go last, alphabetically. */
export function compareAccountTypes(a: string, b: string): number {
  const rank = (type: string) => {
    const index = (ACCOUNT_TYPE_ORDER as readonly string[]).indexOf(type);
    return index === -1 ? ACCOUNT_TYPE_ORDER.length : index;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

export interface ListOptions {
  /** Leave out inactive entries (pickers). Default false: the Settings lists show everything. */
  activeOnly?: boolean;
}

function scoped(organizationId: string, table: { organizationId: PgColumn; active: PgColumn }, options: ListOptions): SQL {
  const filters = [eq(table.organizationId, organizationId)];
  if (options.activeOnly) filters.push(eq(table.active, true));
  return and(...filters)!;
}

export async function listAccounts(
  db: Db | Tx,
  organizationId: string,
  options: ListOptions & { types?: readonly string[] } = {},
): Promise<AccountRow[]> {
  const filters = [scoped(organizationId, accounts, options)];
  if (options.types && options.types.length > 0) filters.push(inArray(accounts.accountType, [...options.types]));
  const rows = await db
    .select()
    .from(accounts)
    .where(and(...filters))
    .orderBy(asc(sql`lower(${accounts.fullyQualifiedName})`), asc(accounts.id));
  // Stable sort keeps the name order within each type.
  return rows.sort((a, b) => compareAccountTypes(a.accountType, b.accountType));
}

/**
 * Whether an empty reference list may offer the sample lists: only to an admin, and only while the
 * organisation has no chart of accounts at all (neither synced nor loaded before).
 */
export async function canLoadSampleLists(db: Db | Tx, org: { organizationId: string; role: Role }): Promise<boolean> {
  if (!can(org.role, "settings.manage")) return false;
  const [row] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.organizationId, org.organizationId)).limit(1);
  return !row;
}

export type ItemRow = typeof items.$inferSelect & { incomeAccountName: string | null; expenseAccountName: string | null };

export async function listItems(db: Db | Tx, organizationId: string, options: ListOptions = {}): Promise<ItemRow[]> {
  const income = sql<string | null>`(select a.name from ${accounts} a where a.id = ${items.incomeAccountId} and a.organization_id = ${items.organizationId})`;
  const expense = sql<string | null>`(select a.name from ${accounts} a where a.id = ${items.expenseAccountId} and a.organization_id = ${items.organizationId})`;
  const rows = await db
    .select({ item: items, incomeAccountName: income, expenseAccountName: expense })
    .from(items)
    .where(scoped(organizationId, items, options))
    .orderBy(asc(sql`lower(${items.name})`), asc(items.id));
  return rows.map((row) => ({ ...row.item, incomeAccountName: row.incomeAccountName, expenseAccountName: row.expenseAccountName }));
}

export async function listClasses(db: Db | Tx, organizationId: string, options: ListOptions = {}): Promise<ClassRow[]> {
  return db.select().from(classes).where(scoped(organizationId, classes, options)).orderBy(asc(sql`lower(${classes.name})`), asc(classes.id));
}

export async function listLocations(db: Db | Tx, organizationId: string, options: ListOptions = {}): Promise<LocationRow[]> {
  return db
    .select()
    .from(locations)
    .where(scoped(organizationId, locations, options))
    .orderBy(asc(sql`lower(${locations.name})`), asc(locations.id));
}

export async function listTerms(db: Db | Tx, organizationId: string, options: ListOptions = {}): Promise<TermsRow[]> {
  return db
    .select()
    .from(terms)
    .where(scoped(organizationId, terms, options))
    .orderBy(asc(sql`coalesce(${terms.dueDays}, ${terms.dayOfMonthDue})`), asc(sql`lower(${terms.name})`), asc(terms.id));
}

/** A terms row as lib/ap's {@link PaymentTerms}; null when the row is incomplete (then: due on the document date). */
export function toPaymentTerms(row: Pick<TermsRow, "type" | "dueDays" | "dayOfMonthDue" | "dueNextMonthDays">): PaymentTerms | null {
  if (row.type === "standard") return row.dueDays === null ? null : { type: "STANDARD", dueDays: row.dueDays };
  if (row.dayOfMonthDue === null) return null;
  return { type: "DATE_DRIVEN", dayOfMonthDue: row.dayOfMonthDue, dueNextMonthDays: row.dueNextMonthDays };
}

/** "Net 30", "Due on the 15th" — a plain description of when documents with these terms fall due. */
export function describeTerms(row: Pick<TermsRow, "type" | "dueDays" | "dayOfMonthDue" | "dueNextMonthDays">): string {
  const terms = toPaymentTerms(row);
  if (!terms) return "Due on the document date";
  if (terms.type === "STANDARD") {
    if (terms.dueDays === 0) return "Due on the document date";
    return `Due ${terms.dueDays} day${terms.dueDays === 1 ? "" : "s"} after the document date`;
  }
  const day = terms.dayOfMonthDue >= 31 ? "last day" : ordinal(terms.dayOfMonthDue);
  const rollover = terms.dueNextMonthDays ? `, next month if dated within ${terms.dueNextMonthDays} days of it` : "";
  return `Due on the ${day} of the month${rollover}`;
}

function ordinal(day: number): string {
  const suffix = day % 100 >= 11 && day % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][day % 10] ?? "th");
  return `${day}${suffix}`;
}

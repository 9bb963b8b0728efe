import { and, eq, inArray } from "drizzle-orm";
import type { ExpenseLineForm } from "@/lib/ap";
import type { Db, Tx } from "@/lib/db/connection";
import { accounts, classes, items, locations, terms, vendors } from "@/lib/db/schema";
import { NON_EXPENSE_ACCOUNT_TYPES } from "./bill-queries";
import { isRecordId } from "@/lib/forms/record-id";


async function idsIn(
  db: Db | Tx,
  table: typeof classes | typeof locations | typeof items | typeof terms | typeof vendors,
  organizationId: string,
  ids: string[],
): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter(isRecordId))];
  if (wanted.length === 0) return new Set();
  const rows = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.organizationId, organizationId), inArray(table.id, wanted)));
  return new Set(rows.map((row) => row.id));
}

/**
 * Checks that every picked vendor, term, account, item, class and location belongs to this
 * organisation (a forged form can't point a bill at another organisation's records).
 * Returns field errors keyed like the form fields; empty when all is well.
 */
export async function checkDocumentReferences(
  db: Db | Tx,
  organizationId: string,
  input: { vendorId: string; termsId?: string | undefined; locationId?: string | undefined; lines: readonly ExpenseLineForm[] },
): Promise<Record<string, string[]>> {
  const errors: Record<string, string[]> = {};
  const lines = input.lines;
  const accountIds = [...new Set(lines.flatMap((line) => (line.accountId && isRecordId(line.accountId) ? [line.accountId] : [])))];
  const [vendorIds, termIds, itemIds, classIds, locationIds, accountRows] = await Promise.all([
    idsIn(db, vendors, organizationId, [input.vendorId]),
    idsIn(db, terms, organizationId, input.termsId ? [input.termsId] : []),
    idsIn(db, items, organizationId, lines.flatMap((line) => (line.itemId ? [line.itemId] : []))),
    idsIn(db, classes, organizationId, lines.flatMap((line) => (line.classId ? [line.classId] : []))),
    idsIn(db, locations, organizationId, [...(input.locationId ? [input.locationId] : []), ...lines.flatMap((line) => (line.locationId ? [line.locationId] : []))]),
    accountIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ id: accounts.id, type: accounts.accountType })
          .from(accounts)
          .where(and(eq(accounts.organizationId, organizationId), inArray(accounts.id, accountIds))),
  ]);
  const accountTypes = new Map(accountRows.map((row) => [row.id, row.type]));
  if (!vendorIds.has(input.vendorId)) errors.vendorId = ["Choose a vendor from the list."];
  if (input.termsId && !termIds.has(input.termsId)) errors.termsId = ["Choose terms from the list."];
  if (input.locationId && !locationIds.has(input.locationId)) errors.locationId = ["Choose a location from the list."];
  lines.forEach((line, index) => {
    if (line.accountId) {
      const type = accountTypes.get(line.accountId);
      if (!type) errors[`lines.${index}.accountId`] = ["Choose an account from the list."];
      else if (NON_EXPENSE_ACCOUNT_TYPES.has(type)) errors[`lines.${index}.accountId`] = [`A ${type} account can't be used on an expense line.`];
    }
    if (line.itemId && !itemIds.has(line.itemId)) errors[`lines.${index}.accountId`] = ["Choose an item from the list."];
    if (line.classId && !classIds.has(line.classId)) errors[`lines.${index}.classId`] = ["Choose a class from the list."];
    if (line.locationId && !locationIds.has(line.locationId)) errors[`lines.${index}.locationId`] = ["Choose a location from the list."];
  });
  return errors;
}

/**
 * A starter set of reference lists for an organisation that has not connected QuickBooks yet, so
 * people can enter bills and invoices before the first sync. The same realistic lists the demo
 * company uses; the first sync links them to QuickBooks' own by name.
 */
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db, Tx } from "@/lib/db/connection";
import { accounts, classes, items, locations, terms } from "@/lib/db/schema";
import { DEMO_ACCOUNTS, DEMO_CLASSES, DEMO_ITEMS, DEMO_LOCATIONS, DEMO_TERMS } from "@/lib/demo/reference-data";
import { UserFacingError } from "@/lib/forms/action-result";

/** Inserts the chart of accounts, terms, classes, locations and items. */
export async function insertSampleLists(tx: Db | Tx, organizationId: string): Promise<{ accounts: number; items: number }> {
  const accountRows = await tx
    .insert(accounts)
    .values(
      DEMO_ACCOUNTS.map((account) => ({
        organizationId,
        name: account.name,
        fullyQualifiedName: account.name,
        accountType: account.type,
        accountSubType: account.subType,
      })),
    )
    .returning({ id: accounts.id, name: accounts.name });
  const accountId = (name: string | undefined) => (name ? (accountRows.find((row) => row.name === name)?.id ?? null) : null);
  await tx.insert(terms).values(DEMO_TERMS.map((term) => ({ organizationId, name: term.name, type: "standard" as const, dueDays: term.dueDays })));
  await tx.insert(classes).values(DEMO_CLASSES.map((name) => ({ organizationId, name })));
  await tx.insert(locations).values(DEMO_LOCATIONS.map((name) => ({ organizationId, name })));
  await tx.insert(items).values(
    DEMO_ITEMS.map((item) => ({
      organizationId,
      name: item.name,
      type: item.type,
      unitPriceCents: item.priceCents,
      incomeAccountId: accountId(item.income),
      expenseAccountId: accountId(item.expense),
    })),
  );
  return { accounts: accountRows.length, items: DEMO_ITEMS.length };
}

/** Adds the sample lists in one transaction; refused once the organisation has a chart of accounts. */
export async function loadSampleLists(db: Db, organizationId: string, actorUserId: string | null = null): Promise<{ accounts: number; items: number }> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.organizationId, organizationId)).limit(1);
    if (existing) throw new UserFacingError("This organisation already has a chart of accounts, so sample lists can't be added.");
    const result = await insertSampleLists(tx, organizationId);
    await recordAudit(tx, {
      organizationId,
      actorUserId,
      entityType: "organization",
      entityId: organizationId,
      action: "added the sample chart of accounts and lists",
    });
    return result;
  });
}

import { count, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/connection";
import { accounts, terms } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/forms/action-result";

/**
 * A small standard chart of accounts and payment terms, for an organisation that wants to enter bills
 * before connecting QuickBooks. The first sync matches these by name to the QuickBooks chart.
 */
export const STARTER_ACCOUNTS: { name: string; type: string; subType: string }[] = [
  { name: "Business Checking", type: "Bank", subType: "Checking" },
  { name: "Business Savings", type: "Bank", subType: "Savings" },
  { name: "Accounts Payable (A/P)", type: "Accounts Payable", subType: "AccountsPayable" },
  { name: "Advertising & Marketing", type: "Expense", subType: "AdvertisingPromotional" },
  { name: "Contractors", type: "Expense", subType: "OtherMiscellaneousServiceCost" },
  { name: "Insurance", type: "Expense", subType: "Insurance" },
  { name: "Legal & Professional Fees", type: "Expense", subType: "LegalProfessionalFees" },
  { name: "Office Supplies & Software", type: "Expense", subType: "OfficeGeneralAdministrativeExpenses" },
  { name: "Rent & Lease", type: "Expense", subType: "RentOrLeaseOfBuildings" },
  { name: "Repairs & Maintenance", type: "Expense", subType: "RepairMaintenance" },
  { name: "Supplies & Materials", type: "Expense", subType: "SuppliesMaterials" },
  { name: "Travel", type: "Expense", subType: "Travel" },
  { name: "Utilities", type: "Expense", subType: "Utilities" },
  { name: "Cost of Goods Sold", type: "Cost of Goods Sold", subType: "SuppliesMaterialsCogs" },
];

export const STARTER_TERMS = [
  { name: "Due on receipt", dueDays: 0 },
  { name: "Net 15", dueDays: 15 },
  { name: "Net 30", dueDays: 30 },
  { name: "Net 60", dueDays: 60 },
];

/** Adds the starter chart; refused once the organisation has any account (synced or not). */
export async function setUpStarterChart(db: Db, actor: { organizationId: string; userId: string | null }): Promise<{ accounts: number }> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(accounts).where(eq(accounts.organizationId, actor.organizationId));
    if ((existing?.n ?? 0) > 0) throw new UserFacingError("This organisation already has a chart of accounts.");
    const rows = await tx
      .insert(accounts)
      .values(
        STARTER_ACCOUNTS.map((account) => ({
          organizationId: actor.organizationId,
          name: account.name,
          fullyQualifiedName: account.name,
          accountType: account.type,
          accountSubType: account.subType,
        })),
      )
      .returning({ id: accounts.id });
    const [existingTerms] = await tx.select({ n: count() }).from(terms).where(eq(terms.organizationId, actor.organizationId));
    if ((existingTerms?.n ?? 0) === 0) {
      await tx
        .insert(terms)
        .values(STARTER_TERMS.map((term) => ({ organizationId: actor.organizationId, name: term.name, type: "standard" as const, dueDays: term.dueDays })));
    }
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      entityType: "organization",
      entityId: actor.organizationId,
      action: "set up the starter chart of accounts",
    });
    return { accounts: rows.length };
  });
}

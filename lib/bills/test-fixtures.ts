/** Shared set-up for the AP integration tests: an organisation with the demo chart, vendors and terms. */
import { and, eq } from "drizzle-orm";
import type { BillForm } from "@/lib/ap";
import { signUp } from "@/lib/auth/accounts";
import type { Db } from "@/lib/db/connection";
import { accounts, vendors } from "@/lib/db/schema";
import { seedReferenceData } from "@/lib/demo/seed-demo";

export async function createApOrg(db: Db, label: string) {
  const { user, organization } = await signUp(db, {
    name: `${label} Clerk`,
    email: `${label.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@example.com`,
    password: "correct horse battery",
    organizationName: `${label} Landscaping`,
  });
  await seedReferenceData(db, organization.id);
  const accountId = async (name: string) => {
    const [row] = await db.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.organizationId, organization.id), eq(accounts.name, name)));
    return row!.id;
  };
  const vendorId = async (name: string) => {
    const [row] = await db.select({ id: vendors.id }).from(vendors).where(and(eq(vendors.organizationId, organization.id), eq(vendors.displayName, name)));
    return row!.id;
  };
  return {
    organizationId: organization.id,
    slug: organization.slug,
    actor: { organizationId: organization.id, userId: user.id },
    checking: await accountId("Business Checking"),
    savings: await accountId("Business Savings"),
    supplies: await accountId("Supplies & Materials"),
    fuel: await accountId("Fuel"),
    nursery: await vendorId("Cascade Nursery Supply"),
    irrigation: await vendorId("Pacific Irrigation Co."),
  };
}

export type ApOrg = Awaited<ReturnType<typeof createApOrg>>;

/** A valid parsed bill form with one line per amount. */
export function billForm(org: ApOrg, overrides: Partial<BillForm> & { amounts?: number[] } = {}): BillForm {
  const { amounts = [100_00], ...rest } = overrides;
  const lines = amounts.map((amountCents) => ({
    accountId: org.supplies,
    itemId: undefined,
    description: "Materials",
    amountCents,
    classId: undefined,
    locationId: undefined,
  }));
  return {
    vendorId: org.nursery,
    billNumber: `B-${Math.random().toString(36).slice(2, 8)}`,
    billDate: "2026-03-01",
    dueDate: "2026-03-31",
    termsId: undefined,
    locationId: undefined,
    currency: "USD",
    memo: undefined,
    lines,
    totalCents: amounts.reduce((sum, cents) => sum + cents, 0),
    ...rest,
  };
}

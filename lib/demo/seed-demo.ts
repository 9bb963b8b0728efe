import { signUp, findUserByEmail } from "@/lib/auth/accounts";
import type { Db } from "@/lib/db/connection";
import { accounts, classes, customers, items, locations, terms, vendors } from "@/lib/db/schema";
import { seedDemoBills } from "@/lib/bills/seed-bills";
import { seedDemoInvoices } from "@/lib/invoices/seed-invoices";
import { findMembership } from "@/lib/orgs/organizations";
import { DEMO_ACCOUNTS, DEMO_CLASSES, DEMO_CUSTOMERS, DEMO_ITEMS, DEMO_LOCATIONS, DEMO_TERMS, DEMO_VENDORS } from "./reference-data";

export const DEMO_SIGN_IN = { email: "demo@ledgerbridge.test", password: "ledgerbridge-demo" } as const;
export const DEMO_ORG_NAME = "Brightwater Landscaping";

export type DemoSize = { bills: number; invoices: number };
/** Enough to feel real and sync in seconds; `--bills 10000 --invoices 10000` for the large demo. */
export const DEFAULT_DEMO_SIZE: DemoSize = { bills: 120, invoices: 120 };

/** Seeds the demo organisation once; a second run finds it and changes nothing. */
export async function seedDemo(db: Db, size: DemoSize = DEFAULT_DEMO_SIZE, today = new Date().toISOString().slice(0, 10)): Promise<{ slug: string; created: boolean }> {
  const existing = await findUserByEmail(db, DEMO_SIGN_IN.email);
  if (existing) {
    const org = await findMembership(db, existing.id, "brightwater-landscaping");
    return { slug: org?.slug ?? "brightwater-landscaping", created: false };
  }
  const { organization } = await signUp(db, {
    name: "Dana Demo",
    email: DEMO_SIGN_IN.email,
    password: DEMO_SIGN_IN.password,
    organizationName: DEMO_ORG_NAME,
  });
  await seedReferenceData(db, organization.id);
  await seedDemoBills(db, organization.id, { count: size.bills, today });
  await seedDemoInvoices(db, organization.id, { count: size.invoices, today });
  return { slug: organization.slug, created: true };
}

export async function seedReferenceData(db: Db, organizationId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const accountRows = await tx
      .insert(accounts)
      .values(
        DEMO_ACCOUNTS.map((a) => ({
          organizationId,
          name: a.name,
          fullyQualifiedName: a.name,
          accountType: a.type,
          accountSubType: a.subType,
        })),
      )
      .returning({ id: accounts.id, name: accounts.name });
    const accountId = (name: string) => accountRows.find((a) => a.name === name)?.id ?? null;
    await tx.insert(terms).values(DEMO_TERMS.map((t) => ({ organizationId, name: t.name, type: "standard" as const, dueDays: t.dueDays })));
    await tx.insert(classes).values(DEMO_CLASSES.map((name) => ({ organizationId, name })));
    await tx.insert(locations).values(DEMO_LOCATIONS.map((name) => ({ organizationId, name })));
    await tx.insert(items).values(
      DEMO_ITEMS.map((i) => ({
        organizationId,
        name: i.name,
        type: i.type,
        unitPriceCents: i.priceCents,
        incomeAccountId: accountId(i.income),
        expenseAccountId: i.expense ? accountId(i.expense) : null,
      })),
    );
    await tx.insert(vendors).values(
      DEMO_VENDORS.map((displayName, n) => ({
        organizationId,
        displayName,
        companyName: displayName,
        email: `ap@${displayName.toLowerCase().replace(/[^a-z]+/g, "")}.example`,
        phone: `(503) 555-01${String(10 + n).padStart(2, "0")}`,
      })),
    );
    await tx.insert(customers).values(
      DEMO_CUSTOMERS.map((displayName, n) => ({
        organizationId,
        displayName,
        companyName: displayName,
        email: `billing@${displayName.toLowerCase().replace(/[^a-z]+/g, "")}.example`,
        phone: `(971) 555-02${String(10 + n).padStart(2, "0")}`,
      })),
    );
  });
}

import { signUp, findUserByEmail } from "@/lib/auth/accounts";
import type { Db } from "@/lib/db/connection";
import { customers, vendors } from "@/lib/db/schema";
import { seedDemoBills } from "@/lib/bills/seed-bills";
import { seedDemoInvoices } from "@/lib/invoices/seed-invoices";
import { findMembership } from "@/lib/orgs/organizations";
import { insertSampleLists } from "@/lib/reference/sample-lists";
import { DEMO_CUSTOMERS, DEMO_VENDORS } from "./reference-data";

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
    await insertSampleLists(tx, organizationId);
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

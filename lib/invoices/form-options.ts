import { and, asc, eq, or, sql } from "drizzle-orm";
import type { PaymentTerms } from "@/lib/ap";
import type { Db } from "@/lib/db/connection";
import { customers } from "@/lib/db/schema";
import { listClasses, listItems, listLocations, listTerms, toPaymentTerms } from "@/lib/reference/queries";

export type InvoiceFormOptions = {
  customers: { id: string; displayName: string }[];
  items: { id: string; name: string; description: string | null; unitPriceCents: number | null }[];
  classes: { id: string; name: string }[];
  terms: { id: string; name: string; terms: PaymentTerms | null }[];
  /** QuickBooks locations (Departments). */
  locations: { id: string; name: string }[];
};

/** Picker contents for the invoice form: active entries, plus the ones an edited invoice already uses. */
export async function loadInvoiceFormOptions(db: Db, organizationId: string, keepCustomerId?: string): Promise<InvoiceFormOptions> {
  const [customerRows, itemRows, classRows, termsRows, locationRows] = await Promise.all([
    db
      .select({ id: customers.id, displayName: customers.displayName })
      .from(customers)
      .where(and(eq(customers.organizationId, organizationId), or(eq(customers.active, true), keepCustomerId ? eq(customers.id, keepCustomerId) : undefined)))
      .orderBy(asc(sql`lower(${customers.displayName})`)),
    listItems(db, organizationId, { activeOnly: true }),
    listClasses(db, organizationId, { activeOnly: true }),
    listTerms(db, organizationId, { activeOnly: true }),
    listLocations(db, organizationId, { activeOnly: true }),
  ]);
  return {
    customers: customerRows,
    items: itemRows.map((item) => ({ id: item.id, name: item.name, description: item.description, unitPriceCents: item.unitPriceCents })),
    classes: classRows.map((row) => ({ id: row.id, name: row.name })),
    terms: termsRows.map((row) => ({ id: row.id, name: row.name, terms: toPaymentTerms(row) })),
    locations: locationRows.map((row) => ({ id: row.id, name: row.name })),
  };
}

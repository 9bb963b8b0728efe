import { and, eq } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { bills, customers, invoices, vendorCredits, vendors } from "@/lib/db/schema";
import type { AppIdentity } from "@/lib/sync/core";
import type { RunContext } from "@/lib/sync/engine/context";
import type { RepairableType } from "@/lib/sync/engine/link-repair";

/** What an app record is for twin checks (number and party, or name), its party by QBO id; null when it is gone. */
export async function appIdentity(tx: Tx, ctx: RunContext, objectType: RepairableType, localId: string): Promise<AppIdentity | null> {
  const { organizationId } = ctx;
  const resolver = ctx.mappings.resolver();
  const party = (kind: "vendor" | "customer", id: string) => {
    const qboId = resolver.toQbo(kind, id);
    return qboId === undefined ? {} : { partyQboId: qboId };
  };
  switch (objectType) {
    case "bill": {
      const [row] = await tx.select({ number: bills.billNumber, partyId: bills.vendorId }).from(bills).where(and(eq(bills.organizationId, organizationId), eq(bills.id, localId)));
      return row ? { number: row.number, ...party("vendor", row.partyId) } : null;
    }
    case "invoice": {
      const [row] = await tx.select({ number: invoices.invoiceNumber, partyId: invoices.customerId }).from(invoices).where(and(eq(invoices.organizationId, organizationId), eq(invoices.id, localId)));
      return row ? { number: row.number, ...party("customer", row.partyId) } : null;
    }
    case "vendor_credit": {
      const [row] = await tx
        .select({ number: vendorCredits.creditNumber, partyId: vendorCredits.vendorId })
        .from(vendorCredits)
        .where(and(eq(vendorCredits.organizationId, organizationId), eq(vendorCredits.id, localId)));
      return row ? { number: row.number, ...party("vendor", row.partyId) } : null;
    }
    case "vendor":
    case "customer": {
      const table = objectType === "vendor" ? vendors : customers;
      const [row] = await tx.select({ displayName: table.displayName }).from(table).where(and(eq(table.organizationId, organizationId), eq(table.id, localId)));
      return row ? { displayName: row.displayName } : null;
    }
  }
}

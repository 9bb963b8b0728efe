/**
 * One chaos run's world: an organisation connected to a fresh sandbox company, fully synced, then
 * given work for the next sync — new vendors, customers, bills, invoices, vendor credits (one
 * applied), bills marked paid (bill payments), edits in the app and edits made "in QuickBooks".
 * Everything is drawn from a seeded generator, so a run number and a seed always build the same world.
 */
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { billSchema, invoiceSchema, vendorCreditSchema } from "@/lib/ap";
import { createBill } from "@/lib/bills/bill-repository";
import { createCounterparty } from "@/lib/counterparties/repository";
import type { Db } from "@/lib/db/connection";
import { bills, customers, items, syncMappings, vendors } from "@/lib/db/schema";
import { createInvoice } from "@/lib/invoices/save-invoice";
import { markBillAsPaid } from "@/lib/payments/payment-repository";
import type { SandboxServer } from "@/lib/qbo-sandbox";
import type { ConnectionDeps } from "@/lib/qbo-connection/connection";
import { createQboClientFactory } from "@/lib/qbo-connection/client-factory";
import { unlimitedRateBudget } from "@/lib/qbo";
import { accountIdByName, setStandardPreferences, syncNow } from "@/lib/sync/engine/sandbox-org";
import { connectedSandboxOrg } from "@/lib/testing/sandbox-workers";
import { applyVendorCredit, createVendorCredit } from "@/lib/vendor-credits/credit-repository";

export function between(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** What the checks need to know about the world besides what the database says. */
export interface ChaosWorld {
  organizationId: string;
  realmId: string;
  /** Prefix of every number and name this run created ("C17"). */
  prefix: string;
  /** Bills edited in the app after the last sync: QBO must end up with this memo. */
  appEdits: Array<{ billId: string; memo: string }>;
  /** Bills edited in QBO after the last sync: the app must end up with this memo. */
  qboEdits: Array<{ billId: string; memo: string }>;
}

const SEED = { vendors: 3, customers: 3, bills: 6, invoices: 6 };
const TODAY = "2026-11-20";

function amount(random: () => number): string {
  return (between(random, 1_000, 99_999) / 100).toFixed(2);
}

export async function buildChaosWorld(db: Db, server: SandboxServer, deps: ConnectionDeps, run: number, random: () => number): Promise<ChaosWorld> {
  const prefix = `C${run}`;
  const org = await connectedSandboxOrg(db, server, deps, { ...SEED, randomSeed: run + 1 });
  const clientFactory = createQboClientFactory(db, deps, () => unlimitedRateBudget);
  await syncNow(db, org.organizationId, { clientFactory });
  await setStandardPreferences(db, org.organizationId, org.userId);
  const settled = await syncNow(db, org.organizationId, { clientFactory });
  if (settled.status === "failed") throw new Error(`chaos run ${run}: the set-up sync failed: ${settled.error}`);

  const actor = { organizationId: org.organizationId, userId: org.userId };
  const expense = await accountIdByName(db, org.organizationId, "Utilities");
  const bank = await accountIdByName(db, org.organizationId, "Business Checking");
  const synced = async (table: typeof vendors | typeof customers, type: "vendor" | "customer") =>
    db
      .select({ id: table.id })
      .from(table)
      .innerJoin(syncMappings, and(eq(syncMappings.localId, table.id), eq(syncMappings.objectType, type)))
      .where(and(eq(table.organizationId, org.organizationId), eq(table.active, true), eq(table.currency, "USD")));

  // New names, and some of the synced ones.
  const newVendor = await createCounterparty(db, actor, "vendor", { displayName: `${prefix} Vendor` });
  const newCustomer = await createCounterparty(db, actor, "customer", { displayName: `${prefix} Customer` });
  const vendorIds = [newVendor.id, ...(await synced(vendors, "vendor")).map((v) => v.id)];
  const customerIds = [newCustomer.id, ...(await synced(customers, "customer")).map((c) => c.id)];

  // New bills: enough for one or two batches of 30, so kills land between and inside them.
  const newBills: Array<{ id: string; vendorId: string; totalCents: number }> = [];
  const billCount = between(random, 20, 50);
  for (let i = 1; i <= billCount; i += 1) {
    const vendorId = vendorIds[between(random, 0, vendorIds.length - 1)] as string;
    const lines = Array.from({ length: between(random, 1, 2) }, () => ({ accountId: expense, description: "Chaos line", amount: amount(random) }));
    const form = billSchema.parse({ vendorId, billNumber: `${prefix}-B${i}`, billDate: TODAY, dueDate: "2026-12-20", currency: "USD", lines });
    const { id } = await createBill(db, actor, form);
    newBills.push({ id, vendorId, totalCents: form.totalCents });
  }

  const [item] = await db
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.organizationId, org.organizationId), eq(items.active, true), isNotNull(items.qboId)))
    .limit(1);
  const invoiceCount = item ? between(random, 5, 15) : 0;
  for (let i = 1; i <= invoiceCount; i += 1) {
    const customerId = customerIds[between(random, 0, customerIds.length - 1)] as string;
    const form = invoiceSchema.parse({
      customerId,
      invoiceNumber: `${prefix}-I${i}`,
      invoiceDate: TODAY,
      dueDate: "2026-12-20",
      currency: "USD",
      lines: [{ itemId: item!.id, quantity: String(between(random, 1, 4)), unitPrice: amount(random) }],
    });
    await createInvoice(db, actor, form);
  }

  // Vendor credits of the new vendor; the first is applied in part to one of its bills.
  const credited = newBills.find((bill) => bill.vendorId === newVendor.id);
  const creditCount = between(random, 1, 3);
  for (let i = 1; i <= creditCount; i += 1) {
    const form = vendorCreditSchema.parse({
      vendorId: newVendor.id,
      creditNumber: `${prefix}-VC${i}`,
      creditDate: TODAY,
      currency: "USD",
      lines: [{ accountId: expense, description: "Returned goods", amount: "5.00" }],
    });
    const { id } = await createVendorCredit(db, actor, form);
    if (i === 1 && credited) await applyVendorCredit(db, actor, { vendorCreditId: id, applications: [{ billId: credited.id, amountCents: 200 }] });
  }

  // About one new bill in five is marked paid in full (a bill payment to sync); never the credited one.
  for (const bill of newBills.filter((candidate) => candidate !== credited)) {
    if (random() < 0.2) {
      await markBillAsPaid(db, actor, { billId: bill.id, bankAccountId: bank, paidDate: TODAY, amountCents: bill.totalCents, reference: undefined, syncToQbo: true });
    }
  }

  // Edits on both sides of bills the set-up synced (different bills, so there is no conflict to resolve).
  const syncedBills = await db
    .select({ id: bills.id, qboId: syncMappings.qboId })
    .from(bills)
    .innerJoin(syncMappings, and(eq(syncMappings.localId, bills.id), eq(syncMappings.objectType, "bill")))
    .where(and(eq(bills.organizationId, org.organizationId), inArray(bills.status, ["unpaid"]), eq(bills.currency, "USD")));
  const appEdits: ChaosWorld["appEdits"] = [];
  const qboEdits: ChaosWorld["qboEdits"] = [];
  for (const [index, bill] of syncedBills.entries()) {
    if (index < 2) {
      const memo = `${prefix} edited in Ledgerbridge ${index}`;
      await db.update(bills).set({ memo }).where(eq(bills.id, bill.id));
      appEdits.push({ billId: bill.id, memo });
    } else if (index < 4) {
      const memo = `${prefix} edited in QuickBooks ${index}`;
      server.sandbox.act(org.realmId, [{ type: "update", entity: "Bill", id: bill.qboId, fields: { PrivateNote: memo } }]);
      qboEdits.push({ billId: bill.id, memo });
    }
  }
  return { organizationId: org.organizationId, realmId: org.realmId, prefix, appEdits, qboEdits };
}

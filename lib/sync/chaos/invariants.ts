/**
 * What must be true once the sync healed a chaos run: every app record that should be in QBO is
 * there exactly once and linked to its true twin, nothing in QBO is duplicated, and no change made
 * in the app or in QBO is lost. Read from the app's database and from QBO over its API.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { billPayments, bills, customers, invoices, syncMappings, syncRuns, vendorCredits, vendors } from "@/lib/db/schema";
import type { QboClient } from "@/lib/qbo";
import type { ChaosWorld } from "@/lib/sync/chaos/scenario";

export interface ChaosFindings {
  duplicates: number;
  wrongLinks: number;
  lostChanges: number;
  /** One plain line per finding, for the report. */
  details: string[];
}

type Json = Record<string, unknown>;

const ref = (record: Json, key: string) => ((record[key] as Json | undefined)?.["value"] as string | undefined) ?? undefined;
const text = (record: Json, key: string) => (typeof record[key] === "string" ? (record[key] as string) : undefined);
const cents = (value: unknown) => (typeof value === "number" ? Math.round(value * 100) : NaN);

function linkedTxnIds(payment: Json): string[] {
  const ids: string[] = [];
  for (const line of (payment["Line"] as Json[] | undefined) ?? []) {
    for (const linked of (line["LinkedTxn"] as Json[] | undefined) ?? []) if (linked["TxnType"] === "Bill") ids.push(String(linked["TxnId"]));
  }
  return ids;
}

export async function checkChaosWorld(db: Db, client: QboClient, world: ChaosWorld): Promise<ChaosFindings> {
  const findings: ChaosFindings = { duplicates: 0, wrongLinks: 0, lostChanges: 0, details: [] };
  const duplicate = (line: string, n = 1) => {
    findings.duplicates += n;
    findings.details.push(`duplicate: ${line}`);
  };
  const wrong = (line: string) => {
    findings.wrongLinks += 1;
    findings.details.push(`wrong link: ${line}`);
  };
  const lost = (line: string) => {
    findings.lostChanges += 1;
    findings.details.push(`lost change: ${line}`);
  };
  const { organizationId, prefix } = world;

  const qbo = {
    Bill: (await client.query("Bill")) as unknown as Json[],
    Invoice: (await client.query("Invoice")) as unknown as Json[],
    VendorCredit: (await client.query("VendorCredit")) as unknown as Json[],
    BillPayment: (await client.query("BillPayment")) as unknown as Json[],
    Vendor: (await client.query("Vendor", "Active IN (true, false)")) as unknown as Json[],
    Customer: (await client.query("Customer", "Active IN (true, false)")) as unknown as Json[],
  };
  const byId = new Map(Object.entries(qbo).map(([entity, rows]) => [entity, new Map(rows.map((row) => [String(row["Id"]), row]))]));

  // Nothing this run created is in QBO twice.
  for (const entity of ["Bill", "Invoice", "VendorCredit"] as const) {
    const counts = new Map<string, number>();
    for (const row of qbo[entity]) {
      const number = text(row, "DocNumber");
      if (number?.startsWith(`${prefix}-`)) counts.set(number, (counts.get(number) ?? 0) + 1);
    }
    for (const [number, n] of counts) if (n > 1) duplicate(`${entity} ${number} is in QuickBooks ${n} times`, n - 1);
  }
  for (const entity of ["Vendor", "Customer"] as const) {
    const counts = new Map<string, number>();
    for (const row of qbo[entity]) {
      const name = (text(row, "DisplayName") ?? "").replace(/ \(deleted\)$/, "");
      if (name.startsWith(prefix)) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    for (const [name, n] of counts) if (n > 1) duplicate(`${entity} “${name}” is in QuickBooks ${n} times`, n - 1);
  }

  // Every link points at the record's true twin.
  const mappings = await db.select().from(syncMappings).where(and(eq(syncMappings.organizationId, organizationId), eq(syncMappings.realmId, world.realmId)));
  const qboIdOf = new Map(mappings.map((m) => [`${m.objectType}:${m.localId}`, m.qboId]));
  const appVendors = await db.select().from(vendors).where(eq(vendors.organizationId, organizationId));
  const appCustomers = await db.select().from(customers).where(eq(customers.organizationId, organizationId));
  const appBills = await db.select().from(bills).where(eq(bills.organizationId, organizationId));
  const appInvoices = await db.select().from(invoices).where(eq(invoices.organizationId, organizationId));
  const appCredits = await db.select().from(vendorCredits).where(eq(vendorCredits.organizationId, organizationId));
  const checkTxn = (type: string, entity: "Bill" | "Invoice" | "VendorCredit", row: { id: string; number: string; partyId: string; qboId: string | null }, partyType: "vendor" | "customer") => {
    const qboId = qboIdOf.get(`${type}:${row.id}`);
    if (!qboId) return;
    const object = byId.get(entity)?.get(qboId);
    const partyQboId = qboIdOf.get(`${partyType}:${row.partyId}`);
    const partyRef = ref(object ?? {}, partyType === "vendor" ? "VendorRef" : "CustomerRef");
    if (!object) wrong(`${type} ${row.number} is linked to QuickBooks ${entity} ${qboId}, which does not exist`);
    else if ((text(object, "DocNumber") ?? "").trim().toLowerCase() !== row.number.trim().toLowerCase() || (partyQboId && partyRef !== partyQboId)) {
      wrong(`${type} ${row.number} is linked to QuickBooks ${entity} ${qboId} (${text(object, "DocNumber")})`);
    } else if (row.qboId !== null && row.qboId !== qboId) wrong(`${type} ${row.number} shows QuickBooks id ${row.qboId} but is linked to ${qboId}`);
  };
  for (const bill of appBills) checkTxn("bill", "Bill", { id: bill.id, number: bill.billNumber, partyId: bill.vendorId, qboId: bill.qboId }, "vendor");
  for (const invoice of appInvoices) checkTxn("invoice", "Invoice", { id: invoice.id, number: invoice.invoiceNumber, partyId: invoice.customerId, qboId: invoice.qboId }, "customer");
  for (const credit of appCredits) checkTxn("vendor_credit", "VendorCredit", { id: credit.id, number: credit.creditNumber, partyId: credit.vendorId, qboId: credit.qboId }, "vendor");
  for (const [type, entity, rows] of [["vendor", "Vendor", appVendors], ["customer", "Customer", appCustomers]] as const) {
    for (const party of rows) {
      const qboId = qboIdOf.get(`${type}:${party.id}`);
      if (!qboId) continue;
      const object = byId.get(entity)?.get(qboId);
      const name = (text(object ?? {}, "DisplayName") ?? "").replace(/ \(deleted\)$/, "").toLowerCase();
      if (!object) wrong(`${type} “${party.displayName}” is linked to QuickBooks ${entity} ${qboId}, which does not exist`);
      else if (name !== party.displayName.toLowerCase()) wrong(`${type} “${party.displayName}” is linked to QuickBooks ${entity} ${qboId} (“${name}”)`);
    }
  }

  // Every app record of this run is in QBO (linked), payments once each; no bill was voided by mistake.
  const runBills = appBills.filter((bill) => bill.billNumber.startsWith(`${prefix}-`));
  for (const bill of runBills) {
    if (bill.status === "voided") lost(`bill ${bill.billNumber} was voided`);
    else if (!qboIdOf.has(`bill:${bill.id}`)) lost(`bill ${bill.billNumber} is not in QuickBooks`);
  }
  for (const invoice of appInvoices.filter((row) => row.invoiceNumber.startsWith(`${prefix}-`))) {
    if (!qboIdOf.has(`invoice:${invoice.id}`)) lost(`invoice ${invoice.invoiceNumber} is not in QuickBooks`);
  }
  for (const credit of appCredits.filter((row) => row.creditNumber.startsWith(`${prefix}-`))) {
    if (!qboIdOf.has(`vendor_credit:${credit.id}`)) lost(`vendor credit ${credit.creditNumber} is not in QuickBooks`);
  }
  for (const [type, rows] of [["vendor", appVendors], ["customer", appCustomers]] as const) {
    for (const party of rows.filter((row) => row.displayName.startsWith(prefix))) {
      if (!qboIdOf.has(`${type}:${party.id}`)) lost(`${type} “${party.displayName}” is not in QuickBooks`);
    }
  }
  const runBillIds = runBills.map((bill) => bill.id);
  const payments =
    runBillIds.length === 0
      ? []
      : await db
          .select()
          .from(billPayments)
          .where(and(eq(billPayments.organizationId, organizationId), inArray(billPayments.billId, runBillIds), eq(billPayments.syncToQbo, true), eq(billPayments.status, "paid")));
  const expectedPayments = new Map<string, number>();
  for (const payment of payments) {
    expectedPayments.set(payment.billId, (expectedPayments.get(payment.billId) ?? 0) + 1);
    const qboId = qboIdOf.get(`bill_payment:${payment.id}`);
    const object = qboId ? byId.get("BillPayment")?.get(qboId) : undefined;
    const billQboId = qboIdOf.get(`bill:${payment.billId}`);
    if (!qboId) lost(`a payment of bill ${runBills.find((b) => b.id === payment.billId)?.billNumber} is not in QuickBooks`);
    else if (!object || (billQboId && !linkedTxnIds(object).includes(billQboId)) || cents(object["TotalAmt"]) !== payment.amountCents) {
      wrong(`a payment of bill ${runBills.find((b) => b.id === payment.billId)?.billNumber} is linked to QuickBooks BillPayment ${qboId}, which does not pay it`);
    }
  }
  for (const bill of runBills) {
    const billQboId = qboIdOf.get(`bill:${bill.id}`);
    if (!billQboId) continue;
    const paying = qbo.BillPayment.filter((payment) => linkedTxnIds(payment).includes(billQboId) && cents(payment["TotalAmt"]) > 0).length;
    const expected = expectedPayments.get(bill.id) ?? 0;
    if (paying > expected) duplicate(`bill ${bill.billNumber} is paid ${paying} times in QuickBooks (${expected} in Ledgerbridge)`, paying - expected);
  }

  // Edits made on either side since the last sync reached the other side.
  for (const edit of world.appEdits) {
    const qboId = qboIdOf.get(`bill:${edit.billId}`);
    const note = qboId ? text(byId.get("Bill")?.get(qboId) ?? {}, "PrivateNote") : undefined;
    if (note !== edit.memo) lost(`the Ledgerbridge edit “${edit.memo}” is not in QuickBooks (it shows “${note ?? ""}”)`);
  }
  for (const edit of world.qboEdits) {
    const bill = appBills.find((row) => row.id === edit.billId);
    if (bill?.memo !== edit.memo) lost(`the QuickBooks edit “${edit.memo}” is not in Ledgerbridge (it shows “${bill?.memo ?? ""}”)`);
  }
  return findings;
}

/** Runs of the organisation still queued or running (none may be left once a sync healed it). */
export async function stuckRuns(db: Db, organizationId: string): Promise<number> {
  const rows = await db.select({ id: syncRuns.id }).from(syncRuns).where(and(eq(syncRuns.organizationId, organizationId), inArray(syncRuns.status, ["queued", "running"])));
  return rows.length;
}

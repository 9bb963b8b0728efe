/**
 * Terms (SalesTermRef), location (DepartmentRef) and the invoice's two memos (CustomerMemo,
 * PrivateNote) through the sandbox over HTTP, both ways: app → QBO create and update, QBO → app
 * create and update, and a run with no change writes nothing.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { billSchema, invoiceSchema } from "@/lib/ap";
import { createBill, updateBill } from "@/lib/bills/bill-repository";
import { accounts, bills, customers, invoices, items, locations, terms, vendors } from "@/lib/db/schema";
import { createInvoice, updateInvoice } from "@/lib/invoices/save-invoice";
import type { JsonObject } from "@/lib/qbo-sandbox/types";
import { accountIdByName, syncedOrgWithSandboxCompany, syncNow } from "@/lib/sync/engine/sandbox-org";
import { closeSyncTestWorld, openSyncTestWorld, type SyncTestWorld } from "@/lib/sync/engine/sync-test-world";

let world: SyncTestWorld;
let org: Awaited<ReturnType<typeof syncedOrgWithSandboxCompany>>;
let actor: { organizationId: string; userId: string };
let vendorId: string;
let vendorQboId: string;
let customerId: string;
let customerQboId: string;
let serviceItemId: string;
let expenseAccountId: string;

const sync = () => syncNow(world.handle.db, org.organizationId, { clientFactory: world.qbo.factory });
const db = () => world.handle.db;

async function localByName(table: typeof terms | typeof locations, name: string) {
  const [row] = await db()
    .select({ id: table.id, qboId: table.qboId })
    .from(table)
    .where(and(eq(table.organizationId, org.organizationId), eq(table.name, name)));
  if (!row?.qboId) throw new Error(`${name} not synced`);
  return { id: row.id, qboId: row.qboId };
}

function qboRecord(entity: "Bill" | "Invoice", id: string): JsonObject {
  const record = world.server.sandbox.getRecord(org.realmId, entity, id);
  if (!record) throw new Error(`no QBO ${entity} ${id}`);
  return record;
}

const refValue = (record: JsonObject, key: string) => (record[key] as { value?: string } | undefined)?.value;

function writes(): number {
  return world.server.sandbox.getStats(org.realmId).writes;
}

beforeAll(async () => {
  world = await openSyncTestWorld();
  org = await syncedOrgWithSandboxCompany(world.handle.db, world.server, world.qbo, { vendors: 1, customers: 1, bills: 0, invoices: 0, randomSeed: 5 });
  actor = { organizationId: org.organizationId, userId: org.userId };
  const [vendor] = await db().select().from(vendors).where(eq(vendors.organizationId, org.organizationId));
  const [customer] = await db().select().from(customers).where(eq(customers.organizationId, org.organizationId));
  vendorId = vendor!.id;
  vendorQboId = vendor!.qboId!;
  customerId = customer!.id;
  customerQboId = customer!.qboId!;
  const [item] = await db().select().from(items).where(and(eq(items.organizationId, org.organizationId), eq(items.name, "Services")));
  serviceItemId = item!.id;
  expenseAccountId = await accountIdByName(db(), org.organizationId, "Office Supplies & Software");
  // The vendor's and customer's default terms are Net 30: a bill on other terms must keep its own.
  const net30 = await localByName(terms, "Net 30");
  world.server.sandbox.act(org.realmId, [
    { type: "update", entity: "Vendor", id: vendorQboId, fields: { TermRef: { value: net30.qboId } } },
    { type: "update", entity: "Customer", id: customerQboId, fields: { SalesTermRef: { value: net30.qboId } } },
  ]);
  await sync();
});

afterAll(() => closeSyncTestWorld(world ?? {}));

describe("app → QBO", () => {
  let billId: string;
  let invoiceId: string;

  it("a bill on Net 15 at the Warehouse lands in QBO on Net 15 (not the vendor's Net 30) with its own due date", async () => {
    const net15 = await localByName(terms, "Net 15");
    const warehouse = await localByName(locations, "Warehouse");
    const form = billSchema.parse({
      vendorId,
      billNumber: "T-15",
      billDate: "2026-11-02",
      dueDate: "2026-11-17",
      termsId: net15.id,
      locationId: warehouse.id,
      currency: "USD",
      memo: "Spring order",
      lines: [{ accountId: expenseAccountId, amount: "120.00" }],
    });
    billId = (await createBill(db(), actor, form)).id;
    await sync();
    const [bill] = await db().select().from(bills).where(eq(bills.id, billId));
    expect(bill?.qboId).toBeTruthy();
    const qbo = qboRecord("Bill", bill!.qboId!);
    expect(refValue(qbo, "SalesTermRef")).toBe(net15.qboId);
    expect(refValue(qbo, "DepartmentRef")).toBe(warehouse.qboId);
    expect(qbo["DueDate"]).toBe("2026-11-17");
    expect(qbo["PrivateNote"]).toBe("Spring order");
  });

  it("an invoice sends its message as CustomerMemo and its internal note as PrivateNote, with terms and location", async () => {
    const net15 = await localByName(terms, "Net 15");
    const store = await localByName(locations, "Main Street Store");
    const form = invoiceSchema.parse({
      customerId,
      invoiceNumber: "INV-T1",
      invoiceDate: "2026-11-02",
      dueDate: "2026-11-17",
      termsId: net15.id,
      locationId: store.id,
      currency: "USD",
      memo: "Internal: gate code 1234",
      customerMemo: "Thank you for your business!",
      lines: [{ itemId: serviceItemId, quantity: "2", unitPrice: "75" }],
    });
    invoiceId = (await createInvoice(db(), actor, form)).id;
    await sync();
    const [invoice] = await db().select().from(invoices).where(eq(invoices.id, invoiceId));
    const qbo = qboRecord("Invoice", invoice!.qboId!);
    expect(qbo["CustomerMemo"]).toEqual({ value: "Thank you for your business!" });
    expect(qbo["PrivateNote"]).toBe("Internal: gate code 1234");
    expect(refValue(qbo, "SalesTermRef")).toBe(net15.qboId);
    expect(refValue(qbo, "DepartmentRef")).toBe(store.qboId);
  });

  it("a run with nothing changed writes nothing", async () => {
    const before = writes();
    const summary = await sync();
    expect(writes() - before).toBe(0);
    expect(summary.counts["bill"]?.updated ?? 0).toBe(0);
    expect(summary.counts["invoice"]?.updated ?? 0).toBe(0);
  });

  it("edits of terms, location and messages go to QBO as updates", async () => {
    const net60 = await localByName(terms, "Net 60");
    const store = await localByName(locations, "Main Street Store");
    const warehouse = await localByName(locations, "Warehouse");
    const billForm = billSchema.parse({
      vendorId,
      billNumber: "T-15",
      billDate: "2026-11-02",
      dueDate: "2027-01-01",
      termsId: net60.id,
      locationId: store.id,
      currency: "USD",
      memo: "Spring order",
      lines: [{ accountId: expenseAccountId, amount: "120.00" }],
    });
    await updateBill(db(), actor, billId, billForm);
    const invoiceForm = invoiceSchema.parse({
      customerId,
      invoiceNumber: "INV-T1",
      invoiceDate: "2026-11-02",
      dueDate: "2027-01-01",
      termsId: net60.id,
      locationId: warehouse.id,
      currency: "USD",
      memo: "Internal: new gate code",
      customerMemo: "Paid by card? Call us.",
      lines: [{ itemId: serviceItemId, quantity: "2", unitPrice: "75" }],
    });
    await updateInvoice(db(), actor, invoiceId, invoiceForm);
    const summary = await sync();
    expect(summary.counts["bill"]?.updated).toBe(1);
    expect(summary.counts["invoice"]?.updated).toBe(1);

    const [bill] = await db().select().from(bills).where(eq(bills.id, billId));
    const qboBill = qboRecord("Bill", bill!.qboId!);
    expect(refValue(qboBill, "SalesTermRef")).toBe(net60.qboId);
    expect(refValue(qboBill, "DepartmentRef")).toBe(store.qboId);
    expect(qboBill["DueDate"]).toBe("2027-01-01");
    const [invoice] = await db().select().from(invoices).where(eq(invoices.id, invoiceId));
    const qboInvoice = qboRecord("Invoice", invoice!.qboId!);
    expect(qboInvoice["CustomerMemo"]).toEqual({ value: "Paid by card? Call us." });
    expect(qboInvoice["PrivateNote"]).toBe("Internal: new gate code");
    expect(refValue(qboInvoice, "SalesTermRef")).toBe(net60.qboId);
    expect(refValue(qboInvoice, "DepartmentRef")).toBe(warehouse.qboId);

    const before = writes();
    await sync();
    expect(writes() - before).toBe(0);
  });
});

describe("the forms' data layer", () => {
  it("refuses a location that is not this organisation's, on bills and invoices", async () => {
    const stranger = "00000000-0000-4000-8000-000000000001";
    const bill = billSchema.parse({
      vendorId,
      billNumber: "T-X",
      billDate: "2026-11-02",
      dueDate: "2026-11-02",
      locationId: stranger,
      currency: "USD",
      lines: [{ accountId: expenseAccountId, amount: "1.00" }],
    });
    await expect(createBill(db(), actor, bill)).rejects.toMatchObject({ fieldErrors: { locationId: ["Choose a location from the list."] } });
    const invoice = invoiceSchema.parse({
      customerId,
      invoiceNumber: "INV-X",
      invoiceDate: "2026-11-02",
      dueDate: "2026-11-02",
      locationId: stranger,
      currency: "USD",
      lines: [{ itemId: serviceItemId, quantity: "1", unitPrice: "1" }],
    });
    await expect(createInvoice(db(), actor, invoice)).rejects.toMatchObject({ fieldErrors: { locationId: ["Choose a location from the list."] } });
  });
});

describe("QBO → app", () => {
  let qboBillId: string;
  let qboInvoiceId: string;

  it("a QBO bill's terms and location, and an invoice's message and note, show on the app records", async () => {
    const net15 = await localByName(terms, "Net 15");
    const warehouse = await localByName(locations, "Warehouse");
    const qboItem = (await db().select().from(items).where(eq(items.id, serviceItemId)))[0]!.qboId!;
    const qboAccount = (await db().select().from(accounts).where(eq(accounts.id, expenseAccountId)))[0]!.qboId!;
    const results = world.server.sandbox.act(org.realmId, [
      {
        type: "create",
        entity: "Bill",
        fields: {
          VendorRef: { value: vendorQboId },
          DocNumber: "Q-1",
          TxnDate: "2026-11-05",
          SalesTermRef: { value: net15.qboId },
          DepartmentRef: { value: warehouse.qboId },
          Line: [{ Amount: 80, DetailType: "AccountBasedExpenseLineDetail", AccountBasedExpenseLineDetail: { AccountRef: { value: qboAccount } } }],
        },
      },
      {
        type: "create",
        entity: "Invoice",
        fields: {
          CustomerRef: { value: customerQboId },
          DocNumber: "Q-INV-1",
          TxnDate: "2026-11-05",
          SalesTermRef: { value: net15.qboId },
          DepartmentRef: { value: warehouse.qboId },
          CustomerMemo: { value: "See you next season" },
          PrivateNote: "Referred by the Garcias",
          Line: [{ Amount: 90, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: qboItem } } }],
        },
      },
    ]).results;
    qboBillId = String(results[0]!["Id"]);
    qboInvoiceId = String(results[1]!["Id"]);
    await sync();
    const [bill] = await db().select().from(bills).where(and(eq(bills.organizationId, org.organizationId), eq(bills.qboId, qboBillId)));
    expect(bill).toMatchObject({ termsId: net15.id, locationId: warehouse.id, dueDate: "2026-11-20" });
    const [invoice] = await db().select().from(invoices).where(and(eq(invoices.organizationId, org.organizationId), eq(invoices.qboId, qboInvoiceId)));
    expect(invoice).toMatchObject({ termsId: net15.id, locationId: warehouse.id, customerMemo: "See you next season", memo: "Referred by the Garcias" });

    const before = writes();
    await sync();
    expect(writes() - before).toBe(0);
  });

  it("edits in QBO update the app records", async () => {
    const net60 = await localByName(terms, "Net 60");
    const store = await localByName(locations, "Main Street Store");
    world.server.sandbox.act(org.realmId, [
      { type: "update", entity: "Bill", id: qboBillId, fields: { SalesTermRef: { value: net60.qboId }, DepartmentRef: { value: store.qboId }, DueDate: "2027-01-04" } },
      { type: "update", entity: "Invoice", id: qboInvoiceId, fields: { SalesTermRef: { value: net60.qboId }, DepartmentRef: { value: store.qboId }, CustomerMemo: { value: "Happy holidays" } } },
    ]);
    const summary = await sync();
    expect(summary.counts["bill"]?.updated).toBe(1);
    expect(summary.counts["invoice"]?.updated).toBe(1);
    const [bill] = await db().select().from(bills).where(and(eq(bills.organizationId, org.organizationId), eq(bills.qboId, qboBillId)));
    expect(bill).toMatchObject({ termsId: net60.id, locationId: store.id, dueDate: "2027-01-04" });
    const [invoice] = await db().select().from(invoices).where(and(eq(invoices.organizationId, org.organizationId), eq(invoices.qboId, qboInvoiceId)));
    expect(invoice).toMatchObject({ termsId: net60.id, locationId: store.id, customerMemo: "Happy holidays", memo: "Referred by the Garcias" });

    const before = writes();
    await sync();
    expect(writes() - before).toBe(0);
  });
});

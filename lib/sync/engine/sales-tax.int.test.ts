import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, customers, invoiceLines, invoices, items } from "@/lib/db/schema";
import { invoiceSchema } from "@/lib/ap";
import { updateInvoice } from "@/lib/invoices/save-invoice";
import type { JsonObject } from "@/lib/qbo-sandbox/types";
import { DEFAULT_SALES_TAX } from "@/lib/qbo-sandbox/sales-tax";
import { orgWithSandboxCompany, setStandardPreferences, syncNow } from "@/lib/sync/engine/sandbox-org";
import { closeSyncTestWorld, openSyncTestWorld, type SyncTestWorld } from "@/lib/sync/engine/sync-test-world";

/**
 * Sales tax end to end over HTTP: a sandbox company with sales tax on (8.25%, code "2"), an invoice
 * with a taxed and an untaxed line made "in QuickBooks", imported, edited in the app and pushed back.
 */

let world: SyncTestWorld;
let org: Awaited<ReturnType<typeof orgWithSandboxCompany>>;
let qboInvoiceId: string;

function taxedLines(itemId: string, taxed: number, untaxed: number): JsonObject[] {
  return [
    { Amount: taxed, Description: "Garden design", DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: itemId }, TaxCodeRef: { value: "TAX" } } },
    { Amount: untaxed, Description: "Delivery", DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: itemId }, TaxCodeRef: { value: "NON" } } },
  ];
}

async function appInvoice(qboId: string) {
  const [invoice] = await world.handle.db
    .select()
    .from(invoices)
    .where(and(eq(invoices.organizationId, org.organizationId), eq(invoices.qboId, qboId)));
  if (!invoice) throw new Error(`invoice ${qboId} not imported`);
  const lines = await world.handle.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id)).orderBy(asc(invoiceLines.position));
  return { invoice, lines };
}

function qboInvoice(id: string): JsonObject {
  const record = world.server.sandbox.getRecord(org.realmId, "Invoice", id);
  if (!record) throw new Error(`no QBO invoice ${id}`);
  return record;
}

beforeAll(async () => {
  world = await openSyncTestWorld();
  org = await orgWithSandboxCompany(world.handle.db, world.server, world.qbo);
  world.server.sandbox.updateSettings(org.realmId, { salesTax: DEFAULT_SALES_TAX });
  const [customer] = world.server.sandbox.act(org.realmId, [{ type: "create", entity: "Customer", fields: { DisplayName: "Sonnenschein Family Store" } }]).results;
  const client = (await world.qbo.factory(org.organizationId))!.client;
  const [item] = await client.query("Item", "Name = 'Services'");
  const itemId = item!.Id;
  const [invoice] = world.server.sandbox.act(org.realmId, [
    {
      type: "create",
      entity: "Invoice",
      fields: { DocNumber: "TAX-1", TxnDate: "2026-11-03", CustomerRef: { value: String(customer!["Id"]) }, Line: taxedLines(String(itemId), 150, 25) },
    },
  ]).results;
  qboInvoiceId = String(invoice!["Id"]);
  await syncNow(world.handle.db, org.organizationId, { clientFactory: world.qbo.factory });
  await setStandardPreferences(world.handle.db, org.organizationId, org.userId);
  await syncNow(world.handle.db, org.organizationId, { clientFactory: world.qbo.factory });
});

afterAll(() => closeSyncTestWorld(world ?? {}));

describe("an invoice with sales tax from QuickBooks", () => {
  it("imports with QBO's tax, tax codes and total: lines + tax = TotalAmt to the cent", async () => {
    expect(qboInvoice(qboInvoiceId)["TotalAmt"]).toBe(187.38);
    const { invoice, lines } = await appInvoice(qboInvoiceId);
    expect(invoice.totalCents).toBe(18_738);
    expect(invoice.taxCents).toBe(1_238);
    expect(invoice.txnTaxCodeRef).toBe("2");
    expect(invoice.openBalanceCents).toBe(18_738);
    expect(lines.map((line) => [line.amountCents, line.taxCodeRef])).toEqual([
      [15_000, "TAX"],
      [2_500, "NON"],
    ]);
    expect(lines.reduce((sum, line) => sum + line.amountCents, 0) + invoice.taxCents).toBe(invoice.totalCents);
  });

  it("a no-change sync sends nothing back", async () => {
    const before = qboInvoice(qboInvoiceId)["SyncToken"];
    const summary = await syncNow(world.handle.db, org.organizationId, { clientFactory: world.qbo.factory });
    expect(summary.counts["invoice"]?.updated ?? 0).toBe(0);
    expect(qboInvoice(qboInvoiceId)["SyncToken"]).toBe(before);
  });

  it("an edit in the app (the invoice form) pushes back with the tax codes: QBO's TotalTax and TotalAmt are unchanged", async () => {
    const { invoice, lines } = await appInvoice(qboInvoiceId);
    // What the edit form posts back: every line with its tax code, only the memo changed.
    const form = invoiceSchema.parse({
      customerId: invoice.customerId,
      invoiceNumber: invoice.invoiceNumber,
      invoiceDate: invoice.invoiceDate,
      dueDate: invoice.dueDate,
      currency: invoice.currency,
      memo: "Edited in Ledgerbridge",
      lines: lines.map((line) => ({ itemId: line.itemId, description: line.description, quantity: "1", unitPrice: (line.amountCents / 100).toFixed(2), taxCode: line.taxCodeRef })),
    });
    await updateInvoice(world.handle.db, { organizationId: org.organizationId, userId: org.userId }, invoice.id, form);
    const edited = await appInvoice(qboInvoiceId);
    expect([edited.invoice.taxCents, edited.invoice.totalCents]).toEqual([1_238, 18_738]);
    expect(edited.lines.map((line) => line.taxCodeRef)).toEqual(["TAX", "NON"]);
    const summary = await syncNow(world.handle.db, org.organizationId, { clientFactory: world.qbo.factory });
    expect(summary.counts["invoice"]?.updated).toBe(1);
    const record = qboInvoice(qboInvoiceId);
    expect(record["PrivateNote"]).toBe("Edited in Ledgerbridge");
    expect((record["TxnTaxDetail"] as JsonObject)["TotalTax"]).toBe(12.38);
    expect((record["TxnTaxDetail"] as JsonObject)["TxnTaxCodeRef"]).toEqual({ value: "2", name: "California" });
    expect(record["TotalAmt"]).toBe(187.38);
    const codes = (record["Line"] as JsonObject[]).flatMap((line) => (line["SalesItemLineDetail"] ? [(line["SalesItemLineDetail"] as JsonObject)["TaxCodeRef"]] : []));
    expect(codes).toEqual([{ value: "TAX" }, { value: "NON" }]);
    const after = await appInvoice(qboInvoiceId);
    expect([after.invoice.taxCents, after.invoice.totalCents]).toEqual([1_238, 18_738]);
  });

  it("a changed taxable amount pushed from the app comes back with QBO's new tax, and the app takes it", async () => {
    const { invoice, lines } = await appInvoice(qboInvoiceId);
    await world.handle.db.update(invoiceLines).set({ amountCents: 20_000 }).where(eq(invoiceLines.id, lines[0]!.id));
    await world.handle.db.update(invoices).set({ totalCents: 20_000 + 2_500 + invoice.taxCents }).where(eq(invoices.id, invoice.id));
    await syncNow(world.handle.db, org.organizationId, { clientFactory: world.qbo.factory });
    const record = qboInvoice(qboInvoiceId);
    expect((record["TxnTaxDetail"] as JsonObject)["TotalTax"]).toBe(16.5);
    expect(record["TotalAmt"]).toBe(241.5);
    const after = await appInvoice(qboInvoiceId);
    expect([after.invoice.taxCents, after.invoice.totalCents, after.invoice.openBalanceCents]).toEqual([1_650, 24_150, 24_150]);
    const history = await world.handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "invoice"), eq(auditEvents.entityId, invoice.id)));
    expect(history.some((event) => event.action === "sales tax from QuickBooks")).toBe(true);
    // Taking QBO's tax is no change of the app's: the next sync sends nothing.
    const token = record["SyncToken"];
    const again = await syncNow(world.handle.db, org.organizationId, { clientFactory: world.qbo.factory });
    expect(again.counts["invoice"]?.updated ?? 0).toBe(0);
    expect(qboInvoice(qboInvoiceId)["SyncToken"]).toBe(token);
  });
});

describe("an app invoice with tax data", () => {
  it("is created in QBO with its tax codes; QBO's tax and total come back into the app", async () => {
    const db = world.handle.db;
    const [customer] = await db.select().from(customers).where(eq(customers.organizationId, org.organizationId)).limit(1);
    const [item] = await db.select().from(items).where(and(eq(items.organizationId, org.organizationId), eq(items.name, "Services")));
    const [created] = await db
      .insert(invoices)
      .values({
        organizationId: org.organizationId,
        customerId: customer!.id,
        invoiceNumber: "APP-TAX-1",
        invoiceDate: "2026-11-05",
        dueDate: "2026-12-05",
        totalCents: 10_000,
        openBalanceCents: 10_000,
        txnTaxCodeRef: "2",
      })
      .returning();
    await db.insert(invoiceLines).values([
      { organizationId: org.organizationId, invoiceId: created!.id, position: 1, itemId: item!.id, description: "Taxed", amountCents: 6_000, taxCodeRef: "TAX" },
      { organizationId: org.organizationId, invoiceId: created!.id, position: 2, itemId: item!.id, description: "Untaxed", amountCents: 4_000, taxCodeRef: "NON" },
    ]);
    const summary = await syncNow(db, org.organizationId, { clientFactory: world.qbo.factory });
    expect(summary.counts["invoice"]?.created).toBe(1);
    const [stored] = await db.select().from(invoices).where(eq(invoices.id, created!.id));
    const record = qboInvoice(stored!.qboId!);
    // 8.25% of 60.00 = 4.95.
    expect((record["TxnTaxDetail"] as JsonObject)["TotalTax"]).toBe(4.95);
    expect(record["TotalAmt"]).toBe(104.95);
    expect([stored!.taxCents, stored!.totalCents, stored!.openBalanceCents]).toEqual([495, 10_495, 10_495]);
  });
});

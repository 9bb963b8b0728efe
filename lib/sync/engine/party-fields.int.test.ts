import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, customers, vendors } from "@/lib/db/schema";
import { orgWithSandboxCompany, setStandardPreferences, syncNow } from "@/lib/sync/engine/sandbox-org";
import { closeSyncTestWorld, openSyncTestWorld, type SyncTestWorld } from "@/lib/sync/engine/sync-test-world";

let handle: SyncTestWorld["handle"];
let server: SyncTestWorld["server"];
let qbo: SyncTestWorld["qbo"];

beforeAll(async () => {
  ({ handle, server, qbo } = await openSyncTestWorld());
});

afterAll(() => closeSyncTestWorld({ handle, server }));

const ADDRESS = {
  addressLine1: "15 Main St.",
  addressLine2: "Suite 4",
  addressCity: "Palo Alto",
  addressRegion: "CA",
  addressPostalCode: "94303",
  addressCountry: "USA",
};
const BILL_ADDR = { Line1: "15 Main St.", Line2: "Suite 4", City: "Palo Alto", CountrySubDivisionCode: "CA", PostalCode: "94303", Country: "USA" };

async function history(entityType: "vendor" | "customer", entityId: string) {
  return handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)));
}

describe("vendor and customer details, app → QuickBooks", () => {
  it("a new vendor and customer arrive with company name, phone, address, 1099 flag and tax id; an edit follows; nothing ping-pongs", async () => {
    const db = handle.db;
    const org = await orgWithSandboxCompany(db, server, qbo);
    const [vendor] = await db
      .insert(vendors)
      .values({ organizationId: org.organizationId, displayName: "Books by Bessie", companyName: "Books by Bessie LLC", phone: "(650) 555-7745", ...ADDRESS, vendor1099: true, taxId: "99-5688293" })
      .returning();
    const [customer] = await db
      .insert(customers)
      .values({ organizationId: org.organizationId, displayName: "Diner Inc", companyName: "Diner Incorporated", phone: "555-0101", ...ADDRESS })
      .returning();

    const first = await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(first.counts["vendor"]?.created).toBe(1);
    const [linkedVendor] = await db.select().from(vendors).where(eq(vendors.id, vendor!.id));
    const [linkedCustomer] = await db.select().from(customers).where(eq(customers.id, customer!.id));
    const qboVendor = server.sandbox.getRecord(org.realmId, "Vendor", linkedVendor!.qboId!);
    expect(qboVendor).toMatchObject({
      CompanyName: "Books by Bessie LLC",
      PrimaryPhone: { FreeFormNumber: "(650) 555-7745" },
      BillAddr: BILL_ADDR,
      Vendor1099: true,
      TaxIdentifier: "99-5688293",
    });
    expect(server.sandbox.getRecord(org.realmId, "Customer", linkedCustomer!.qboId!)).toMatchObject({
      CompanyName: "Diner Incorporated",
      PrimaryPhone: { FreeFormNumber: "555-0101" },
      BillAddr: BILL_ADDR,
    });
    // QBO answered the tax id masked: the app keeps its own.
    expect(linkedVendor?.taxId).toBe("99-5688293");

    // Nothing changed since: the next run writes nothing.
    const writes = server.sandbox.getStats(org.realmId).writes;
    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(server.sandbox.getStats(org.realmId).writes).toBe(writes);

    // An edit in the app: a new phone, no company name, a new city, not a 1099 contractor any more.
    await db.update(vendors).set({ phone: "(650) 555-0000", companyName: null, addressCity: "Menlo Park", vendor1099: false }).where(eq(vendors.id, vendor!.id));
    const edit = await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(edit.counts["vendor"]?.updated).toBe(1);
    const edited = server.sandbox.getRecord(org.realmId, "Vendor", linkedVendor!.qboId!);
    expect(edited?.["PrimaryPhone"]).toEqual({ FreeFormNumber: "(650) 555-0000" });
    expect(edited?.["CompanyName"] ?? "").toBe("");
    expect(edited?.["BillAddr"]).toMatchObject({ City: "Menlo Park", Line1: "15 Main St." });
    expect(edited?.["Vendor1099"]).toBe(false);
    expect(edited?.["TaxIdentifier"]).toBe("99-5688293");

    const quiet = server.sandbox.getStats(org.realmId).writes;
    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(server.sandbox.getStats(org.realmId).writes).toBe(quiet);
  });
});

describe("vendor and customer details, QuickBooks → app", () => {
  it("edits made in QuickBooks come in, but never the masked tax id; a new QBO vendor is imported with them", async () => {
    const db = handle.db;
    const org = await orgWithSandboxCompany(db, server, qbo);
    const [vendor] = await db.insert(vendors).values({ organizationId: org.organizationId, displayName: "Hall Properties", taxId: "12-3456789" }).returning();
    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    const [linked] = await db.select().from(vendors).where(eq(vendors.id, vendor!.id));

    server.sandbox.act(org.realmId, [
      {
        type: "update",
        entity: "Vendor",
        id: linked!.qboId!,
        fields: { CompanyName: "Hall Properties LLC", PrimaryPhone: { FreeFormNumber: "(973) 555-3827" }, BillAddr: { Line1: "P.O.Box 357", City: "South Orange", CountrySubDivisionCode: "NJ", PostalCode: "07079" }, Vendor1099: true, TaxIdentifier: "98-7654321" },
      },
      {
        type: "create",
        entity: "Customer",
        fields: { DisplayName: "Cool Cars", CompanyName: "Cool Cars Inc", PrimaryPhone: { FreeFormNumber: "(415) 555-9933" }, BillAddr: { Line1: "65 Ocean Dr.", City: "Half Moon Bay", CountrySubDivisionCode: "CA", PostalCode: "94213" } },
      },
      { type: "create", entity: "Vendor", fields: { DisplayName: "Tania's Nursery", CompanyName: "Tania's Nursery", Vendor1099: true, TaxIdentifier: "33-3333333" } },
    ]);
    const summary = await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(summary.status).not.toBe("failed");

    const [pulled] = await db.select().from(vendors).where(eq(vendors.id, vendor!.id));
    expect(pulled).toMatchObject({
      companyName: "Hall Properties LLC",
      phone: "(973) 555-3827",
      addressLine1: "P.O.Box 357",
      addressLine2: null,
      addressCity: "South Orange",
      addressRegion: "NJ",
      addressPostalCode: "07079",
      addressCountry: null,
      vendor1099: true,
      // QBO answers "XXXXXX4321": never written over the app's own.
      taxId: "12-3456789",
    });

    const [imported] = await db.select().from(customers).where(and(eq(customers.organizationId, org.organizationId), eq(customers.displayName, "Cool Cars")));
    expect(imported).toMatchObject({ companyName: "Cool Cars Inc", phone: "(415) 555-9933", addressLine1: "65 Ocean Dr.", addressCity: "Half Moon Bay", addressRegion: "CA", addressPostalCode: "94213" });
    const [importedVendor] = await db.select().from(vendors).where(and(eq(vendors.organizationId, org.organizationId), eq(vendors.displayName, "Tania's Nursery")));
    expect(importedVendor).toMatchObject({ companyName: "Tania's Nursery", vendor1099: true, taxId: null });

    // Pulled and imported records are settled: the next run writes nothing back.
    const writes = server.sandbox.getStats(org.realmId).writes;
    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(server.sandbox.getStats(org.realmId).writes).toBe(writes);
  });
});

describe("first link of an app name to an existing QBO name whose fields differ", () => {
  async function twoSidedOrg() {
    const db = handle.db;
    const org = await orgWithSandboxCompany(db, server, qbo);
    server.sandbox.act(org.realmId, [
      { type: "create", entity: "Vendor", fields: { DisplayName: "Acme Supplies", PrimaryEmailAddr: { Address: "billing@acme.example" }, PrimaryPhone: { FreeFormNumber: "555-0199" } } },
    ]);
    const [vendor] = await db
      .insert(vendors)
      .values({ organizationId: org.organizationId, displayName: "Acme Supplies", email: "ap@acme.example", addressCity: "Portland", taxId: "12-3456789" })
      .returning();
    return { org, vendor: vendor! };
  }

  it("QuickBooks as master: the app takes QuickBooks' values and its history shows what the app had", async () => {
    const db = handle.db;
    const { org, vendor } = await twoSidedOrg();
    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });

    const [after] = await db.select().from(vendors).where(eq(vendors.id, vendor.id));
    expect(after).toMatchObject({ email: "billing@acme.example", phone: "555-0199", taxId: "12-3456789" });
    const entry = (await history("vendor", vendor.id)).find((e) => e.action.startsWith("linked to QuickBooks"));
    expect(entry?.action).toBe("linked to QuickBooks: kept the QuickBooks version (Ledgerbridge had the crossed-out values)");
    expect(entry?.changes).toEqual([
      { field: "email", label: "Email", old: "ap@acme.example", new: "billing@acme.example" },
      { field: "phone", label: "Phone", old: null, new: "555-0199" },
      { field: "addressCity", label: "City", old: "Portland", new: null },
    ]);
    // QBO had no tax id: the app's is sent (QBO answers it masked, so one it has would be left alone).
    expect(server.sandbox.getRecord(org.realmId, "Vendor", after!.qboId!)?.["TaxIdentifier"]).toBe("12-3456789");
  });

  it("Ledgerbridge as master: QuickBooks takes the app's values and the history shows what QuickBooks had", async () => {
    const db = handle.db;
    const org = await orgWithSandboxCompany(db, server, qbo);
    // The chart comes in first (the preferences need its accounts); then Ledgerbridge is the master.
    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    await setStandardPreferences(db, org.organizationId, org.userId, { masterInConflict: "ledgerbridge" });
    const [created] = await db.insert(vendors).values({ organizationId: org.organizationId, displayName: "Beta Parts", email: "ap@beta.example" }).returning();
    server.sandbox.act(org.realmId, [{ type: "create", entity: "Vendor", fields: { DisplayName: "Beta Parts", PrimaryEmailAddr: { Address: "sales@beta.example" }, CompanyName: "Beta Parts Co" } }]);
    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });

    const [after] = await db.select().from(vendors).where(eq(vendors.id, created!.id));
    expect(after?.email).toBe("ap@beta.example");
    expect(server.sandbox.getRecord(org.realmId, "Vendor", after!.qboId!)).toMatchObject({ PrimaryEmailAddr: { Address: "ap@beta.example" }, CompanyName: "" });
    const entry = (await history("vendor", created!.id)).find((e) => e.action.startsWith("linked to QuickBooks"));
    expect(entry?.action).toBe("linked to QuickBooks: kept the Ledgerbridge version (QuickBooks had the crossed-out values)");
    expect(entry?.changes).toEqual([
      { field: "companyName", label: "Company name", old: "Beta Parts Co", new: null },
      { field: "email", label: "Email", old: "sales@beta.example", new: "ap@beta.example" },
    ]);
  });
});

/** Issue 16 item 3: the bills and invoices lists filter and sort in SQL, on the organisation's day, org by org. */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invoiceSchema } from "@/lib/ap";
import { listBills } from "@/lib/bills/bill-queries";
import { createBill, voidBill } from "@/lib/bills/bill-repository";
import { billListQuery } from "@/lib/bills/list-query";
import { billForm, createApOrg, type ApOrg } from "@/lib/bills/test-fixtures";
import type { DatabaseHandle } from "@/lib/db/connection";
import { customers, items, organizations, syncIssues, syncMappings } from "@/lib/db/schema";
import { invoiceListQuery } from "@/lib/invoices/list-query";
import { listInvoices } from "@/lib/invoices/queries";
import { createInvoice } from "@/lib/invoices/save-invoice";
import { markBillAsPaid } from "@/lib/payments/payment-repository";
import { createTestDatabase } from "@/lib/testing/test-database";

let handle: DatabaseHandle;
let a: ApOrg;
let b: ApOrg;
const TODAY = "2026-06-10";
const ids: Record<string, string> = {};

const bills = (params: Record<string, string>) => listBills(handle.db, a.organizationId, billListQuery.parse(params), { today: TODAY });
const numbers = async (params: Record<string, string>) => (await bills(params)).rows.map((row) => row.billNumber);

beforeAll(async () => {
  handle = await createTestDatabase();
  a = await createApOrg(handle.db, "Finder");
  b = await createApOrg(handle.db, "Other");
  const make = async (org: ApOrg, billNumber: string, vendorId: string, billDate: string, dueDate: string, amount: number) => {
    ids[`${org === a ? "a" : "b"}:${billNumber}`] = (await createBill(handle.db, org.actor, billForm(org, { billNumber, vendorId, billDate, dueDate, amounts: [amount] }))).id;
  };
  await make(a, "F-1", a.nursery, "2026-05-01", "2026-06-01", 100_00); // overdue
  await make(a, "F-2", a.irrigation, "2026-05-15", "2026-06-09", 300_00); // overdue (yesterday)
  await make(a, "F-3", a.nursery, "2026-06-01", "2026-06-10", 200_00); // due today: this week
  await make(a, "F-4", a.irrigation, "2026-06-05", "2026-06-16", 50_00); // this week (last day)
  await make(a, "F-5", a.nursery, "2026-06-06", "2026-06-17", 400_00); // next week
  await make(a, "F-6", a.nursery, "2026-04-01", "2026-05-01", 150_00); // overdue but paid
  await make(a, "F-7", a.irrigation, "2026-04-02", "2026-05-02", 250_00); // overdue but voided
  await markBillAsPaid(handle.db, a.actor, { billId: ids["a:F-6"]!, bankAccountId: a.checking, paidDate: "2026-05-01", amountCents: 150_00, reference: undefined, syncToQbo: false });
  await voidBill(handle.db, a.actor, ids["a:F-7"]!);
  await make(b, "F-1", b.nursery, "2026-05-01", "2026-06-01", 999_00);
  // F-1 synced; F-2 synced but with an open issue since; F-3 skipped with an open issue; F-4 had an issue, now resolved.
  const mapping = (localId: string, qboId: string) => ({ organizationId: a.organizationId, objectType: "bill", localId, realmId: "r1", qboId, syncToken: "0", contentHash: "h" });
  await handle.db.insert(syncMappings).values([mapping(ids["a:F-1"]!, "1"), mapping(ids["a:F-2"]!, "2")]);
  const issue = (localId: string, key: string, resolved: boolean) => ({
    organizationId: a.organizationId,
    issueKey: key,
    objectType: "bill",
    localId,
    label: key,
    reasonCode: "X",
    severity: "skip" as const,
    resolvedAt: resolved ? new Date() : null,
  });
  await handle.db.insert(syncIssues).values([issue(ids["a:F-2"]!, "k2", false), issue(ids["a:F-3"]!, "k3", false), issue(ids["a:F-4"]!, "k4", true)]);
  // Org B's bill has an open issue too: it must never leak into A's "Sync issue" filter.
  await handle.db.insert(syncIssues).values({ ...issue(ids["b:F-1"]!, "kb", false), organizationId: b.organizationId });
});
afterAll(async () => handle?.close());

describe("bills list filters", () => {
  it("vendor", async () => {
    expect(await numbers({ party: a.irrigation, sort: "number" })).toEqual(["F-2", "F-4", "F-7"]);
    const list = await bills({ party: a.nursery });
    expect(list.total).toBe(4);
    expect(list.totalCents).toBe(850_00);
  });

  it("another organisation's vendor matches nothing, and B's bills never show in A", async () => {
    expect((await bills({ party: b.nursery })).total).toBe(0);
    expect(await numbers({ q: "F-1" })).toEqual(["F-1"]);
    expect((await listBills(handle.db, b.organizationId, billListQuery.parse({}), { today: TODAY })).rows.map((row) => row.totalCents)).toEqual([999_00]);
  });

  it("bill date range, inclusive, either end open", async () => {
    expect(await numbers({ from: "2026-05-15", to: "2026-06-05", sort: "number" })).toEqual(["F-2", "F-3", "F-4"]);
    expect(await numbers({ from: "2026-06-05", sort: "number" })).toEqual(["F-4", "F-5"]);
    expect(await numbers({ to: "2026-04-01", sort: "number" })).toEqual(["F-6"]);
  });

  it("due this week: the business today and the six days after, open bills only", async () => {
    expect(await numbers({ due: "this_week", sort: "number" })).toEqual(["F-3", "F-4"]);
  });

  it("overdue: due before the business today and still open (paid and voided bills are not overdue)", async () => {
    expect(await numbers({ due: "overdue", sort: "number" })).toEqual(["F-1", "F-2"]);
  });

  it("due filters use the organisation's day when the caller gives none", async () => {
    await handle.db.update(organizations).set({ timeZone: "Pacific/Kiritimati" }).where(eq(organizations.id, a.organizationId));
    const list = await listBills(handle.db, a.organizationId, billListQuery.parse({ due: "overdue" }));
    // Every bill of A is due by 2026-06-17, long before the real today.
    expect(list.total).toBe(5);
  });

  it("status", async () => {
    expect(await numbers({ status: "paid" })).toEqual(["F-6"]);
    expect(await numbers({ status: "voided" })).toEqual(["F-7"]);
  });

  it("sync status: synced, not synced yet, sync issue (open issues only, this organisation only)", async () => {
    expect(await numbers({ sync: "synced", sort: "number" })).toEqual(["F-1"]);
    expect(await numbers({ sync: "issue", sort: "number" })).toEqual(["F-2", "F-3"]);
    expect(await numbers({ sync: "not_synced", sort: "number" })).toEqual(["F-4", "F-5", "F-6", "F-7"]);
  });

  it("filters combine", async () => {
    expect(await numbers({ party: a.nursery, due: "overdue", sync: "synced" })).toEqual(["F-1"]);
    expect(await numbers({ party: a.irrigation, status: "unpaid", from: "2026-06-01" })).toEqual(["F-4"]);
  });

  it("sorts by every column both ways, ties broken by id", async () => {
    expect(await numbers({ sort: "amount", dir: "desc" })).toEqual(["F-5", "F-2", "F-7", "F-3", "F-6", "F-1", "F-4"]);
    expect(await numbers({ sort: "open", dir: "asc" })).toEqual(expect.arrayContaining(["F-6", "F-7"]));
    expect((await numbers({ sort: "open", dir: "asc" })).slice(2)).toEqual(["F-4", "F-1", "F-3", "F-2", "F-5"]);
    expect(await numbers({ sort: "date" })).toEqual(["F-6", "F-7", "F-1", "F-2", "F-3", "F-4", "F-5"]);
    expect(await numbers({ sort: "number", dir: "desc" })).toEqual(["F-7", "F-6", "F-5", "F-4", "F-3", "F-2", "F-1"]);
    expect((await numbers({ sort: "status" })).slice(-2)).toEqual(["F-6", "F-7"]);
    const byVendor = await bills({ sort: "vendor" });
    expect(byVendor.rows.map((row) => row.vendorName)).toEqual([...byVendor.rows.map((row) => row.vendorName)].sort());
    // Same vendor: ids decide, the same way every time, so pages never overlap.
    const again = await bills({ sort: "vendor" });
    expect(again.rows.map((row) => row.id)).toEqual(byVendor.rows.map((row) => row.id));
    const nursery = byVendor.rows.filter((row) => row.vendorName === "Cascade Nursery Supply").map((row) => row.id);
    expect(nursery).toEqual([...nursery].sort());
  });
});

describe("invoices list filters", () => {
  let customerA: string;
  let otherCustomerA: string;
  let customerB: string;
  const invoiceNumbers = async (params: Record<string, string>) =>
    (await listInvoices(handle.db, a.organizationId, invoiceListQuery.parse(params), { today: TODAY })).rows.map((row) => row.invoiceNumber);

  beforeAll(async () => {
    const customerRows = async (org: ApOrg) => handle.db.select().from(customers).where(eq(customers.organizationId, org.organizationId)).orderBy(customers.displayName);
    const [first, second] = await customerRows(a);
    customerA = first!.id;
    otherCustomerA = second!.id;
    customerB = (await customerRows(b))[0]!.id;
    const make = async (org: ApOrg, customerId: string, invoiceNumber: string, invoiceDate: string, dueDate: string) => {
      const [item] = await handle.db.select().from(items).where(and(eq(items.organizationId, org.organizationId), eq(items.name, "Lawn care visit")));
      const input = invoiceSchema.parse({ customerId, invoiceNumber, invoiceDate, dueDate, lines: [{ itemId: item!.id, quantity: "1", unitPrice: "100" }] });
      return (await createInvoice(handle.db, org.actor, input)).id;
    };
    const i1 = await make(a, customerA, "I-1", "2026-05-01", "2026-06-01");
    await make(a, otherCustomerA, "I-2", "2026-06-01", "2026-06-12");
    await make(a, customerA, "I-3", "2026-06-02", "2026-07-01");
    await make(b, customerB, "I-1", "2026-05-01", "2026-06-01");
    await handle.db.insert(syncMappings).values({ organizationId: a.organizationId, objectType: "invoice", localId: i1, realmId: "r1", qboId: "9", syncToken: "0", contentHash: "h" });
  });

  it("customer, with another organisation's customer matching nothing", async () => {
    expect(await invoiceNumbers({ party: customerA, sort: "invoiceNumber", dir: "asc" })).toEqual(["I-1", "I-3"]);
    expect(await invoiceNumbers({ party: customerB })).toEqual([]);
  });

  it("date range, due this week, overdue, sync status", async () => {
    expect(await invoiceNumbers({ from: "2026-06-01", to: "2026-06-30", sort: "invoiceNumber", dir: "asc" })).toEqual(["I-2", "I-3"]);
    expect(await invoiceNumbers({ due: "this_week" })).toEqual(["I-2"]);
    expect(await invoiceNumbers({ due: "overdue" })).toEqual(["I-1"]);
    expect(await invoiceNumbers({ sync: "synced" })).toEqual(["I-1"]);
    expect(await invoiceNumbers({ sync: "not_synced", sort: "invoiceNumber", dir: "asc" })).toEqual(["I-2", "I-3"]);
  });

  it("sorts by status and due date both ways", async () => {
    expect(await invoiceNumbers({ sort: "dueDate", dir: "asc" })).toEqual(["I-1", "I-2", "I-3"]);
    expect(await invoiceNumbers({ sort: "dueDate", dir: "desc" })).toEqual(["I-3", "I-2", "I-1"]);
    expect(await invoiceNumbers({ sort: "status" })).toHaveLength(3);
  });
});

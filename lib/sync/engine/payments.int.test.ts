import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { billPayments, bills, fundsTransfers, invoices, receivedPayments, vendorCreditApplications, vendorCreditLines, vendorCredits } from "@/lib/db/schema";
import { getSyncPreferences } from "@/lib/sync/preferences";
import { accountIdByName, orgWithSandboxCompany, setStandardPreferences, syncNow, syncedOrgWithSandboxCompany } from "@/lib/sync/engine/sandbox-org";
import { closeSyncTestWorld, openSyncTestWorld, type SyncTestWorld } from "@/lib/sync/engine/sync-test-world";

let handle: SyncTestWorld["handle"];
let server: SyncTestWorld["server"];
let qbo: SyncTestWorld["qbo"];
let org: Awaited<ReturnType<typeof orgWithSandboxCompany>>;

beforeAll(async () => {
  ({ handle, server, qbo } = await openSyncTestWorld());
  org = await syncedOrgWithSandboxCompany(handle.db, server, qbo, { vendors: 4, customers: 4, bills: 24, invoices: 24, randomSeed: 3 });
});

afterAll(() => closeSyncTestWorld({ handle, server }));

async function unpaidBills() {
  return handle.db.select().from(bills).where(and(eq(bills.organizationId, org.organizationId), eq(bills.status, "unpaid")));
}

function qboRecord(entity: "Bill" | "Invoice" | "BillPayment" | "Payment" | "JournalEntry" | "VendorCredit", id: string) {
  const record = server.sandbox.getRecord(org.realmId, entity, id);
  if (!record) throw new Error(`${entity} ${id} missing in the sandbox`);
  return record;
}

describe("payments, vendor credits and funds transfers", () => {
  it("a payment recorded in QBO stays in QBO with 2-way payment sync off, and marks the bill paid with it on", async () => {
    const [bill] = await unpaidBills();
    server.sandbox.act(org.realmId, [{ type: "pay-bill", billId: bill!.qboId! }]);
    await syncNow(handle.db, org.organizationId, { clientFactory: qbo.factory });
    const [off] = await handle.db.select().from(bills).where(eq(bills.id, bill!.id));
    expect(off?.status).toBe("unpaid");
    expect(await handle.db.select().from(billPayments).where(eq(billPayments.billId, bill!.id))).toHaveLength(0);

    await setStandardPreferences(handle.db, org.organizationId, org.userId, { twoWayPaymentSync: true });
    const summary = await syncNow(handle.db, org.organizationId, { clientFactory: qbo.factory });
    expect(summary.mode).toBe("full"); // turning on 2-way payments re-reads everything
    const [on] = await handle.db.select().from(bills).where(eq(bills.id, bill!.id));
    expect(on?.status).toBe("paid");
    expect(on?.openBalanceCents).toBe(0);
    const payments = await handle.db.select().from(billPayments).where(eq(billPayments.billId, bill!.id));
    expect(payments).toHaveLength(1);
    expect(payments[0]?.qboId).toBeTruthy();

    // Its void in QBO reopens the bill.
    server.sandbox.act(org.realmId, [{ type: "void", entity: "BillPayment", id: payments[0]!.qboId! }]);
    await syncNow(handle.db, org.organizationId, { clientFactory: qbo.factory });
    const [reopened] = await handle.db.select().from(bills).where(eq(bills.id, bill!.id));
    expect(reopened?.status).toBe("unpaid");
    // …and nothing goes back to QBO for it on later runs.
    const writes = server.sandbox.getStats(org.realmId).writes;
    await syncNow(handle.db, org.organizationId, { clientFactory: qbo.factory });
    expect(server.sandbox.getStats(org.realmId).writes).toBe(writes);
  });

  it("an app bill payment syncs as a BillPayment from Money Out Clearing, and its funds transfer as a journal entry", async () => {
    const db = handle.db;
    const [bill] = await unpaidBills();
    const prefs = await getSyncPreferences(db, org.organizationId);
    const bank = prefs.bankAccountId!;
    const [transfer] = await db
      .insert(fundsTransfers)
      .values({ organizationId: org.organizationId, direction: "out", bankAccountId: bank, transferDate: "2026-11-20", amountCents: bill!.totalCents })
      .returning();
    const [payment] = await db
      .insert(billPayments)
      .values({
        organizationId: org.organizationId,
        billId: bill!.id,
        vendorId: bill!.vendorId,
        kind: "electronic",
        status: "paid",
        amountCents: bill!.totalCents,
        bankAccountId: bank,
        processDate: "2026-11-20",
        paidDate: "2026-11-20",
        fundsTransferId: transfer!.id,
      })
      .returning();
    const summary = await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(summary.counts["bill_payment"]?.created).toBe(1);
    expect(summary.counts["funds_transfer"]?.created).toBe(1);
    const [stored] = await db.select().from(billPayments).where(eq(billPayments.id, payment!.id));
    const bp = qboRecord("BillPayment", stored!.qboId!);
    const clearingQboId = server.sandbox.getRecord(org.realmId, "Account", String((bp["CheckPayment"] as { BankAccountRef: { value: string } }).BankAccountRef.value));
    expect(clearingQboId?.["Name"]).toBe("Money Out Clearing");
    expect(qboRecord("Bill", bill!.qboId!)["Balance"]).toBe(0);
    const [jeRow] = await db.select().from(fundsTransfers).where(eq(fundsTransfers.id, transfer!.id));
    const je = qboRecord("JournalEntry", jeRow!.qboId!);
    const lines = je["Line"] as Array<{ Amount: number; JournalEntryLineDetail: { PostingType: string } }>;
    expect(lines.map((l) => l.JournalEntryLineDetail.PostingType).sort()).toEqual(["Credit", "Debit"]);
    expect(lines.every((l) => l.Amount === bill!.totalCents / 100)).toBe(true);

    // Voided in the app → voided in QBO, the bill open again there.
    await db.update(billPayments).set({ status: "voided", voidedAt: new Date() }).where(eq(billPayments.id, payment!.id));
    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(qboRecord("BillPayment", stored!.qboId!)["TotalAmt"]).toBe(0);
    expect(qboRecord("Bill", bill!.qboId!)["Balance"]).toBe(bill!.totalCents / 100);
    const writes = server.sandbox.getStats(org.realmId).writes;
    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(server.sandbox.getStats(org.realmId).writes).toBe(writes);
  });

  it("a vendor credit that settles a bill alone syncs with a $0 BillPayment linking both", async () => {
    const db = handle.db;
    const bill = (await unpaidBills()).at(-1)!;
    const expense = await accountIdByName(db, org.organizationId, "Repairs & Maintenance");
    const [credit] = await db
      .insert(vendorCredits)
      .values({ organizationId: org.organizationId, vendorId: bill.vendorId, creditNumber: "VC-APP-1", creditDate: "2026-11-21", totalCents: bill.totalCents, balanceCents: 0 })
      .returning();
    await db.insert(vendorCreditLines).values({ organizationId: org.organizationId, vendorCreditId: credit!.id, position: 1, accountId: expense, amountCents: bill.totalCents });
    await db.insert(vendorCreditApplications).values({ organizationId: org.organizationId, vendorCreditId: credit!.id, billId: bill.id, amountCents: bill.totalCents });
    const summary = await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(summary.counts["vendor_credit"]?.created).toBe(1);
    const [syncedCredit] = await db.select().from(vendorCredits).where(eq(vendorCredits.id, credit!.id));
    expect(qboRecord("VendorCredit", syncedCredit!.qboId!)["Balance"]).toBe(0);
    expect(qboRecord("Bill", bill.qboId!)["Balance"]).toBe(0);
    const client = (await qbo.factory(org.organizationId))!.client;
    const zero = (await client.query("BillPayment")).filter((p) => p.TotalAmt === 0 && p.PrivateNote === "Vendor credit applied in Ledgerbridge");
    expect(zero).toHaveLength(1);
    // Nothing is sent twice.
    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect((await client.query("BillPayment")).filter((p) => p.PrivateNote === "Vendor credit applied in Ledgerbridge")).toHaveLength(1);
  });

  it("a received payment syncs as a Payment against its invoice", async () => {
    const db = handle.db;
    const [invoice] = await db.select().from(invoices).where(and(eq(invoices.organizationId, org.organizationId), eq(invoices.status, "unpaid")));
    const deposit = await accountIdByName(db, org.organizationId, "Business Savings");
    const [payment] = await db
      .insert(receivedPayments)
      .values({ organizationId: org.organizationId, invoiceId: invoice!.id, customerId: invoice!.customerId, status: "paid", amountCents: 1_000, depositAccountId: deposit, receivedDate: "2026-11-22", reference: "CHK-77" })
      .returning();
    const summary = await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(summary.counts["payment"]?.created).toBe(1);
    const [stored] = await db.select().from(receivedPayments).where(eq(receivedPayments.id, payment!.id));
    const qboPayment = qboRecord("Payment", stored!.qboId!);
    expect(qboPayment["TotalAmt"]).toBe(10);
    expect(qboRecord("Invoice", invoice!.qboId!)["Balance"]).toBe((invoice!.totalCents - 1_000) / 100);
  });
});

import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markAsPaidSchema, vendorCreditSchema } from "@/lib/ap";
import { bills, vendorCredits } from "@/lib/db/schema";
import { markBillAsPaid } from "@/lib/payments/payment-repository";
import { getSyncPreferences } from "@/lib/sync/preferences";
import { accountIdByName, syncNow, syncedOrgWithSandboxCompany } from "@/lib/sync/engine/sandbox-org";
import { closeSyncTestWorld, openSyncTestWorld, type SyncTestWorld } from "@/lib/sync/engine/sync-test-world";
import { applyVendorCredit, createVendorCredit, getVendorCreditDetail, unapplyVendorCredit, updateVendorCredit, voidVendorCredit } from "./credit-repository";

/** Vendor credits edited, unapplied and voided in the app, each synced to the built-in QBO sandbox exactly once. */

let handle: SyncTestWorld["handle"];
let server: SyncTestWorld["server"];
let qbo: SyncTestWorld["qbo"];
let org: Awaited<ReturnType<typeof syncedOrgWithSandboxCompany>>;
let actor: { organizationId: string; userId: string };
let expense: string;

beforeAll(async () => {
  ({ handle, server, qbo } = await openSyncTestWorld());
  org = await syncedOrgWithSandboxCompany(handle.db, server, qbo, { vendors: 3, customers: 2, bills: 20, invoices: 2, randomSeed: 14 });
  actor = { organizationId: org.organizationId, userId: org.userId };
  expense = await accountIdByName(handle.db, org.organizationId, "Repairs & Maintenance");
});

afterAll(() => closeSyncTestWorld({ handle, server }));

const sync = () => syncNow(handle.db, org.organizationId, { clientFactory: qbo.factory });

function qboRecord(entity: "Bill" | "BillPayment" | "VendorCredit", id: string) {
  return server.sandbox.getRecord(org.realmId, entity, id);
}

/** A synced unpaid app bill no other test uses. */
const billsTaken = new Set<string>();
async function freshBill() {
  const rows = await handle.db.select().from(bills).where(and(eq(bills.organizationId, org.organizationId), eq(bills.status, "unpaid")));
  const bill = rows.filter((row) => row.qboId && row.totalCents >= 2000 && !billsTaken.has(row.id)).sort((a, b) => a.id.localeCompare(b.id))[0];
  if (!bill) throw new Error("no unpaid bill left");
  billsTaken.add(bill.id);
  return bill;
}

function creditForm(vendorId: string, number: string, cents: number, extra: { memo?: string; date?: string } = {}) {
  return vendorCreditSchema.parse({
    vendorId,
    creditNumber: number,
    creditDate: extra.date ?? "2026-11-20",
    currency: "USD",
    memo: extra.memo ?? "",
    lines: [{ accountId: expense, description: "Returned parts", amount: (cents / 100).toFixed(2) }],
  });
}

async function syncedCredit(vendorId: string, number: string, cents: number) {
  const { id } = await createVendorCredit(handle.db, actor, creditForm(vendorId, number, cents));
  await sync();
  const [row] = await handle.db.select().from(vendorCredits).where(eq(vendorCredits.id, id));
  expect(row?.qboId).toBeTruthy();
  return { id, qboId: row!.qboId! };
}

async function expectNoWritesOnRerun() {
  const writes = server.sandbox.getStats(org.realmId).writes;
  await sync();
  expect(server.sandbox.getStats(org.realmId).writes).toBe(writes);
}

async function billRow(id: string) {
  const [row] = await handle.db.select().from(bills).where(eq(bills.id, id));
  return row!;
}

describe("vendor credit edit, unapply and void, synced to QBO", () => {
  it("an unapplied credit's edit syncs as an update of its VendorCredit; an applied one refuses edits", async () => {
    const bill = await freshBill();
    const credit = await syncedCredit(bill.vendorId, "VC-EDIT-1", 2500);
    const before = qboRecord("VendorCredit", credit.qboId)!;

    await updateVendorCredit(handle.db, actor, credit.id, creditForm(bill.vendorId, "VC-EDIT-1B", 3100, { memo: "Corrected credit memo", date: "2026-11-22" }));
    const summary = await sync();
    expect(summary.counts["vendor_credit"]?.updated).toBe(1);
    const after = qboRecord("VendorCredit", credit.qboId)!;
    expect(after["DocNumber"]).toBe("VC-EDIT-1B");
    expect(after["TotalAmt"]).toBe(31);
    expect(after["TxnDate"]).toBe("2026-11-22");
    expect(after["PrivateNote"]).toBe("Corrected credit memo");
    expect(Number(after["SyncToken"])).toBe(Number(before["SyncToken"]) + 1);
    await expectNoWritesOnRerun();

    await applyVendorCredit(handle.db, actor, { vendorCreditId: credit.id, applications: [{ billId: bill.id, amountCents: 1000 }] });
    await expect(updateVendorCredit(handle.db, actor, credit.id, creditForm(bill.vendorId, "VC-EDIT-1C", 3100))).rejects.toThrow(
      /applied to bills, so it can't be edited/,
    );
    await expect(voidVendorCredit(handle.db, actor, credit.id)).rejects.toThrow(/Unapply it from every bill first, then void it/);
  });

  it("unapplying a credit that settled a bill alone voids its $0 BillPayment in QBO and reopens the bill", async () => {
    const bill = await freshBill();
    const credit = await syncedCredit(bill.vendorId, "VC-UNAPPLY-1", bill.totalCents);
    await applyVendorCredit(handle.db, actor, { vendorCreditId: credit.id, applications: [{ billId: bill.id, amountCents: bill.totalCents }] });
    await sync();
    expect((await billRow(bill.id)).status).toBe("paid");
    expect(qboRecord("Bill", bill.qboId!)!["Balance"]).toBe(0);
    const detail = (await getVendorCreditDetail(handle.db, org.organizationId, credit.id))!;
    const application = detail.applications[0]!;

    await unapplyVendorCredit(handle.db, actor, { vendorCreditId: credit.id, applicationId: application.id });
    const reopened = await billRow(bill.id);
    expect(reopened.status).toBe("unpaid");
    expect(reopened.openBalanceCents).toBe(bill.totalCents);
    const unapplied = (await getVendorCreditDetail(handle.db, org.organizationId, credit.id))!;
    expect(unapplied.status).toBe("unapplied");
    expect(unapplied.credit.balanceCents).toBe(bill.totalCents);
    await expect(unapplyVendorCredit(handle.db, actor, { vendorCreditId: credit.id, applicationId: application.id })).rejects.toThrow(/already unapplied/);

    const client = (await qbo.factory(org.organizationId))!.client;
    const settlement = (await client.query("BillPayment")).find((p) => p.PrivateNote === "Vendor credit applied in Ledgerbridge" && p.Line.some((l) => l.LinkedTxn.some((t) => t.TxnId === credit.qboId)));
    expect(settlement).toBeTruthy();
    await sync();
    expect(qboRecord("Bill", bill.qboId!)!["Balance"]).toBe(bill.totalCents / 100);
    expect(qboRecord("VendorCredit", credit.qboId)!["Balance"]).toBe(bill.totalCents / 100);
    const voided = qboRecord("BillPayment", settlement!.Id)!;
    expect(voided["Line"]).toEqual([]);
    expect(String(voided["PrivateNote"])).toMatch(/^Voided/);
    await expectNoWritesOnRerun();
  });

  it("unapplying a credit carried by a real payment takes the credit line off that BillPayment and keeps the cash on the bill", async () => {
    const bill = await freshBill();
    const creditCents = 1000;
    const credit = await syncedCredit(bill.vendorId, "VC-UNAPPLY-2", creditCents);
    await applyVendorCredit(handle.db, actor, { vendorCreditId: credit.id, applications: [{ billId: bill.id, amountCents: creditCents }] });
    const prefs = await getSyncPreferences(handle.db, org.organizationId);
    const cash = bill.totalCents - creditCents;
    const { paymentId } = await markBillAsPaid(
      handle.db,
      actor,
      markAsPaidSchema.parse({ billId: bill.id, bankAccountId: prefs.bankAccountId, paidDate: "2026-11-23", amount: (cash / 100).toFixed(2), syncToQbo: "on" }),
    );
    await sync();
    expect(qboRecord("Bill", bill.qboId!)!["Balance"]).toBe(0);
    const client = (await qbo.factory(org.organizationId))!.client;
    const carrier = (await client.query("BillPayment")).find((p) => p.Line.some((l) => l.LinkedTxn.some((t) => t.TxnId === credit.qboId)));
    expect(carrier?.TotalAmt).toBe(cash / 100);

    const application = (await getVendorCreditDetail(handle.db, org.organizationId, credit.id))!.applications[0]!;
    await unapplyVendorCredit(handle.db, actor, { vendorCreditId: credit.id, applicationId: application.id });
    const partly = await billRow(bill.id);
    expect(partly.status).toBe("partially_paid");
    expect(partly.openBalanceCents).toBe(creditCents);

    await sync();
    const stripped = qboRecord("BillPayment", carrier!.Id)!;
    expect(stripped["TotalAmt"]).toBe(cash / 100);
    expect(stripped["Line"]).toEqual([expect.objectContaining({ Amount: cash / 100, LinkedTxn: [expect.objectContaining({ TxnId: bill.qboId, TxnType: "Bill" })] })]);
    expect(qboRecord("Bill", bill.qboId!)!["Balance"]).toBe(creditCents / 100);
    expect(qboRecord("VendorCredit", credit.qboId)!["Balance"]).toBe(creditCents / 100);
    expect(paymentId).toBeTruthy();
    await expectNoWritesOnRerun();
  });

  it("voiding an unapplied credit shows it voided and deletes its VendorCredit in QBO", async () => {
    const bill = await freshBill();
    const credit = await syncedCredit(bill.vendorId, "VC-VOID-1", 1500);
    await voidVendorCredit(handle.db, actor, credit.id);
    const detail = (await getVendorCreditDetail(handle.db, org.organizationId, credit.id))!;
    expect(detail.status).toBe("voided");
    expect(detail.credit.balanceCents).toBe(0);
    await expect(voidVendorCredit(handle.db, actor, credit.id)).rejects.toThrow(/already voided/);

    const summary = await sync();
    expect(summary.counts["vendor_credit"]?.failed ?? 0).toBe(0);
    expect(qboRecord("VendorCredit", credit.qboId)).toBeUndefined();
    await expectNoWritesOnRerun();
  });

  it("a credit unapplied and then voided in one go reaches QBO in one sync: the link is undone before the delete", async () => {
    const bill = await freshBill();
    const credit = await syncedCredit(bill.vendorId, "VC-VOID-2", bill.totalCents);
    await applyVendorCredit(handle.db, actor, { vendorCreditId: credit.id, applications: [{ billId: bill.id, amountCents: bill.totalCents }] });
    await sync();
    const application = (await getVendorCreditDetail(handle.db, org.organizationId, credit.id))!.applications[0]!;
    await unapplyVendorCredit(handle.db, actor, { vendorCreditId: credit.id, applicationId: application.id });
    await voidVendorCredit(handle.db, actor, credit.id);
    const summary = await sync();
    expect(summary.counts["vendor_credit"]?.failed ?? 0).toBe(0);
    expect(qboRecord("VendorCredit", credit.qboId)).toBeUndefined();
    expect(qboRecord("Bill", bill.qboId!)!["Balance"]).toBe(bill.totalCents / 100);
    await expectNoWritesOnRerun();
  });

  it("an unapply interrupted right after QBO took it is completed by the next sync, not sent twice", async () => {
    const bill = await freshBill();
    const creditCents = 800;
    const credit = await syncedCredit(bill.vendorId, "VC-CRASH-1", creditCents);
    await applyVendorCredit(handle.db, actor, { vendorCreditId: credit.id, applications: [{ billId: bill.id, amountCents: creditCents }] });
    const prefs = await getSyncPreferences(handle.db, org.organizationId);
    const cash = bill.totalCents - creditCents;
    await markBillAsPaid(
      handle.db,
      actor,
      markAsPaidSchema.parse({ billId: bill.id, bankAccountId: prefs.bankAccountId, paidDate: "2026-11-24", amount: (cash / 100).toFixed(2), syncToQbo: "on" }),
    );
    await sync();
    const client = (await qbo.factory(org.organizationId))!.client;
    const carrier = (await client.query("BillPayment")).find((p) => p.Line.some((l) => l.LinkedTxn.some((t) => t.TxnId === credit.qboId)))!;
    const application = (await getVendorCreditDetail(handle.db, org.organizationId, credit.id))!.applications[0]!;
    await unapplyVendorCredit(handle.db, actor, { vendorCreditId: credit.id, applicationId: application.id });

    const crashed = await syncNow(handle.db, org.organizationId, {
      clientFactory: qbo.factory,
      afterWrite: ({ intentionKeys }) => {
        if (intentionKeys.some((key) => key.includes(`credit_unapply:${carrier.Id}:`))) throw new Error("power cut");
      },
    });
    expect(crashed.status).toBe("failed");
    const token = Number(qboRecord("BillPayment", carrier.Id)!["SyncToken"]);
    await sync();
    // Recovery re-sent the same request: QBO replayed its answer instead of changing the payment again.
    expect(Number(qboRecord("BillPayment", carrier.Id)!["SyncToken"])).toBe(token);
    expect(qboRecord("Bill", bill.qboId!)!["Balance"]).toBe(creditCents / 100);
    expect(qboRecord("VendorCredit", credit.qboId)!["Balance"]).toBe(creditCents / 100);
    await expectNoWritesOnRerun();
  });
});

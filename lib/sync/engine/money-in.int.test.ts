import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { businessToday } from "@/lib/bills/today";
import { accounts, fundsTransfers, invoices, receivedPayments } from "@/lib/db/schema";
import { receivePayment } from "@/lib/received-payments/receive-payment";
import { listReceivedPayments } from "@/lib/received-payments/queries";
import { parseReceivedPaymentListQuery } from "@/lib/received-payments/list-query";
import { loadFundsTransferReport } from "@/lib/reports/funds-transfers";
import { getSyncPreferences } from "@/lib/sync/preferences";
import { syncNow, syncedOrgWithSandboxCompany } from "@/lib/sync/engine/sandbox-org";
import { closeSyncTestWorld, openSyncTestWorld, type SyncTestWorld } from "@/lib/sync/engine/sync-test-world";

let handle: SyncTestWorld["handle"];
let server: SyncTestWorld["server"];
let qbo: SyncTestWorld["qbo"];
let org: Awaited<ReturnType<typeof syncedOrgWithSandboxCompany>>;

beforeAll(async () => {
  ({ handle, server, qbo } = await openSyncTestWorld());
  org = await syncedOrgWithSandboxCompany(handle.db, server, qbo, { vendors: 2, customers: 3, bills: 4, invoices: 16, randomSeed: 11 });
}, 180_000);

afterAll(() => closeSyncTestWorld({ handle, server }));

class SimulatedCrash extends Error {}

const actor = () => ({ organizationId: org.organizationId, userId: org.userId });

type Receipt = { invoiceId: string; depositAccountId: string; paymentDate: string; amountCents: number; method: "electronic" | "offline"; reference?: string };
const receive = (receipt: Receipt) => receivePayment(handle.db, actor(), { reference: undefined, memo: undefined, ...receipt });

async function openInvoices() {
  return handle.db
    .select()
    .from(invoices)
    .where(and(eq(invoices.organizationId, org.organizationId), eq(invoices.status, "unpaid"), isNotNull(invoices.qboId)))
    .orderBy(invoices.invoiceNumber);
}

function qboRecord(entity: "Payment" | "JournalEntry" | "Account", id: string) {
  const record = server.sandbox.getRecord(org.realmId, entity, id);
  if (!record) throw new Error(`${entity} ${id} missing in the sandbox`);
  return record;
}

function accountNameOf(ref: unknown): unknown {
  return qboRecord("Account", String((ref as { value: string }).value))["Name"];
}

describe("received payments through Money In Clearing", () => {
  it("electronic receipts deposit to Money In Clearing and reach the bank as one journal entry per day; offline ones keep their account", { timeout: 60_000 }, async () => {
    const db = handle.db;
    const today = businessToday("UTC");
    const prefs = await getSyncPreferences(db, org.organizationId);
    const bank = prefs.bankAccountId!;
    const [first, second, third] = await openInvoices();
    const a = await receive({ invoiceId: first!.id, depositAccountId: bank, paymentDate: today, amountCents: 12_345, method: "electronic" });
    const b = await receive({ invoiceId: second!.id, depositAccountId: bank, paymentDate: today, amountCents: 5_000, method: "electronic" });
    const c = await receive({ invoiceId: third!.id, depositAccountId: bank, paymentDate: today, amountCents: 700, method: "offline", reference: "CHK 88" });

    const summary = await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(summary.counts["payment"]?.created).toBe(3);
    expect(summary.counts["funds_transfer"]?.created).toBe(1);

    const rows = new Map((await db.select().from(receivedPayments).where(eq(receivedPayments.organizationId, org.organizationId))).map((row) => [row.id, row]));
    const electronicA = rows.get(a.id)!;
    const electronicB = rows.get(b.id)!;
    const offline = rows.get(c.id)!;
    expect(accountNameOf(qboRecord("Payment", electronicA.qboId!)["DepositToAccountRef"])).toBe("Money In Clearing");
    expect(accountNameOf(qboRecord("Payment", electronicB.qboId!)["DepositToAccountRef"])).toBe("Money In Clearing");
    expect(accountNameOf(qboRecord("Payment", offline.qboId!)["DepositToAccountRef"])).toBe("Business Checking");

    // The two electronic receipts of the day are one transfer; the offline one is in none.
    expect(electronicA.fundsTransferId).toBeTruthy();
    expect(electronicB.fundsTransferId).toBe(electronicA.fundsTransferId);
    expect(offline.fundsTransferId).toBeNull();
    const [transfer] = await db.select().from(fundsTransfers).where(eq(fundsTransfers.id, electronicA.fundsTransferId!));
    expect(transfer).toMatchObject({ direction: "in", transferDate: today, bankAccountId: bank, amountCents: 17_345 });
    const je = qboRecord("JournalEntry", transfer!.qboId!);
    const lines = (je["Line"] as Array<{ Amount: number; JournalEntryLineDetail: { PostingType: string; AccountRef: { value: string } } }>).map((line) => ({
      amount: line.Amount,
      posting: line.JournalEntryLineDetail.PostingType,
      account: accountNameOf(line.JournalEntryLineDetail.AccountRef),
    }));
    expect(lines).toEqual(
      expect.arrayContaining([
        { amount: 173.45, posting: "Debit", account: "Business Checking" },
        { amount: 173.45, posting: "Credit", account: "Money In Clearing" },
      ]),
    );
    expect(je["TxnDate"]).toBe(today);

    // Exactly once: a second run writes nothing.
    const writes = server.sandbox.getStats(org.realmId).writes;
    const quiet = await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(quiet.counts["funds_transfer"]?.created ?? 0).toBe(0);
    expect(server.sandbox.getStats(org.realmId).writes).toBe(writes);

    // The report shows the money-in transfer, netting Money In Clearing to zero.
    const report = await loadFundsTransferReport(db, org.organizationId, { from: today, to: today });
    expect(report.totals.in).toMatchObject({ transferCount: 1, transfersCents: 17_345, paymentsInTransfersCents: 17_345, unassignedPaymentsCents: 0, clearingBalanceCents: 0, reconciles: true });
    const section = report.sections.find((s) => s.transfer.direction === "in")!;
    expect(section.payments.map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
    expect(report.unassignedPayments.some((p) => p.id === c.id)).toBe(false);
  });

  it("a crash after QBO took the journal entry records it once on the next run", { timeout: 60_000 }, async () => {
    const db = handle.db;
    const today = businessToday("UTC");
    const prefs = await getSyncPreferences(db, org.organizationId);
    const [invoice] = await openInvoices();
    const paid = await receive({ invoiceId: invoice!.id, depositAccountId: prefs.bankAccountId!, paymentDate: today, amountCents: 4_200, method: "electronic" });

    const crashed = await syncNow(db, org.organizationId, {
      clientFactory: qbo.factory,
      afterWrite: ({ intentionKeys }) => {
        if (intentionKeys.some((key) => key.includes(":funds_transfer:"))) throw new SimulatedCrash("power cut");
      },
    });
    expect(crashed.status).toBe("failed");
    const [row] = await db.select().from(receivedPayments).where(eq(receivedPayments.id, paid.id));
    expect(row?.fundsTransferId).toBeTruthy();
    const journalEntries = async () => (await (await qbo.factory(org.organizationId))!.client.query("JournalEntry")).length;
    const before = await journalEntries();

    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(await journalEntries()).toBe(before); // the retry was replayed, not written again
    const [transfer] = await db.select().from(fundsTransfers).where(eq(fundsTransfers.id, row!.fundsTransferId!));
    expect(transfer?.qboId).toBeTruthy();
    expect(transfer?.amountCents).toBe(4_200);
    const report = await loadFundsTransferReport(db, org.organizationId, { from: today, to: today });
    expect(report.totals.in).toMatchObject({ transferCount: 2, transfersCents: 17_345 + 4_200, clearingBalanceCents: 0, reconciles: true });
  });

  it("an electronic receipt must reach a bank account, not Undeposited Funds", async () => {
    const db = handle.db;
    const [invoice] = await openInvoices();
    const [undeposited] = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.organizationId, org.organizationId), eq(accounts.accountSubType, "UndepositedFunds")));
    expect(undeposited).toBeTruthy();
    await expect(
      receive({ invoiceId: invoice!.id, depositAccountId: undeposited!.id, paymentDate: businessToday("UTC"), amountCents: 100, method: "electronic" }),
    ).rejects.toMatchObject({ fieldErrors: { depositAccountId: [expect.stringContaining("bank account")] } });
  });

  it("the Received payments list searches customer, invoice number and reference, filters by date and clamps the page", async () => {
    const db = handle.db;
    const today = businessToday("UTC");
    const list = (params: Record<string, string>, pageSize?: number) => listReceivedPayments(db, org.organizationId, parseReceivedPaymentListQuery(params), pageSize);

    const byReference = await list({ q: "chk 88" });
    expect(byReference.rows.map((row) => row.reference)).toEqual(["CHK 88"]);
    const offline = byReference.rows[0]!;
    expect(offline).toMatchObject({ kind: "offline", depositAccountName: "Business Checking", fundsTransferId: null, sync: { state: "synced" } });

    const byInvoice = await list({ q: offline.invoiceNumber });
    expect(byInvoice.rows.every((row) => row.invoiceNumber.toLowerCase().includes(offline.invoiceNumber.toLowerCase()))).toBe(true);
    const byCustomer = await list({ q: offline.customerName });
    expect(byCustomer.rows.some((row) => row.id === offline.id)).toBe(true);

    const electronic = (await list({ from: today, to: today })).rows.filter((row) => row.kind === "electronic");
    expect(electronic).toHaveLength(3);
    expect(electronic.every((row) => row.transferQboId && row.sync.state === "synced")).toBe(true);
    expect((await list({ from: "2001-01-01", to: "2001-12-31" })).total).toBe(0);

    // 4 payments, 3 a page: page 9 shows page 2 (the last).
    const clamped = await list({ from: today, to: today, page: "9" }, 3);
    expect(clamped).toMatchObject({ page: 2, total: 4 });
    expect(clamped.rows).toHaveLength(1);

    // Another organisation sees none of them.
    expect((await listReceivedPayments(db, "00000000-0000-4000-8000-000000000000", parseReceivedPaymentListQuery({}))).total).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import {
  fundsTransferDetailReport,
  fundsTransferJournalLines,
  groupIntoFundsTransfers,
  groupReceivedDeposits,
  paymentsDueForProcessing,
  type ClearingPaymentRecord,
  type FundsTransferRecord,
  type ProcessablePayment,
  type ReceivedDepositCandidate,
} from "./funds-transfer";
import { MoneyError } from "./money";

const payment = (id: string, amountCents: number, processDate: string, bankAccountId: string, extra: Partial<ProcessablePayment> = {}): ProcessablePayment => ({
  id,
  amountCents,
  processDate,
  bankAccountId,
  status: "scheduled",
  ...extra,
});

describe("paymentsDueForProcessing", () => {
  it("takes scheduled payments due today or earlier", () => {
    const due = paymentsDueForProcessing(
      [
        payment("late", 1, "2026-03-01", "a"),
        payment("today", 1, "2026-03-02", "a"),
        payment("future", 1, "2026-03-03", "a"),
        payment("done", 1, "2026-03-01", "a", { status: "paid" }),
        payment("cancelled", 1, "2026-03-01", "a", { status: "voided" }),
      ],
      "2026-03-02",
    );
    expect(due.map((p) => p.id)).toEqual(["late", "today"]);
  });
});

describe("groupIntoFundsTransfers", () => {
  it("makes one lump sum per day and bank account (two banks on the same day → two transfers)", () => {
    const transfers = groupIntoFundsTransfers([
      payment("p1", 10000, "2026-03-02", "bank-b"),
      payment("p2", 2550, "2026-03-02", "bank-a"),
      payment("p3", 450, "2026-03-02", "bank-b"),
      payment("p4", 999, "2026-03-01", "bank-b"),
      payment("p5", 1, "2026-03-02", "bank-a"),
    ]);
    expect(transfers).toEqual([
      { key: "out|2026-03-01|bank-b", direction: "out", transferDate: "2026-03-01", bankAccountId: "bank-b", totalCents: 999, paymentIds: ["p4"] },
      { key: "out|2026-03-02|bank-a", direction: "out", transferDate: "2026-03-02", bankAccountId: "bank-a", totalCents: 2551, paymentIds: ["p2", "p5"] },
      { key: "out|2026-03-02|bank-b", direction: "out", transferDate: "2026-03-02", bankAccountId: "bank-b", totalCents: 10450, paymentIds: ["p1", "p3"] },
    ]);
    const total = transfers.reduce((sum, t) => sum + t.totalCents, 0);
    expect(total).toBe(10000 + 2550 + 450 + 999 + 1);
  });

  it("keeps money in and money out apart", () => {
    const transfers = groupIntoFundsTransfers([
      payment("out1", 100, "2026-03-02", "bank-a"),
      payment("in1", 300, "2026-03-02", "bank-a", { direction: "in" }),
    ]);
    expect(transfers.map((t) => [t.key, t.totalCents])).toEqual([
      ["in|2026-03-02|bank-a", 300],
      ["out|2026-03-02|bank-a", 100],
    ]);
  });

  it("returns nothing for no payments", () => {
    expect(groupIntoFundsTransfers([])).toEqual([]);
  });

  it("refuses zero, negative or fractional amounts, duplicates and bad dates", () => {
    expect(() => groupIntoFundsTransfers([payment("p", 0, "2026-03-02", "a")])).toThrow(MoneyError);
    expect(() => groupIntoFundsTransfers([payment("p", -1, "2026-03-02", "a")])).toThrow(MoneyError);
    expect(() => groupIntoFundsTransfers([payment("p", 1.5, "2026-03-02", "a")])).toThrow(MoneyError);
    expect(() => groupIntoFundsTransfers([payment("p", 1, "2026-03-02", "a"), payment("p", 1, "2026-03-02", "a")])).toThrow(/twice/);
    expect(() => groupIntoFundsTransfers([payment("p", 1, "2026-02-30", "a")])).toThrow(MoneyError);
  });
});

describe("fundsTransferJournalLines", () => {
  it("moves money out: debit clearing, credit bank", () => {
    expect(fundsTransferJournalLines({ direction: "out", totalCents: 500 }, { bankAccountId: "35", clearingAccountId: "90" })).toEqual([
      { postingType: "Debit", accountId: "90", amountCents: 500 },
      { postingType: "Credit", accountId: "35", amountCents: 500 },
    ]);
  });

  it("moves money in: debit bank, credit clearing", () => {
    expect(fundsTransferJournalLines({ direction: "in", totalCents: 500 }, { bankAccountId: "35", clearingAccountId: "91" })).toEqual([
      { postingType: "Debit", accountId: "35", amountCents: 500 },
      { postingType: "Credit", accountId: "91", amountCents: 500 },
    ]);
  });
});

const clearingPayment = (id: string, amountCents: number, extra: Partial<ClearingPaymentRecord> = {}): ClearingPaymentRecord => ({
  id,
  direction: "out",
  status: "paid",
  amountCents,
  date: "2026-03-02",
  qboId: `qbo-${id}`,
  partyName: "Acme",
  documentNumber: `B-${id}`,
  ...extra,
});

const transfer = (id: string, amountCents: number, paymentIds: string[], extra: Partial<FundsTransferRecord> = {}): FundsTransferRecord => ({
  id,
  direction: "out",
  transferDate: "2026-03-02",
  bankAccountId: "bank-a",
  amountCents,
  qboId: `je-${id}`,
  paymentIds,
  ...extra,
});

describe("fundsTransferDetailReport", () => {
  it("reconciles when every payment sits in a transfer of the same total", () => {
    const report = fundsTransferDetailReport({
      transfers: [
        transfer("t2", 300, ["p3"], { bankAccountId: "bank-b" }),
        transfer("t1", 350, ["p1", "p2"]),
        transfer("t3", 700, ["r1"], { direction: "in", transferDate: "2026-03-01" }),
      ],
      payments: [
        clearingPayment("p1", 100),
        clearingPayment("p2", 250),
        clearingPayment("p3", 300),
        clearingPayment("r1", 700, { direction: "in", status: "received" }),
      ],
    });
    expect(report.sections.map((s) => [s.transfer.id, s.paymentsTotalCents, s.differenceCents, s.balanced])).toEqual([
      ["t3", 700, 0, true],
      ["t1", 350, 0, true],
      ["t2", 300, 0, true],
    ]);
    expect(report.sections[1]?.payments.map((p) => p.qboId)).toEqual(["qbo-p1", "qbo-p2"]);
    expect(report.unassignedPayments).toEqual([]);
    expect(report.totals.out).toEqual({
      transferCount: 2,
      transfersCents: 650,
      paymentsInTransfersCents: 650,
      unassignedPaymentsCents: 0,
      clearingBalanceCents: 0,
      reconciles: true,
    });
    expect(report.totals.in.reconciles).toBe(true);
    expect(report.totals.in.transfersCents).toBe(700);
  });

  it("shows payments not yet in a transfer as money left in clearing", () => {
    const report = fundsTransferDetailReport({
      transfers: [transfer("t1", 100, ["p1"])],
      payments: [clearingPayment("p1", 100), clearingPayment("p2", 40, { status: "processing" })],
    });
    expect(report.unassignedPayments.map((p) => p.id)).toEqual(["p2"]);
    expect(report.totals.out.unassignedPaymentsCents).toBe(40);
    expect(report.totals.out.clearingBalanceCents).toBe(40);
    expect(report.totals.out.reconciles).toBe(false);
  });

  it("flags a transfer whose payment was voided afterwards", () => {
    const report = fundsTransferDetailReport({
      transfers: [transfer("t1", 300, ["p1", "p2"])],
      payments: [clearingPayment("p1", 100), clearingPayment("p2", 200, { status: "voided" })],
    });
    const section = report.sections[0];
    expect(section?.missingPaymentIds).toEqual(["p2"]);
    expect(section?.differenceCents).toBe(200);
    expect(section?.balanced).toBe(false);
    expect(report.totals.out.clearingBalanceCents).toBe(-200);
    expect(report.totals.out.reconciles).toBe(false);
  });

  it("is empty and reconciled with no data", () => {
    const report = fundsTransferDetailReport({ transfers: [], payments: [] });
    expect(report.sections).toEqual([]);
    expect(report.totals.out.reconciles).toBe(true);
    expect(report.totals.in.transferCount).toBe(0);
  });

  it("round-trips with groupIntoFundsTransfers", () => {
    const payments = [clearingPayment("a", 123), clearingPayment("b", 877), clearingPayment("c", 5, { date: "2026-03-03" })];
    const drafts = groupIntoFundsTransfers(payments.map((p) => ({ id: p.id, amountCents: p.amountCents, processDate: p.date, bankAccountId: "bank-a" })));
    const report = fundsTransferDetailReport({
      transfers: drafts.map((d, i) => ({ id: `t${i}`, direction: d.direction, transferDate: d.transferDate, bankAccountId: d.bankAccountId, amountCents: d.totalCents, qboId: null, paymentIds: d.paymentIds })),
      payments,
    });
    expect(report.totals.out).toMatchObject({ transferCount: 2, transfersCents: 1005, reconciles: true });
  });
});

describe("groupReceivedDeposits", () => {
  const received = (id: string, amountCents: number, receivedDate: string, bankAccountId: string, extra: Partial<ReceivedDepositCandidate> = {}): ReceivedDepositCandidate => ({
    id,
    amountCents,
    receivedDate,
    bankAccountId,
    kind: "electronic",
    status: "paid",
    fundsTransferId: null,
    inQbo: true,
    ...extra,
  });

  it("groups same-day electronic receipts into one money-in transfer per bank account", () => {
    const transfers = groupReceivedDeposits(
      [
        received("a", 10_000, "2026-12-01", "bank-1"),
        received("b", 2_550, "2026-12-01", "bank-1"),
        received("c", 700, "2026-12-02", "bank-1"),
        received("d", 300, "2026-12-01", "bank-2"),
      ],
      "2026-12-03",
    );
    expect(transfers).toEqual([
      { key: "in|2026-12-01|bank-1", direction: "in", transferDate: "2026-12-01", bankAccountId: "bank-1", totalCents: 12_550, paymentIds: ["a", "b"] },
      { key: "in|2026-12-01|bank-2", direction: "in", transferDate: "2026-12-01", bankAccountId: "bank-2", totalCents: 300, paymentIds: ["d"] },
      { key: "in|2026-12-02|bank-1", direction: "in", transferDate: "2026-12-02", bankAccountId: "bank-1", totalCents: 700, paymentIds: ["c"] },
    ]);
  });

  it("leaves out offline, voided, already transferred, not-yet-in-QuickBooks and future payments", () => {
    const transfers = groupReceivedDeposits(
      [
        received("offline", 100, "2026-12-01", "bank-1", { kind: "offline" }),
        received("voided", 100, "2026-12-01", "bank-1", { status: "voided" }),
        received("done", 100, "2026-12-01", "bank-1", { fundsTransferId: "t-1" }),
        received("unsynced", 100, "2026-12-01", "bank-1", { inQbo: false }),
        received("future", 100, "2026-12-04", "bank-1"),
        received("today", 100, "2026-12-03", "bank-1"),
      ],
      "2026-12-03",
    );
    expect(transfers.map((transfer) => transfer.paymentIds)).toEqual([["today"]]);
  });

  it("makes nothing when nothing is due", () => {
    expect(groupReceivedDeposits([], "2026-12-03")).toEqual([]);
  });
});

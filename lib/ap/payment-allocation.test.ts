import { describe, expect, it } from "vitest";
import { summarizeBill } from "./document-status";
import { fullPaymentRequest, payableCents, paymentMethodErrors, planBillPayments, type PayableBill, type PaymentMethod } from "./payment-allocation";

function bill(id: string, vendorId: string, totalCents: number, payments: Parameters<typeof summarizeBill>[0]["payments"] = []): PayableBill {
  return { id, vendorId, currency: "USD", ...summarizeBill({ totalCents, payments }) };
}

const electronic: PaymentMethod = { kind: "electronic", bankAccountId: "bank-1", processDate: "2026-03-02", today: "2026-03-01" };

describe("planBillPayments", () => {
  it("makes one scheduled draft per bill, across vendors", () => {
    const result = planBillPayments({
      bills: [bill("b1", "v1", 10000), bill("b2", "v2", 5000)],
      requests: [
        { billId: "b1", amountCents: 10000 },
        { billId: "b2", amountCents: 1234 },
      ],
      method: electronic,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.totalCents).toBe(11234);
    expect(result.value.drafts).toEqual([
      {
        billId: "b1",
        vendorId: "v1",
        currency: "USD",
        amountCents: 10000,
        kind: "electronic",
        status: "scheduled",
        bankAccountId: "bank-1",
        processDate: "2026-03-02",
        paidDate: null,
        reference: null,
        syncToQbo: true,
      },
      expect.objectContaining({ billId: "b2", vendorId: "v2", amountCents: 1234 }),
    ]);
  });

  it("allows partial payments up to what is still payable", () => {
    const partlyScheduled = bill("b1", "v1", 10000, [{ status: "scheduled", amountCents: 6000 }]);
    expect(payableCents(partlyScheduled)).toBe(4000);
    expect(planBillPayments({ bills: [partlyScheduled], requests: [{ billId: "b1", amountCents: 4000 }], method: electronic }).ok).toBe(true);
    const over = planBillPayments({ bills: [partlyScheduled], requests: [{ billId: "b1", amountCents: 4001 }], method: electronic });
    expect(over).toEqual({
      ok: false,
      errors: [{ path: "payments.0.amount", message: "The amount can't be more than the $40.00 still to pay on this bill." }],
    });
  });

  it("counts paid amounts and credits against the open balance", () => {
    const partlyPaid = bill("b1", "v1", 10000, [{ status: "paid", amountCents: 9999 }]);
    expect(planBillPayments({ bills: [partlyPaid], requests: [{ billId: "b1", amountCents: 2 }], method: electronic }).ok).toBe(false);
    expect(planBillPayments({ bills: [partlyPaid], requests: [{ billId: "b1", amountCents: 1 }], method: electronic }).ok).toBe(true);
  });

  it("can pay again after a void reopens the bill", () => {
    const reopened = bill("b1", "v1", 10000, [{ status: "voided", amountCents: 10000 }]);
    expect(reopened.status).toBe("unpaid");
    expect(planBillPayments({ bills: [reopened], requests: [{ billId: "b1", amountCents: 10000 }], method: electronic }).ok).toBe(true);
  });

  it("refuses paid, voided, fully scheduled, missing and duplicate bills, and bad amounts", () => {
    const result = planBillPayments({
      bills: [
        bill("paid", "v", 100, [{ status: "paid", amountCents: 100 }]),
        { ...bill("void", "v", 100), status: "voided", openBalanceCents: 0 },
        bill("sched", "v", 100, [{ status: "processing", amountCents: 100 }]),
        bill("ok", "v", 100),
      ],
      requests: [
        { billId: "paid", amountCents: 1 },
        { billId: "void", amountCents: 1 },
        { billId: "sched", amountCents: 1 },
        { billId: "gone", amountCents: 1 },
        { billId: "ok", amountCents: 0 },
        { billId: "ok", amountCents: 1 },
      ],
      method: electronic,
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: "payments.0.amount", message: "This bill is already paid." },
        { path: "payments.1.amount", message: "This bill is voided and can't be paid." },
        { path: "payments.2.amount", message: "Payments already scheduled cover this whole bill." },
        { path: "payments.3.amount", message: "This bill no longer exists." },
        { path: "payments.4.amount", message: "Enter an amount greater than zero." },
        { path: "payments.5.billId", message: "This bill is already in this payment run." },
      ],
    });
  });

  it("rejects fractional and negative amounts", () => {
    for (const amountCents of [-5, 1.5, Number.NaN]) {
      expect(planBillPayments({ bills: [bill("b", "v", 100)], requests: [{ billId: "b", amountCents }], method: electronic }).ok).toBe(false);
    }
  });

  it("validates the method: bank account, process date not in the past, empty batch", () => {
    const result = planBillPayments({
      bills: [],
      requests: [],
      method: { kind: "electronic", bankAccountId: " ", processDate: "2026-02-28", today: "2026-03-01" },
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: "bankAccountId", message: "Choose a bank account." },
        { path: "processDate", message: "The process date can't be in the past." },
        { path: "payments", message: "Select at least one bill to pay." },
      ],
    });
    const invalidDate = planBillPayments({
      bills: [bill("b", "v", 100)],
      requests: [{ billId: "b", amountCents: 100 }],
      method: { ...electronic, processDate: "2026-02-30" },
    });
    expect(invalidDate.ok).toBe(false);
    const today = planBillPayments({
      bills: [bill("b", "v", 100)],
      requests: [{ billId: "b", amountCents: 100 }],
      method: { ...electronic, processDate: "2026-03-01" },
    });
    expect(today.ok).toBe(true);
  });

  it("records offline payments as paid, with reference and sync choice", () => {
    const result = planBillPayments({
      bills: [bill("b", "v", 100)],
      requests: [{ billId: "b", amountCents: 60 }],
      method: { kind: "offline", bankAccountId: "bank-2", paidDate: "2026-01-15", reference: "  CHK 1001 ", syncToQbo: false },
    });
    expect(result.ok && result.value.drafts[0]).toEqual({
      billId: "b",
      vendorId: "v",
      currency: "USD",
      amountCents: 60,
      kind: "offline",
      status: "paid",
      bankAccountId: "bank-2",
      processDate: null,
      paidDate: "2026-01-15",
      reference: "CHK 1001",
      syncToQbo: false,
    });
    const badDate = planBillPayments({
      bills: [bill("b", "v", 100)],
      requests: [{ billId: "b", amountCents: 60 }],
      method: { kind: "offline", bankAccountId: "bank-2", paidDate: "2026-13-01", syncToQbo: true },
    });
    expect(badDate).toEqual({ ok: false, errors: [{ path: "paidDate", message: "Enter a valid payment date." }] });
  });
});

describe("fullPaymentRequest (bulk Schedule payment / Mark paid)", () => {
  it("pays what is still payable, after scheduled payments", () => {
    expect(fullPaymentRequest(bill("b1", "v1", 100_00, [{ status: "scheduled", amountCents: 30_00 }]))).toEqual({
      ok: true,
      request: { billId: "b1", amountCents: 70_00 },
    });
  });

  it("gives the single payment's reason when a bill can't be paid", () => {
    expect(fullPaymentRequest(undefined)).toEqual({ ok: false, reason: "This bill no longer exists." });
    expect(fullPaymentRequest({ ...bill("b1", "v1", 100_00), status: "voided" })).toEqual({ ok: false, reason: "This bill is voided and can't be paid." });
    expect(fullPaymentRequest(bill("b1", "v1", 100_00, [{ status: "paid", amountCents: 100_00 }]))).toEqual({ ok: false, reason: "This bill is already paid." });
    expect(fullPaymentRequest(bill("b1", "v1", 100_00, [{ status: "scheduled", amountCents: 100_00 }]))).toEqual({
      ok: false,
      reason: "Payments already scheduled cover this whole bill.",
    });
  });

  it("the method's own errors are checked once, before any bill", () => {
    expect(paymentMethodErrors({ ...electronic, processDate: "2026-02-28" })).toEqual([{ path: "processDate", message: "The process date can't be in the past." }]);
    expect(paymentMethodErrors(electronic)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import {
  BILL_STATUS_LABELS,
  billStatus,
  invoiceStatus,
  summarizeBill,
  summarizeInvoice,
  type BillPaymentAmount,
} from "./document-status";

const paid = (amountCents: number): BillPaymentAmount => ({ status: "paid", amountCents });
const scheduled = (amountCents: number): BillPaymentAmount => ({ status: "scheduled", amountCents });
const processing = (amountCents: number): BillPaymentAmount => ({ status: "processing", amountCents });
const voided = (amountCents: number): BillPaymentAmount => ({ status: "voided", amountCents });

describe("summarizeBill", () => {
  it("is unpaid with nothing against it", () => {
    expect(summarizeBill({ totalCents: 10000, payments: [] })).toEqual({
      status: "unpaid",
      totalCents: 10000,
      paidCents: 0,
      creditedCents: 0,
      scheduledCents: 0,
      openBalanceCents: 10000,
      payableCents: 10000,
      overpaidCents: 0,
      settledByCreditAlone: false,
    });
  });

  it("is scheduled while payments are in flight and nothing is settled", () => {
    const partly = summarizeBill({ totalCents: 10000, payments: [scheduled(4000)] });
    expect(partly.status).toBe("scheduled");
    expect(partly.openBalanceCents).toBe(10000);
    expect(partly.payableCents).toBe(6000);
    const fully = summarizeBill({ totalCents: 10000, payments: [scheduled(6000), processing(4000)] });
    expect(fully.status).toBe("scheduled");
    expect(fully.scheduledCents).toBe(10000);
    expect(fully.payableCents).toBe(0);
  });

  it("is partially paid once something settles, even with more scheduled", () => {
    expect(billStatus({ totalCents: 10000, payments: [paid(2500)] })).toBe("partially_paid");
    const mixed = summarizeBill({ totalCents: 10000, payments: [paid(2500), scheduled(5000)] });
    expect(mixed.status).toBe("partially_paid");
    expect(mixed.openBalanceCents).toBe(7500);
    expect(mixed.payableCents).toBe(2500);
  });

  it("is paid when payments and credits cover the total", () => {
    expect(billStatus({ totalCents: 10000, payments: [paid(10000)] })).toBe("paid");
    const combo = summarizeBill({
      totalCents: 10000,
      payments: [paid(7000)],
      creditApplications: [{ amountCents: 3000 }],
    });
    expect(combo.status).toBe("paid");
    expect(combo.openBalanceCents).toBe(0);
    expect(combo.settledByCreditAlone).toBe(false);
  });

  it("recognises a bill settled by vendor credit alone", () => {
    const summary = summarizeBill({
      totalCents: 5000,
      payments: [],
      creditApplications: [{ amountCents: 2000 }, { amountCents: 3000 }],
    });
    expect(summary.status).toBe("paid");
    expect(summary.creditedCents).toBe(5000);
    expect(summary.settledByCreditAlone).toBe(true);
  });

  it("counts a partial credit as partially paid", () => {
    expect(billStatus({ totalCents: 5000, payments: [], creditApplications: [{ amountCents: 1 }] })).toBe("partially_paid");
  });

  it("reopens the bill when its payment is voided", () => {
    expect(billStatus({ totalCents: 10000, payments: [voided(10000)] })).toBe("unpaid");
    const reopened = summarizeBill({ totalCents: 10000, payments: [paid(4000), voided(6000)] });
    expect(reopened.status).toBe("partially_paid");
    expect(reopened.openBalanceCents).toBe(6000);
  });

  it("ignores removed credit applications", () => {
    const summary = summarizeBill({ totalCents: 5000, payments: [], creditApplications: [{ amountCents: 5000, voided: true }] });
    expect(summary.status).toBe("unpaid");
    expect(summary.creditedCents).toBe(0);
  });

  it("voided wins over everything and leaves nothing open", () => {
    const summary = summarizeBill({ totalCents: 10000, voided: true, payments: [paid(10000), scheduled(5)] });
    expect(summary.status).toBe("voided");
    expect(summary.openBalanceCents).toBe(0);
    expect(summary.payableCents).toBe(0);
  });

  it("reports overpayment instead of a negative balance", () => {
    const summary = summarizeBill({ totalCents: 10000, payments: [paid(10001)] });
    expect(summary.status).toBe("paid");
    expect(summary.openBalanceCents).toBe(0);
    expect(summary.overpaidCents).toBe(1);
  });

  it("treats a $0 bill as paid (nothing owed)", () => {
    expect(billStatus({ totalCents: 0, payments: [] })).toBe("paid");
  });

  it("rejects fractional cents", () => {
    expect(() => summarizeBill({ totalCents: 100.5, payments: [] })).toThrow();
    expect(() => summarizeBill({ totalCents: 100, payments: [paid(0.1)] })).toThrow();
  });

  it("has labels for every status", () => {
    expect(BILL_STATUS_LABELS.partially_paid).toBe("Partially paid");
  });
});

describe("summarizeInvoice", () => {
  it("derives unpaid, partially paid, paid and voided", () => {
    expect(invoiceStatus({ totalCents: 500, payments: [] })).toBe("unpaid");
    expect(invoiceStatus({ totalCents: 500, payments: [{ status: "received", amountCents: 499 }] })).toBe("partially_paid");
    expect(invoiceStatus({ totalCents: 500, payments: [{ status: "received", amountCents: 200 }, { status: "received", amountCents: 300 }] })).toBe("paid");
    expect(invoiceStatus({ totalCents: 500, voided: true, payments: [] })).toBe("voided");
  });

  it("reopens on a voided received payment", () => {
    const summary = summarizeInvoice({
      totalCents: 500,
      payments: [{ status: "received", amountCents: 100 }, { status: "voided", amountCents: 400 }],
    });
    expect(summary).toEqual({ status: "partially_paid", totalCents: 500, receivedCents: 100, openBalanceCents: 400, overpaidCents: 0 });
  });
});

import { describe, expect, it } from "vitest";
import { summarizeBill, type BillPaymentAmount, type CreditApplicationAmount } from "./document-status";
import {
  creditSyncAction,
  planCreditApplication,
  planCreditUnapply,
  vendorCreditBalanceCents,
  vendorCreditEditRefusal,
  vendorCreditVoidRefusal,
  vendorCreditStatus,
  type BillForCredit,
  type VendorCreditState,
} from "./vendor-credit";

function bill(
  id: string,
  totalCents: number,
  payments: BillPaymentAmount[] = [],
  creditApplications: CreditApplicationAmount[] = [],
  vendorId = "v1",
): BillForCredit {
  return { id, vendorId, currency: "USD", ...summarizeBill({ totalCents, payments, creditApplications }) };
}

const credit: VendorCreditState = { id: "c1", vendorId: "v1", currency: "USD", totalCents: 10000, voided: false, appliedCents: 0 };

describe("vendor credit balance and status", () => {
  it("derives balance and status", () => {
    expect(vendorCreditBalanceCents(credit)).toBe(10000);
    expect(vendorCreditStatus(credit)).toBe("unapplied");
    expect(vendorCreditStatus({ ...credit, appliedCents: 1 })).toBe("partially_applied");
    expect(vendorCreditStatus({ ...credit, appliedCents: 10000 })).toBe("applied");
    expect(vendorCreditBalanceCents({ ...credit, appliedCents: 10000 })).toBe(0);
    expect(vendorCreditStatus({ ...credit, voided: true })).toBe("voided");
    expect(vendorCreditBalanceCents({ ...credit, voided: true })).toBe(0);
  });
});

describe("planCreditApplication", () => {
  it("applies one credit across several bills, settling one fully", () => {
    const result = planCreditApplication({
      credit,
      bills: [bill("b1", 4000), bill("b2", 9000)],
      requests: [
        { billId: "b1", amountCents: 4000 },
        { billId: "b2", amountCents: 5000 },
      ],
    });
    expect(result).toEqual({
      ok: true,
      value: {
        applications: [
          { billId: "b1", amountCents: 4000, billOpenBalanceAfterCents: 0, settlesBill: true, settledByCreditAlone: true },
          { billId: "b2", amountCents: 5000, billOpenBalanceAfterCents: 4000, settlesBill: false, settledByCreditAlone: false },
        ],
        appliedNowCents: 9000,
        creditBalanceAfterCents: 1000,
        creditStatusAfter: "partially_applied",
      },
    });
  });

  it("uses the whole credit exactly", () => {
    const result = planCreditApplication({ credit, bills: [bill("b1", 20000)], requests: [{ billId: "b1", amountCents: 10000 }] });
    expect(result.ok && result.value.creditBalanceAfterCents).toBe(0);
    expect(result.ok && result.value.creditStatusAfter).toBe("applied");
  });

  it("settling the rest of a partly paid bill is not 'by credit alone'", () => {
    const partlyPaid = bill("b1", 5000, [{ status: "paid", amountCents: 3000 }]);
    const result = planCreditApplication({ credit, bills: [partlyPaid], requests: [{ billId: "b1", amountCents: 2000 }] });
    expect(result.ok && result.value.applications[0]).toEqual({
      billId: "b1",
      amountCents: 2000,
      billOpenBalanceAfterCents: 0,
      settlesBill: true,
      settledByCreditAlone: false,
    });
  });

  it("builds on credits already applied to the bill", () => {
    const partlyCredited = bill("b1", 5000, [], [{ amountCents: 1000 }]);
    const result = planCreditApplication({ credit, bills: [partlyCredited], requests: [{ billId: "b1", amountCents: 4000 }] });
    expect(result.ok && result.value.applications[0]?.settledByCreditAlone).toBe(true);
  });

  it("refuses more than the credit balance", () => {
    const result = planCreditApplication({
      credit: { ...credit, appliedCents: 7000 },
      bills: [bill("b1", 2000), bill("b2", 2000)],
      requests: [
        { billId: "b1", amountCents: 2000 },
        { billId: "b2", amountCents: 1001 },
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: [{ path: "applications", message: "The amounts add up to $30.01, more than the credit's $30.00 balance." }],
    });
  });

  it("refuses more than the bill's payable balance (scheduled payments count)", () => {
    const withScheduled = bill("b1", 5000, [{ status: "scheduled", amountCents: 4500 }]);
    const result = planCreditApplication({ credit, bills: [withScheduled], requests: [{ billId: "b1", amountCents: 501 }] });
    expect(result).toEqual({
      ok: false,
      errors: [{ path: "applications.0.amount", message: "The amount can't be more than the $5.00 still open on this bill." }],
    });
  });

  it("refuses other vendors, other currencies, voided/paid/missing bills, duplicates and bad amounts", () => {
    const result = planCreditApplication({
      credit,
      bills: [
        bill("other", 100, [], [], "v2"),
        { ...bill("eur", 100), currency: "EUR" },
        { ...bill("void", 100), status: "voided" },
        bill("paid", 100, [{ status: "paid", amountCents: 100 }]),
        bill("ok", 100),
      ],
      requests: [
        { billId: "other", amountCents: 1 },
        { billId: "eur", amountCents: 1 },
        { billId: "void", amountCents: 1 },
        { billId: "paid", amountCents: 1 },
        { billId: "gone", amountCents: 1 },
        { billId: "ok", amountCents: -1 },
        { billId: "ok", amountCents: 1 },
      ],
    });
    expect(!result.ok && result.errors).toEqual([
      { path: "applications.0.amount", message: "A credit can only be applied to bills from the same vendor." },
      { path: "applications.1.amount", message: "The bill and the credit are in different currencies." },
      { path: "applications.2.amount", message: "This bill is voided." },
      { path: "applications.3.amount", message: "This bill is already paid." },
      { path: "applications.4.amount", message: "This bill no longer exists." },
      { path: "applications.5.amount", message: "Enter an amount greater than zero." },
      { path: "applications.6.billId", message: "This bill is listed twice." },
    ]);
  });

  it("refuses voided or used-up credits and empty requests", () => {
    expect(planCreditApplication({ credit: { ...credit, voided: true }, bills: [bill("b1", 100)], requests: [{ billId: "b1", amountCents: 1 }] })).toEqual({
      ok: false,
      errors: [{ path: "", message: "This vendor credit is voided and can't be applied." }],
    });
    expect(planCreditApplication({ credit: { ...credit, appliedCents: 10000 }, bills: [bill("b1", 100)], requests: [{ billId: "b1", amountCents: 1 }] })).toEqual({
      ok: false,
      errors: [{ path: "", message: "This vendor credit has no balance left." }],
    });
    expect(planCreditApplication({ credit, bills: [], requests: [] })).toEqual({
      ok: false,
      errors: [{ path: "applications", message: "Select at least one bill." }],
    });
  });
});

describe("creditSyncAction", () => {
  it("follows the bill's payment status", () => {
    const credited = summarizeBill({ totalCents: 5000, payments: [], creditApplications: [{ amountCents: 2000 }] });
    expect(creditSyncAction(credited)).toBe("leave_unapplied");
    const restPaid = summarizeBill({ totalCents: 5000, payments: [{ status: "paid", amountCents: 3000 }], creditApplications: [{ amountCents: 2000 }] });
    expect(creditSyncAction(restPaid)).toBe("link_in_bill_payment");
    const creditOnly = summarizeBill({ totalCents: 5000, payments: [], creditApplications: [{ amountCents: 5000 }] });
    expect(creditSyncAction(creditOnly)).toBe("zero_dollar_bill_payment");
    expect(creditSyncAction(summarizeBill({ totalCents: 5000, payments: [{ status: "paid", amountCents: 5000 }] }))).toBe("none");
    expect(creditSyncAction({ ...creditOnly, status: "voided" })).toBe("none");
  });

  it("goes back to unapplied when the payment that settled the rest is voided", () => {
    const reopened = summarizeBill({
      totalCents: 5000,
      payments: [{ status: "voided", amountCents: 3000 }],
      creditApplications: [{ amountCents: 2000 }],
    });
    expect(reopened.status).toBe("partially_paid");
    expect(creditSyncAction(reopened)).toBe("leave_unapplied");
  });
});

describe("vendor credit edit and void rules", () => {
  it("edits and voids only an unapplied, live credit", () => {
    expect(vendorCreditEditRefusal(credit)).toBeNull();
    expect(vendorCreditVoidRefusal(credit)).toBeNull();
    expect(vendorCreditEditRefusal({ ...credit, appliedCents: 1 })).toMatch(/applied to bills.*Unapply it from every bill first/);
    expect(vendorCreditVoidRefusal({ ...credit, appliedCents: 10000 })).toMatch(/Unapply it from every bill first, then void it/);
    expect(vendorCreditEditRefusal({ ...credit, voided: true })).toBe("A voided vendor credit can't be edited.");
    expect(vendorCreditVoidRefusal({ ...credit, voided: true })).toBe("This vendor credit is already voided.");
  });
});

describe("planCreditUnapply", () => {
  const applied: VendorCreditState = { ...credit, appliedCents: 7000 };
  const application = { id: "a1", vendorCreditId: "c1", billId: "b1", amountCents: 4000, removed: false };

  it("gives the amount back to the credit", () => {
    expect(planCreditUnapply({ credit: applied, application })).toEqual({
      ok: true,
      value: { applicationId: "a1", billId: "b1", amountCents: 4000, creditAppliedAfterCents: 3000, creditBalanceAfterCents: 7000, creditStatusAfter: "partially_applied" },
    });
    const last = planCreditUnapply({ credit: { ...credit, appliedCents: 4000 }, application });
    expect(last.ok && last.value.creditStatusAfter).toBe("unapplied");
  });

  it("refuses an application already removed, of another credit, or of a voided credit", () => {
    const message = (result: ReturnType<typeof planCreditUnapply>) => (result.ok ? null : result.errors[0]?.message);
    expect(message(planCreditUnapply({ credit: applied, application: { ...application, removed: true } }))).toBe("This application was already unapplied.");
    expect(message(planCreditUnapply({ credit: applied, application: { ...application, vendorCreditId: "c2" } }))).toBe("This application no longer exists.");
    expect(message(planCreditUnapply({ credit: applied, application: undefined }))).toBe("This application no longer exists.");
    expect(message(planCreditUnapply({ credit: { ...applied, voided: true }, application }))).toBe("This vendor credit is voided.");
  });
});

import { describe, expect, it } from "vitest";

import { qboPaymentState } from "@/lib/sync/core/payment-state";

describe("qboPaymentState", () => {
  it("checks void first (voided ones are 0 of 0)", () => {
    expect(qboPaymentState({ voided: true, totalCents: 0, balanceCents: 0 })).toBe("voided");
  });
  it("paid when the balance is zero", () => {
    expect(qboPaymentState({ voided: false, totalCents: 10_000, balanceCents: 0 })).toBe("paid");
  });
  it("partially paid when 0 < balance < total", () => {
    expect(qboPaymentState({ voided: false, totalCents: 10_000, balanceCents: 1 })).toBe("partially_paid");
    expect(qboPaymentState({ voided: false, totalCents: 10_000, balanceCents: 9_999 })).toBe("partially_paid");
  });
  it("unpaid when balance equals total", () => {
    expect(qboPaymentState({ voided: false, totalCents: 10_000, balanceCents: 10_000 })).toBe("unpaid");
  });
});

import { describe, expect, it } from "vitest";
import type { PaymentStatus } from "./document-status";
import { assertPaymentTransition, canTransitionPayment, PaymentTransitionError, transitionPayment } from "./payment-lifecycle";

const ALL: PaymentStatus[] = ["scheduled", "processing", "paid", "voided"];

describe("payment lifecycle", () => {
  it("allows exactly the four documented moves", () => {
    const allowed = ALL.flatMap((from) => ALL.filter((to) => canTransitionPayment(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual(["scheduled→processing", "scheduled→voided", "processing→paid", "paid→voided"]);
  });

  it("describes the effect; only voiding a paid payment reopens the bill", () => {
    expect(transitionPayment("scheduled", "processing")).toEqual({ ok: true, from: "scheduled", to: "processing", effect: "start_processing", reopensBill: false });
    expect(transitionPayment("processing", "paid")).toMatchObject({ ok: true, effect: "settle", reopensBill: false });
    expect(transitionPayment("scheduled", "voided")).toMatchObject({ ok: true, effect: "cancel", reopensBill: false });
    expect(transitionPayment("paid", "voided")).toMatchObject({ ok: true, effect: "void", reopensBill: true });
  });

  it("explains refusals in plain English", () => {
    expect(transitionPayment("voided", "paid")).toEqual({ ok: false, from: "voided", to: "paid", error: "A voided payment can't be changed." });
    expect(transitionPayment("paid", "paid")).toMatchObject({ error: "The payment is already paid." });
    expect(transitionPayment("paid", "scheduled")).toMatchObject({ error: "A paid payment can't go back to scheduled." });
    expect(transitionPayment("scheduled", "paid")).toMatchObject({ error: "A scheduled payment must be processed before it is paid." });
    expect(transitionPayment("processing", "voided")).toMatchObject({
      error: "A payment that is processing can't be cancelled; void it once it is paid.",
    });
    expect(transitionPayment("paid", "processing")).toMatchObject({ error: "A paid payment can't become processing." });
  });

  it("throws a typed error from assertPaymentTransition", () => {
    expect(assertPaymentTransition("paid", "voided")).toBe("void");
    try {
      assertPaymentTransition("voided", "scheduled");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PaymentTransitionError);
      expect(error).toMatchObject({ from: "voided", to: "scheduled", message: "A voided payment can't be changed." });
    }
  });
});

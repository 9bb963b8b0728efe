import { describe, expect, it } from "vitest";
import { planCreditUnapplications, type CreditCarrierState } from "@/lib/sync/core";

const billLine = (amount: number) => ({ Amount: amount, LinkedTxn: [{ TxnId: "B1", TxnType: "Bill" as const }] });
const creditLine = (amount: number, id = "VC1") => ({ Amount: amount, LinkedTxn: [{ TxnId: id, TxnType: "VendorCredit" as const }] });

const settlement: CreditCarrierState = {
  qboId: "BP9",
  current: { syncToken: "2", voided: false, lines: [billLine(40), creditLine(40)] },
  applications: [{ id: "a1", removed: true }],
};

describe("planCreditUnapplications", () => {
  it("voids the $0 BillPayment that applied a credit alone", () => {
    expect(planCreditUnapplications([settlement])).toEqual([
      { type: "void-settlement", qboId: "BP9", body: { Id: "BP9", SyncToken: "2", sparse: true }, releaseApplicationIds: ["a1"] },
    ]);
  });

  it("takes the credit lines off a real payment's BillPayment and keeps its cash on the bill", () => {
    const carrier: CreditCarrierState = {
      qboId: "BP5",
      payment: { id: "p1", amountCents: 6000, voided: false },
      current: { syncToken: "0", voided: false, lines: [billLine(100), creditLine(25), creditLine(15, "VC2")] },
      applications: [
        { id: "a1", removed: true },
        { id: "a2", removed: false },
      ],
    };
    expect(planCreditUnapplications([carrier])).toEqual([
      {
        type: "strip-credits",
        qboId: "BP5",
        paymentId: "p1",
        body: { Id: "BP5", SyncToken: "0", sparse: true, Line: [billLine(60)] },
        // The bill is no longer settled: every credit the payment carried is unapplied in QBO.
        releaseApplicationIds: ["a1", "a2"],
      },
    ]);
  });

  it("only releases when QBO has nothing applied any more (voided or deleted there, or the payment is voided)", () => {
    expect(planCreditUnapplications([{ ...settlement, current: undefined }])).toEqual([{ type: "release", qboId: "BP9", releaseApplicationIds: ["a1"] }]);
    expect(planCreditUnapplications([{ ...settlement, current: { syncToken: "3", voided: true, lines: [] } }])).toEqual([
      { type: "release", qboId: "BP9", releaseApplicationIds: ["a1"] },
    ]);
    expect(
      planCreditUnapplications([{ ...settlement, payment: { id: "p1", amountCents: 100, voided: true } }]),
    ).toEqual([{ type: "release", qboId: "BP9", releaseApplicationIds: ["a1"] }]);
  });

  it("leaves carriers alone when none of their applications was unapplied", () => {
    expect(planCreditUnapplications([{ ...settlement, applications: [{ id: "a1", removed: false }] }])).toEqual([]);
  });
});

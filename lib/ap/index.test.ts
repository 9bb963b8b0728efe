import { describe, expect, it } from "vitest";
import * as ap from "./index";

describe("lib/ap barrel", () => {
  it("exports the public API of every module", () => {
    for (const name of [
      "safeParseMoney",
      "formatMoney",
      "sumCents",
      "allocateCents",
      "multiplyToCents",
      "parseIsoDate",
      "addDays",
      "compareDates",
      "daysBetween",
      "dueDateFromTerms",
      "summarizeBill",
      "summarizeInvoice",
      "fieldErrorsFromZod",
      "planBillPayments",
      "planCreditApplication",
      "creditSyncAction",
      "groupIntoFundsTransfers",
      "fundsTransferDetailReport",
      "transitionPayment",
      "agingReport",
      "electronicPaymentSchema",
    ]) {
      expect(typeof (ap as Record<string, unknown>)[name], name).toBe("function");
    }
    expect(ap.billSchema.safeParse).toBeTypeOf("function");
  });
});

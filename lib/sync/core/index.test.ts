import { describe, expect, it } from "vitest";

import * as core from "@/lib/sync/core";

describe("sync core barrel", () => {
  it("exports the public API", () => {
    for (const name of [
      "REASONS", "describeReason", "reasonForQboFault", "isFromQuickBooksCommerce", "COMMERCE_TXN_SOURCE",
      "COMMERCE_PRIVATE_NOTE_PREFIX", "qboPaymentState", "evaluateInbound", "evaluateOutbound", "planEntitySync",
      "matchByDisplayName", "findDisplayNameClashes", "countDecisions", "planBillSettlement", "planInvoicePayments",
      "planInboundPayments", "planFundsTransfer", "appTxnToQboCreate", "appTxnToQboUpdate", "qboTxnToAppFields",
      "contentHash", "appTxnContentHash", "chooseSyncWindow", "splitCdcWindow", "SYNC_PHASES", "progressPercent",
      "parseQboTxn", "parseQboParty", "parseQboPayment", "missingSyncPreferences",
    ]) {
      expect(core, name).toHaveProperty(name);
    }
  });
});

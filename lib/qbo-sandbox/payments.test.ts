import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultCode, get, idWhere, postOk, startFixture, type SandboxFixture } from "./test-support";
import type { JsonObject } from "./types";

let fx: SandboxFixture;
let expenseAccountId: string;
let checkingId: string;
let itemId: string;

const idOf = (entity: string, where: string) => idWhere(fx, entity, where);
const post = (path: string, body: Record<string, unknown>, key: string) => postOk(fx, path, body, key);

async function read(entity: string, id: unknown): Promise<JsonObject> {
  return (await fx.api(`/${entity.toLowerCase()}/${String(id)}`)).body[entity] as JsonObject;
}

function expenseLines(amounts: number[]): Record<string, unknown>[] {
  return amounts.map((Amount) => ({ Amount, DetailType: "AccountBasedExpenseLineDetail", AccountBasedExpenseLineDetail: { AccountRef: { value: expenseAccountId } } }));
}

function billPayment(vendorId: unknown, lines: [number, string, unknown][]): Record<string, unknown> {
  return {
    VendorRef: { value: vendorId },
    PayType: "Check",
    CheckPayment: { BankAccountRef: { value: checkingId } },
    // TotalAmt is required; the amount paid is the bills' lines less the credits applied.
    TotalAmt: lines.reduce((sum, [Amount, TxnType]) => sum + (TxnType === "VendorCredit" ? -Amount : Amount), 0),
    Line: lines.map(([Amount, TxnType, TxnId]) => ({ Amount, LinkedTxn: [{ TxnId, TxnType }] })),
  };
}

beforeAll(async () => {
  fx = await startFixture({ companyName: "Payments Co" });
  expenseAccountId = await idOf("Account", "Name = 'Rent & Lease'");
  checkingId = await idOf("Account", "Name = 'Business Checking'");
  itemId = await idOf("Item", "Name = 'Hours'");
});
afterAll(async () => fx.close());

describe("bill payments", () => {
  it("partial then full payment: Balance, LinkedTxn both ways, SyncToken and vendor Balance", async () => {
    const vendor = await post("/vendor", { DisplayName: "Balance Vendor" }, "Vendor");
    const bill = await post("/bill", { VendorRef: { value: vendor["Id"] }, Line: expenseLines([60, 40]) }, "Bill");
    const partial = await post("/billpayment", billPayment(vendor["Id"], [[30.25, "Bill", bill["Id"]]]), "BillPayment");
    expect(partial["TotalAmt"]).toBe(30.25);
    const afterPartial = await read("Bill", bill["Id"]);
    expect(afterPartial["Balance"]).toBe(69.75);
    expect(afterPartial["SyncToken"]).toBe("1");
    expect(afterPartial["LinkedTxn"]).toEqual([{ TxnId: partial["Id"], TxnType: "BillPaymentCheck" }]);
    expect((await read("Vendor", vendor["Id"]))["Balance"]).toBe(69.75);

    const overpay = await fx.api("/billpayment", { body: billPayment(vendor["Id"], [[70, "Bill", bill["Id"]]]) });
    expect(faultCode(overpay)).toBe("6000");

    const rest = await post("/billpayment", billPayment(vendor["Id"], [[69.75, "Bill", bill["Id"]]]), "BillPayment");
    const paid = await read("Bill", bill["Id"]);
    expect(paid["Balance"]).toBe(0);
    expect(paid["LinkedTxn"]).toEqual([
      { TxnId: partial["Id"], TxnType: "BillPaymentCheck" },
      { TxnId: rest["Id"], TxnType: "BillPaymentCheck" },
    ]);
    expect((await read("Vendor", vendor["Id"]))["Balance"]).toBe(0);

    const deleteBill = await fx.api("/bill?operation=delete", { body: { Id: paid["Id"], SyncToken: paid["SyncToken"] } });
    expect(faultCode(deleteBill)).toBe("6000");
  });

  it("voiding a BillPayment zeroes it and reopens the bill", async () => {
    const vendor = await post("/vendor", { DisplayName: "Void Vendor" }, "Vendor");
    const bill = await post("/bill", { VendorRef: { value: vendor["Id"] }, Line: expenseLines([500]), PrivateNote: "rent" }, "Bill");
    const payment = await post("/billpayment", { ...billPayment(vendor["Id"], [[500, "Bill", bill["Id"]]]), PrivateNote: "check 1001" }, "BillPayment");
    expect((await read("Bill", bill["Id"]))["Balance"]).toBe(0);

    const wrongStyle = await fx.api("/billpayment?operation=void", { body: { Id: payment["Id"], SyncToken: payment["SyncToken"] } });
    expect(wrongStyle.status).toBe(400);
    const voided = await fx.api("/billpayment?operation=update&include=void", {
      body: { Id: payment["Id"], SyncToken: payment["SyncToken"], sparse: true },
    });
    expect(voided.status, voided.text).toBe(200);
    const voidedPayment = voided.body["BillPayment"] as JsonObject;
    expect(voidedPayment["Id"]).toBe(payment["Id"]);
    expect(voidedPayment["TotalAmt"]).toBe(0);
    expect(voidedPayment["Line"]).toEqual([]);
    expect(voidedPayment["PrivateNote"]).toBe("Voided - check 1001");
    const reopened = await read("Bill", bill["Id"]);
    expect(reopened["Balance"]).toBe(500);
    expect(reopened["LinkedTxn"]).toBeUndefined();
    expect((await read("Vendor", vendor["Id"]))["Balance"]).toBe(500);
  });

  it("applies a vendor credit through a BillPayment; a credit alone settles with a $0 payment", async () => {
    const vendor = await post("/vendor", { DisplayName: "Credit Vendor" }, "Vendor");
    const bill = await post("/bill", { VendorRef: { value: vendor["Id"] }, Line: expenseLines([100]) }, "Bill");
    const credit = await post("/vendorcredit", { VendorRef: { value: vendor["Id"] }, Line: expenseLines([30]) }, "VendorCredit");
    expect(credit["Balance"]).toBe(30);
    expect((await read("Vendor", vendor["Id"]))["Balance"]).toBe(70);
    const payment = await post("/billpayment", billPayment(vendor["Id"], [[100, "Bill", bill["Id"]], [30, "VendorCredit", credit["Id"]]]), "BillPayment");
    expect(payment["TotalAmt"]).toBe(70);
    expect((await read("Bill", bill["Id"]))["Balance"]).toBe(0);
    const usedCredit = await read("VendorCredit", credit["Id"]);
    expect(usedCredit["Balance"]).toBe(0);
    expect(usedCredit["LinkedTxn"]).toEqual([{ TxnId: payment["Id"], TxnType: "BillPaymentCheck" }]);

    const small = await post("/bill", { VendorRef: { value: vendor["Id"] }, Line: expenseLines([25]) }, "Bill");
    const smallCredit = await post("/vendorcredit", { VendorRef: { value: vendor["Id"] }, Line: expenseLines([25]) }, "VendorCredit");
    const zero = await post("/billpayment", billPayment(vendor["Id"], [[25, "Bill", small["Id"]], [25, "VendorCredit", smallCredit["Id"]]]), "BillPayment");
    expect(zero["TotalAmt"]).toBe(0);
    expect((await read("Bill", small["Id"]))["Balance"]).toBe(0);
  });

  it("rejects links to missing bills (2500) and to another vendor's bill", async () => {
    const vendor = await post("/vendor", { DisplayName: "Link Check Vendor" }, "Vendor");
    const other = await post("/vendor", { DisplayName: "Other Link Vendor" }, "Vendor");
    const bill = await post("/bill", { VendorRef: { value: other["Id"] }, Line: expenseLines([10]) }, "Bill");
    expect(faultCode(await fx.api("/billpayment", { body: billPayment(vendor["Id"], [[5, "Bill", "777777"]]) }))).toBe("2500");
    expect(faultCode(await fx.api("/billpayment", { body: billPayment(vendor["Id"], [[5, "Bill", bill["Id"]]]) }))).toBe("6000");
  });
});

describe("invoices and received payments", () => {
  async function invoice(customerId: unknown, amount: number): Promise<JsonObject> {
    return post("/invoice", { CustomerRef: { value: customerId }, Line: [{ Amount: amount, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: itemId } } }] }, "Invoice");
  }

  it("computes TotalAmt with a SubTotal line and tracks Payment balances and UnappliedAmt", async () => {
    const customer = await post("/customer", { DisplayName: "Invoice Customer" }, "Customer");
    const created = await invoice(customer["Id"], 250);
    expect(created["TotalAmt"]).toBe(250);
    expect(get(created, "Line", 1, "DetailType")).toBe("SubTotalLineDetail");
    const resent = await fx.api("/invoice", { body: { ...created, sparse: false } });
    expect(get(resent.body, "Invoice", "TotalAmt")).toBe(250);
    const payment = await post("/payment", { CustomerRef: { value: customer["Id"] }, TotalAmt: 300, Line: [{ Amount: 100, LinkedTxn: [{ TxnId: created["Id"], TxnType: "Invoice" }] }] }, "Payment");
    expect(payment["UnappliedAmt"]).toBe(200);
    expect(get(payment, "DepositToAccountRef", "name")).toBe("Undeposited Funds");
    const partial = await read("Invoice", created["Id"]);
    expect(partial["Balance"]).toBe(150);
    expect(partial["LinkedTxn"]).toEqual([{ TxnId: payment["Id"], TxnType: "Payment" }]);
    expect((await read("Customer", customer["Id"]))["Balance"]).toBe(-50);

    const voidPayment = await fx.api("/payment?operation=update&include=void", { body: { Id: payment["Id"], SyncToken: payment["SyncToken"], sparse: true } });
    expect(get(voidPayment.body, "Payment", "TotalAmt")).toBe(0);
    expect(get(voidPayment.body, "Payment", "PrivateNote")).toBe("Voided");
    expect((await read("Invoice", created["Id"]))["Balance"]).toBe(250);
  });

  it("voids an invoice: amounts 0, lines kept at 0, same Id; refuses while payments are applied", async () => {
    const customer = await post("/customer", { DisplayName: "Void Invoice Customer" }, "Customer");
    const created = await invoice(customer["Id"], 80);
    const payment = await post("/payment", { CustomerRef: { value: customer["Id"] }, Line: [{ Amount: 80, LinkedTxn: [{ TxnId: created["Id"], TxnType: "Invoice" }] }] }, "Payment");
    const current = await read("Invoice", created["Id"]);
    expect(faultCode(await fx.api("/invoice?operation=void", { body: { Id: current["Id"], SyncToken: current["SyncToken"] } }))).toBe("6000");
    await fx.api("/payment?operation=delete", { body: { Id: payment["Id"], SyncToken: payment["SyncToken"] } });
    const reopened = await read("Invoice", created["Id"]);
    expect(reopened["Balance"]).toBe(80);
    const voided = await fx.api("/invoice?operation=void", { body: { Id: reopened["Id"], SyncToken: reopened["SyncToken"] } });
    const body = voided.body["Invoice"] as JsonObject;
    expect([body["Id"], body["TotalAmt"], body["Balance"], body["PrivateNote"]]).toEqual([created["Id"], 0, 0, "Voided"]);
    expect((body["Line"] as JsonObject[]).map((line) => line["Amount"])).toEqual([0, 0]);
  });
});

describe("journal entries", () => {
  it("requires balanced debits and credits", async () => {
    const line = (Amount: number, PostingType: string) => ({ Amount, DetailType: "JournalEntryLineDetail", JournalEntryLineDetail: { PostingType, AccountRef: { value: checkingId } } });
    const ok = await fx.api("/journalentry", { body: { Line: [line(10, "Debit"), line(10, "Credit")] } });
    expect(get(ok.body, "JournalEntry", "TotalAmt")).toBe(10);
    expect(faultCode(await fx.api("/journalentry", { body: { Line: [line(10, "Debit"), line(9, "Credit")] } }))).toBe("6000");
  });
});

/**
 * The sandbox refuses what QuickBooks Online refuses (issue 13, part A). Each block names the rule;
 * the source of the rule is cited where the rule is implemented.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultCode, get, idWhere, postOk, startFixture, type SandboxFixture } from "./test-support";
import type { JsonObject } from "./types";

let fx: SandboxFixture;
let vendorId: string;
let customerId: string;
let expenseAccountId: string;
let checkingId: string;
let cardId: string;
let itemId: string;

const idOf = (entity: string, where: string) => idWhere(fx, entity, where);
const post = (path: string, body: Record<string, unknown>, key: string) => postOk(fx, path, body, key);

function billBody(extra: Record<string, unknown> = {}, line: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    VendorRef: { value: vendorId },
    Line: [{ Amount: 100, DetailType: "AccountBasedExpenseLineDetail", AccountBasedExpenseLineDetail: { AccountRef: { value: expenseAccountId } }, ...line }],
    ...extra,
  };
}

function checkPayment(billId: unknown, amount: number, total: number | undefined, bank = checkingId): Record<string, unknown> {
  const body: Record<string, unknown> = {
    VendorRef: { value: vendorId },
    PayType: "Check",
    CheckPayment: { BankAccountRef: { value: bank } },
    Line: [{ Amount: amount, LinkedTxn: [{ TxnId: billId, TxnType: "Bill" }] }],
  };
  if (total !== undefined) body["TotalAmt"] = total;
  return body;
}

beforeAll(async () => {
  fx = await startFixture({ companyName: "Strict Co" });
  expenseAccountId = await idOf("Account", "Name = 'Rent & Lease'");
  checkingId = await idOf("Account", "Name = 'Business Checking'");
  cardId = await idOf("Account", "Name = 'Company Credit Card'");
  itemId = await idOf("Item", "Name = 'Hours'");
  vendorId = String((await post("/vendor", { DisplayName: "Strict Vendor" }, "Vendor"))["Id"]);
  customerId = String((await post("/customer", { DisplayName: "Strict Customer" }, "Customer"))["Id"]);
});
afterAll(async () => fx.close());

describe("A1 unknown fields are refused with 2010", () => {
  it("refuses an unknown top-level field and stores nothing", async () => {
    const result = await fx.api("/bill", { body: billBody({ DocNumber: "UNK-1", Colour: "blue" }) });
    expect(result.status).toBe(400);
    expect(faultCode(result)).toBe("2010");
    expect(String(get(result.body, "Fault", "Error", 0, "Detail"))).toContain('Unrecognized field "Colour"');
    expect(get((await fx.query("select count(*) from Bill where DocNumber = 'UNK-1'")).body, "QueryResponse", "totalCount")).toBe(0);
  });

  it("refuses an unknown field on a line", async () => {
    const result = await fx.api("/bill", { body: billBody({}, { Discount: 5 }) });
    expect(faultCode(result)).toBe("2010");
    expect(get(result.body, "Fault", "Error", 0, "element")).toBe("Line.Discount");
  });

  it("refuses unknown fields on updates and on names, but ignores known read-only ones", async () => {
    const bill = await post("/bill", billBody({ TotalAmt: 999, Balance: 5 }), "Bill");
    expect(bill["TotalAmt"]).toBe(100);
    const update = await fx.api("/bill", { body: { Id: bill["Id"], SyncToken: bill["SyncToken"], sparse: true, Nickname: "x" } });
    expect(faultCode(update)).toBe("2010");
    expect(faultCode(await fx.api("/vendor", { body: { DisplayName: "Odd Vendor", FavouriteColour: "red" } }))).toBe("2010");
    expect(faultCode(await fx.api("/vendor", { body: { DisplayName: "Fine Vendor", PrimaryEmailAddr: { Address: "a@b.c" }, Balance: 10 } }))).toBeUndefined();
  });

  it("refuses unknown fields in batch items too", async () => {
    const result = await fx.api("/batch", { body: { BatchItemRequest: [{ bId: "1", operation: "create", Vendor: { DisplayName: "Batch Odd", Foo: 1 } }] } });
    expect(get(result.body, "BatchItemResponse", 0, "Fault", "Error", 0, "code")).toBe("2010");
  });
});

describe("A2 WHERE and ORDERBY only on filterable / sortable fields; projections; totalCount", () => {
  it.each([
    "select * from Bill where PrivateNote = 'x'",
    "select * from Bill where DepartmentRef = '1'",
    "select * from Vendor where PrimaryEmailAddr.Address = 'a@b.c'",
    "select * from Bill where Line.Amount > 5",
  ])("refuses %s with 4001", async (text) => {
    const result = await fx.query(text);
    expect(result.status).toBe(400);
    expect(faultCode(result)).toBe("4001");
  });

  it("refuses ORDERBY on a field that is not sortable", async () => {
    const result = await fx.query("select * from Bill orderby PrivateNote");
    expect(faultCode(result)).toBe("4001");
    expect(String(get(result.body, "Fault", "Error", 0, "Detail"))).toContain("PrivateNote");
  });

  it("accepts documented filters, case-insensitively, and a ref's .value", async () => {
    for (const text of [
      "select * from Bill where VendorRef = '1' and TxnDate >= '2026-01-01' and MetaData.LastUpdatedTime > '2026-01-01T00:00:00-08:00'",
      "select * from bill where docnumber like 'A%' orderby TxnDate desc",
      "select * from Bill where VendorRef.value in ('1')",
      "select * from Vendor where Active in (true, false) and DisplayName like '%x%'",
      "select * from Account where AccountType = 'Bank' orderby Name",
      "select * from Customer where PrimaryEmailAddr = 'a@b.c'",
    ]) {
      const result = await fx.query(text);
      expect(result.status, `${text}: ${result.text}`).toBe(200);
    }
  });

  it("answers a projection of valid fields with just those fields", async () => {
    const result = await fx.query("select Id, DisplayName from Vendor where DisplayName = 'Strict Vendor'");
    expect(result.status, result.text).toBe(200);
    expect(get(result.body, "QueryResponse", "Vendor")).toEqual([{ Id: vendorId, DisplayName: "Strict Vendor" }]);
    expect(faultCode(await fx.query("select Id, Shoesize from Vendor"))).toBe("4001");
  });

  it("SELECT * pages carry totalCount beside startPosition and maxResults", async () => {
    const body = (await fx.query("select * from Account startposition 2 maxresults 3")).body;
    expect(get(body, "QueryResponse", "startPosition")).toBe(2);
    expect(get(body, "QueryResponse", "maxResults")).toBe(3);
    expect(get(body, "QueryResponse", "totalCount")).toBe(3);
  });
});

describe("A3 BillPayment: TotalAmt required and kept, settled bills dropped, account types", () => {
  it("refuses a BillPayment without TotalAmt (2020)", async () => {
    const bill = await post("/bill", billBody(), "Bill");
    const result = await fx.api("/billpayment", { body: checkPayment(bill["Id"], 100, undefined) });
    expect(faultCode(result)).toBe("2020");
    expect(get(result.body, "Fault", "Error", 0, "element")).toBe("TotalAmt");
  });

  it("keeps a TotalAmt above the lines (the excess is unapplied) and refuses one below them", async () => {
    const bill = await post("/bill", billBody(), "Bill");
    const payment = await post("/billpayment", checkPayment(bill["Id"], 40, 55.5), "BillPayment");
    expect(payment["TotalAmt"]).toBe(55.5);
    expect(get((await fx.api(`/bill/${String(bill["Id"])}`)).body, "Bill", "Balance")).toBe(60);
    expect(faultCode(await fx.api("/billpayment", { body: checkPayment(bill["Id"], 50, 20) }))).toBe("6000");
  });

  it("accepts a payment against a bill already paid in full, dropping that line", async () => {
    const bill = await post("/bill", billBody(), "Bill");
    await post("/billpayment", checkPayment(bill["Id"], 100, 100), "BillPayment");
    const late = await post("/billpayment", checkPayment(bill["Id"], 100, 100), "BillPayment");
    expect(late["Line"]).toEqual([]);
    expect(late["TotalAmt"]).toBe(100);
    expect(get((await fx.api(`/bill/${String(bill["Id"])}`)).body, "Bill", "Balance")).toBe(0);
  });

  it("CheckPayment.BankAccountRef must be a Bank account; CreditCardPayment.CCAccountRef a Credit Card", async () => {
    const bill = await post("/bill", billBody(), "Bill");
    const wrongBank = await fx.api("/billpayment", { body: checkPayment(bill["Id"], 10, 10, cardId) });
    expect(faultCode(wrongBank)).toBe("6000");
    expect(get(wrongBank.body, "Fault", "Error", 0, "element")).toBe("CheckPayment.BankAccountRef");
    const card = (account: string) => ({
      VendorRef: { value: vendorId },
      PayType: "CreditCard",
      CreditCardPayment: { CCAccountRef: { value: account } },
      TotalAmt: 10,
      Line: [{ Amount: 10, LinkedTxn: [{ TxnId: bill["Id"], TxnType: "Bill" }] }],
    });
    expect(faultCode(await fx.api("/billpayment", { body: card(checkingId) }))).toBe("6000");
    expect((await fx.api("/billpayment", { body: card(cardId) })).status).toBe(200);
  });
});

describe("A4 LinkedTxn types and voided invoices", () => {
  it("a bill links its payments as BillPaymentCheck / BillPaymentCreditCard", async () => {
    const bill = await post("/bill", billBody(), "Bill");
    const check = await post("/billpayment", checkPayment(bill["Id"], 30, 30), "BillPayment");
    const card = await post(
      "/billpayment",
      { VendorRef: { value: vendorId }, PayType: "CreditCard", CreditCardPayment: { CCAccountRef: { value: cardId } }, TotalAmt: 20, Line: [{ Amount: 20, LinkedTxn: [{ TxnId: bill["Id"], TxnType: "Bill" }] }] },
      "BillPayment",
    );
    expect(get((await fx.api(`/bill/${String(bill["Id"])}`)).body, "Bill", "LinkedTxn")).toEqual([
      { TxnId: check["Id"], TxnType: "BillPaymentCheck" },
      { TxnId: card["Id"], TxnType: "BillPaymentCreditCard" },
    ]);
  });

  it("a voided invoice keeps its lines with zero amounts and gets Voided prepended to its note", async () => {
    const invoice = await post(
      "/invoice",
      { CustomerRef: { value: customerId }, PrivateNote: "spring job", Line: [{ Amount: 80, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: itemId }, Qty: 2, UnitPrice: 40 } }] },
      "Invoice",
    );
    const voided = await post(`/invoice?operation=void`, { Id: invoice["Id"], SyncToken: invoice["SyncToken"] }, "Invoice");
    expect(voided["TotalAmt"]).toBe(0);
    expect(voided["Balance"]).toBe(0);
    expect(voided["PrivateNote"]).toBe("Voided - spring job");
    const lines = voided["Line"] as JsonObject[];
    expect(lines.map((line) => [line["DetailType"], line["Amount"]])).toEqual([
      ["SalesItemLineDetail", 0],
      ["SubTotalLineDetail", 0],
    ]);
    expect(get(lines[0], "SalesItemLineDetail", "ItemRef", "value")).toBe(itemId);
  });
});

describe("A5 timestamps in company time with daylight saving; envelope time with milliseconds", () => {
  it("prints -08:00 in winter and -07:00 in summer for the Pacific company", async () => {
    const winter = await startFixture({ now: () => new Date("2026-01-15T20:00:00Z") });
    const summer = await startFixture({ now: () => new Date("2026-07-15T20:00:00Z") });
    try {
      const w = await winter.api("/vendor", { body: { DisplayName: "Winter" } });
      const s = await summer.api("/vendor", { body: { DisplayName: "Summer" } });
      expect(get(w.body, "Vendor", "MetaData", "CreateTime")).toBe("2026-01-15T12:00:00-08:00");
      expect(get(s.body, "Vendor", "MetaData", "CreateTime")).toBe("2026-07-15T13:00:00-07:00");
      expect(w.body["time"]).toBe("2026-01-15T12:00:00.000-08:00");
      expect(s.body["time"]).toMatch(/^2026-07-15T13:00:00\.\d{3}-07:00$/);
    } finally {
      await winter.close();
      await summer.close();
    }
  });
});

describe("A6 Accept: application/xml gets XML", () => {
  it("answers XML when JSON is not accepted, JSON otherwise", async () => {
    const url = `${fx.server.url}/v3/company/${fx.realmId}/vendor/${vendorId}?minorversion=75`;
    const auth = { authorization: `Bearer ${fx.accessToken}` };
    for (const accept of ["application/xml", undefined]) {
      const response = await fetch(url, { headers: accept ? { ...auth, accept } : auth });
      expect(response.headers.get("content-type")).toMatch(/application\/xml/);
      const text = await response.text();
      expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8" standalone="yes"\?><IntuitResponse xmlns="http:\/\/schema.intuit.com\/finance\/v3" time="[^"]+">/);
      expect(text).toContain(`<Vendor domain="QBO" sparse="false"><Id>${vendorId}</Id>`);
      expect(text).toContain("<DisplayName>Strict Vendor</DisplayName>");
    }
    const fault = await fetch(`${fx.server.url}/v3/company/${fx.realmId}/vendor/999999?minorversion=75`, { headers: { ...auth, accept: "application/xml" } });
    expect(fault.status).toBe(400);
    expect(await fault.text()).toMatch(/<Fault type="ValidationFault"><Error code="610" element="Id"><Message>Object Not Found<\/Message>/);
    const json = await fetch(url, { headers: { ...auth, accept: "application/json" } });
    expect(json.headers.get("content-type")).toMatch(/application\/json/);
  });

  it("renders references with a name attribute and query pages with their counts", async () => {
    const bill = await post("/bill", billBody({ DocNumber: "XML-1" }), "Bill");
    const response = await fetch(
      `${fx.server.url}/v3/company/${fx.realmId}/query?minorversion=75&query=${encodeURIComponent("select * from Bill where DocNumber = 'XML-1'")}`,
      { headers: { authorization: `Bearer ${fx.accessToken}`, accept: "application/xml" } },
    );
    const text = await response.text();
    expect(text).toContain('<QueryResponse startPosition="1" maxResults="1" totalCount="1"><Bill domain="QBO" sparse="false">');
    expect(text).toContain(`<VendorRef name="Strict Vendor">${vendorId}</VendorRef>`);
    expect(text).toContain(`<Id>${String(bill["Id"])}</Id>`);
  });
});

describe("A7 length limits", () => {
  it("DocNumber over 21 characters is 2050", async () => {
    const result = await fx.api("/bill", { body: billBody({ DocNumber: "X".repeat(22) }) });
    expect(faultCode(result)).toBe("2050");
    expect(get(result.body, "Fault", "Error", 0, "element")).toBe("DocNumber");
    expect((await fx.api("/bill", { body: billBody({ DocNumber: "Y".repeat(21) }) })).status).toBe(200);
  });

  it("PrivateNote over 4000 characters is refused", async () => {
    const result = await fx.api("/bill", { body: billBody({ PrivateNote: "n".repeat(4001) }) });
    expect(faultCode(result)).toBe("2050");
    expect(get(result.body, "Fault", "Error", 0, "element")).toBe("PrivateNote");
  });

  it("a requestid over 50 characters is refused and nothing is written", async () => {
    const result = await fx.api(`/bill?requestid=${"r".repeat(51)}`, { body: billBody({ DocNumber: "RID-LONG" }) });
    expect(result.status).toBe(400);
    expect(get(result.body, "Fault", "Error", 0, "element")).toBe("requestid");
    expect(get((await fx.query("select count(*) from Bill where DocNumber = 'RID-LONG'")).body, "QueryResponse", "totalCount")).toBe(0);
  });
});

describe("A8 an invalid date is a 400 validation fault, never a 500", () => {
  it.each(["2026-13-45", "2026-02-30", "tomorrow"])("TxnDate %s", async (date) => {
    const result = await fx.api("/bill", { body: billBody({ TxnDate: date }) });
    expect(result.status).toBe(400);
    expect(get(result.body, "Fault", "type")).toBe("ValidationFault");
    expect(get(result.body, "Fault", "Error", 0, "element")).toBe("TxnDate");
  });

  it("DueDate too", async () => {
    const result = await fx.api("/invoice", { body: { CustomerRef: { value: customerId }, DueDate: "2026-00-10", Line: [{ Amount: 5, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: itemId } } }] } });
    expect(result.status).toBe(400);
    expect(get(result.body, "Fault", "Error", 0, "element")).toBe("DueDate");
  });
});

describe("A9 batch void and CDCQuery items; unknown paths answer Unsupported Operation", () => {
  it("voids an invoice through a batch item", async () => {
    const invoice = await post("/invoice", { CustomerRef: { value: customerId }, Line: [{ Amount: 12, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: itemId } } }] }, "Invoice");
    const result = await fx.api("/batch", { body: { BatchItemRequest: [{ bId: "v1", operation: "void", Invoice: { Id: invoice["Id"], SyncToken: invoice["SyncToken"] } }] } });
    expect(result.status, result.text).toBe(200);
    expect(get(result.body, "BatchItemResponse", 0, "Invoice", "TotalAmt")).toBe(0);
    expect(String(get(result.body, "BatchItemResponse", 0, "Invoice", "PrivateNote"))).toMatch(/^Voided/);
  });

  it("answers a CDCQuery item with a CDCResponse", async () => {
    const since = new Date(fx.server.sandbox.now().getTime() - 3_600_000).toISOString();
    const result = await fx.api("/batch", { body: { BatchItemRequest: [{ bId: "c1", CDCQuery: { Entities: "Vendor", ChangedSince: since } }] } });
    expect(result.status, result.text).toBe(200);
    const vendors = get(result.body, "BatchItemResponse", 0, "CDCResponse", "QueryResponse", 0, "Vendor") as JsonObject[];
    expect(vendors.map((v) => v["DisplayName"])).toContain("Strict Vendor");
  });

  it("an unknown resource is 400, code 500 Unsupported Operation", async () => {
    const result = await fx.api("/widget", { body: {} });
    expect(result.status).toBe(400);
    expect(faultCode(result)).toBe("500");
    expect(get(result.body, "Fault", "Error", 0, "Message")).toBe("Unsupported Operation");
    const batch = await fx.api("/batch", { body: { BatchItemRequest: [{ bId: "w", operation: "create", Widget: {} }] } });
    expect(get(batch.body, "BatchItemResponse", 0, "Fault", "Error", 0, "code")).toBe("500");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultCode, get, startFixture, type SandboxFixture } from "./test-support";
import type { JsonObject } from "./types";

let fx: SandboxFixture;
let expenseAccountId: string;
let net30Id: string;

async function idOf(entity: string, where: string): Promise<string> {
  const result = await fx.query(`select * from ${entity} where ${where}`);
  const id = get(result.body, "QueryResponse", entity, 0, "Id");
  if (typeof id !== "string") throw new Error(`no ${entity} where ${where}: ${result.text}`);
  return id;
}

async function createVendor(name: string, extra: Record<string, unknown> = {}): Promise<JsonObject> {
  const result = await fx.api("/vendor", { body: { DisplayName: name, ...extra } });
  expect(result.status, result.text).toBe(200);
  return result.body["Vendor"] as JsonObject;
}

function billBody(vendorId: string, amounts: number[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    VendorRef: { value: vendorId },
    Line: amounts.map((amount) => ({
      Amount: amount,
      DetailType: "AccountBasedExpenseLineDetail",
      AccountBasedExpenseLineDetail: { AccountRef: { value: expenseAccountId } },
    })),
    ...extra,
  };
}

beforeAll(async () => {
  fx = await startFixture({ companyName: "Crud Co" });
  expenseAccountId = await idOf("Account", "Name = 'Office Supplies & Software'");
  net30Id = await idOf("Term", "Name = 'Net 30'");
});
afterAll(async () => fx.close());

describe("create and read", () => {
  it("creates a bill with server-computed fields", async () => {
    const vendor = await createVendor("Paper Street Supply", { TermRef: { value: net30Id } });
    const result = await fx.api("/bill", { body: billBody(String(vendor["Id"]), [10.1, 20.2], { DocNumber: "PS-1", TxnDate: "2026-11-01", TotalAmt: 999, Balance: 5 }) });
    expect(result.status).toBe(200);
    expect(result.headers.get("intuit_tid")).toMatch(/^1-/);
    const bill = result.body["Bill"] as JsonObject;
    expect(bill["Id"]).toMatch(/^\d+$/);
    expect(bill["SyncToken"]).toBe("0");
    expect(bill["TotalAmt"]).toBe(30.3);
    expect(bill["Balance"]).toBe(30.3);
    expect(bill["DueDate"]).toBe("2026-12-01");
    expect(get(bill, "VendorRef", "name")).toBe("Paper Street Supply");
    expect(get(bill, "CurrencyRef", "value")).toBe("USD");
    expect(get(bill, "APAccountRef", "name")).toBe("Accounts Payable (A/P)");
    expect(get(bill, "Line", 1, "LineNum")).toBe(2);
    expect(get(bill, "MetaData", "CreateTime")).toEqual(get(bill, "MetaData", "LastUpdatedTime"));
    expect(typeof result.body["time"]).toBe("string");

    const read = await fx.api(`/bill/${String(bill["Id"])}`);
    expect(read.body["Bill"]).toEqual(bill);
  });

  it("answers 610 for a missing id", async () => {
    const result = await fx.api("/bill/987654");
    expect(result.status).toBe(400);
    expect(faultCode(result)).toBe("610");
    expect(get(result.body, "Fault", "type")).toBe("ValidationFault");
  });

  it("answers 2020 when required params are missing", async () => {
    const vendor = await createVendor("Required Param Vendor");
    const noLine = await fx.api("/bill", { body: { VendorRef: { value: String(vendor["Id"]) } } });
    expect(faultCode(noLine)).toBe("2020");
    expect(get(noLine.body, "Fault", "Error", 0, "element")).toBe("Line");
    const noVendor = await fx.api("/bill", { body: billBody("1", [5], { VendorRef: null }) });
    expect(faultCode(noVendor)).toBe("2020");
    const noAmount = await fx.api("/bill", {
      body: { VendorRef: { value: String(vendor["Id"]) }, Line: [{ DetailType: "AccountBasedExpenseLineDetail", AccountBasedExpenseLineDetail: { AccountRef: { value: expenseAccountId } } }] },
    });
    expect(faultCode(noAmount)).toBe("2020");
  });

  it("answers 2500 for a reference to a missing id and 610 for an inactive one", async () => {
    const missing = await fx.api("/bill", { body: billBody("99999", [5]) });
    expect(faultCode(missing)).toBe("2500");
    const vendor = await createVendor("Soon Inactive Vendor");
    const deactivated = await fx.api("/vendor", { body: { Id: vendor["Id"], SyncToken: vendor["SyncToken"], sparse: true, Active: false } });
    expect(get(deactivated.body, "Vendor", "DisplayName")).toBe("Soon Inactive Vendor (deleted)");
    const inactive = await fx.api("/bill", { body: billBody(String(vendor["Id"]), [5]) });
    expect(faultCode(inactive)).toBe("610");
    const badAccount = await fx.api("/bill", {
      body: { VendorRef: { value: "1" }, Line: [{ Amount: 1, DetailType: "AccountBasedExpenseLineDetail", AccountBasedExpenseLineDetail: { AccountRef: { value: "424242" } } }] },
    });
    expect(["2500", "610"]).toContain(faultCode(badAccount));
  });
});

describe("names and numbers", () => {
  it("rejects duplicate DisplayNames across vendors and customers, case-insensitively (6240)", async () => {
    await createVendor("Unique Name Holdings");
    const sameVendor = await fx.api("/vendor", { body: { DisplayName: "unique name HOLDINGS" } });
    expect(faultCode(sameVendor)).toBe("6240");
    const asCustomer = await fx.api("/customer", { body: { DisplayName: "Unique Name Holdings" } });
    expect(faultCode(asCustomer)).toBe("6240");
  });

  it("frees the name of an inactive vendor (QBO renames it 'X (deleted)')", async () => {
    const vendor = await createVendor("Recycled Name Inc.");
    await fx.api("/vendor", { body: { Id: vendor["Id"], SyncToken: vendor["SyncToken"], sparse: true, Active: false } });
    const again = await fx.api("/vendor", { body: { DisplayName: "Recycled Name Inc." } });
    expect(again.status).toBe(200);
  });

  it("rejects a duplicate bill number per vendor (6140) unless the setting is off", async () => {
    const a = await createVendor("DocNumber Vendor A");
    const b = await createVendor("DocNumber Vendor B");
    expect((await fx.api("/bill", { body: billBody(String(a["Id"]), [1], { DocNumber: "DUP-1" }) })).status).toBe(200);
    const duplicate = await fx.api("/bill", { body: billBody(String(a["Id"]), [1], { DocNumber: "DUP-1" }) });
    expect(faultCode(duplicate)).toBe("6140");
    expect((await fx.api("/bill", { body: billBody(String(b["Id"]), [1], { DocNumber: "DUP-1" }) })).status).toBe(200);
    fx.server.sandbox.updateSettings(fx.realmId, { duplicateDocNumberCheck: false });
    expect((await fx.api("/bill", { body: billBody(String(a["Id"]), [1], { DocNumber: "DUP-1" }) })).status).toBe(200);
    fx.server.sandbox.updateSettings(fx.realmId, { duplicateDocNumberCheck: true });
  });
});

describe("updates", () => {
  it("rejects a stale SyncToken (5010) and bumps SyncToken on every change", async () => {
    const vendor = await createVendor("Sync Token Vendor");
    const created = (await fx.api("/bill", { body: billBody(String(vendor["Id"]), [100], { PrivateNote: "first" }) })).body["Bill"] as JsonObject;
    const first = await fx.api("/bill", { body: { ...created, PrivateNote: "second" } });
    expect(get(first.body, "Bill", "SyncToken")).toBe("1");
    const stale = await fx.api("/bill", { body: { ...created, PrivateNote: "third" } });
    expect(stale.status).toBe(400);
    expect(faultCode(stale)).toBe("5010");
    const staleDelete = await fx.api("/bill?operation=delete", { body: { Id: created["Id"], SyncToken: "0" } });
    expect(faultCode(staleDelete)).toBe("5010");
  });

  it("full update replaces writable fields; sparse update merges", async () => {
    const vendor = await createVendor("Update Semantics Vendor");
    const created = (await fx.api("/bill", { body: billBody(String(vendor["Id"]), [40, 60], { PrivateNote: "memo", DocNumber: "US-1" }) })).body["Bill"] as JsonObject;
    const sparse = await fx.api("/bill", { body: { Id: created["Id"], SyncToken: "0", sparse: true, PrivateNote: "sparse memo" } });
    const afterSparse = sparse.body["Bill"] as JsonObject;
    expect(afterSparse["PrivateNote"]).toBe("sparse memo");
    expect(afterSparse["DocNumber"]).toBe("US-1");
    expect(afterSparse["TotalAmt"]).toBe(100);
    const full = await fx.api("/bill", { body: billBody(String(vendor["Id"]), [75], { Id: created["Id"], SyncToken: "1" }) });
    const afterFull = full.body["Bill"] as JsonObject;
    expect(afterFull["PrivateNote"]).toBeUndefined();
    expect(afterFull["DocNumber"]).toBeUndefined();
    expect(afterFull["TotalAmt"]).toBe(75);
    expect(afterFull["Balance"]).toBe(75);
    expect(get(afterFull, "MetaData", "CreateTime")).toBe(get(created, "MetaData", "CreateTime"));
  });

  it("locks transactions dated on or before BookCloseDate (6210)", async () => {
    const vendor = await createVendor("Closed Books Vendor");
    const open = (await fx.api("/bill", { body: billBody(String(vendor["Id"]), [10], { TxnDate: "2026-03-15" }) })).body["Bill"] as JsonObject;
    fx.server.sandbox.updateSettings(fx.realmId, { bookCloseDate: "2026-03-31" });
    const prefs = await fx.api("/preferences");
    expect(get(prefs.body, "Preferences", "AccountingInfoPrefs", "BookCloseDate")).toBe("2026-03-31");
    const create = await fx.api("/bill", { body: billBody(String(vendor["Id"]), [10], { TxnDate: "2026-03-31" }) });
    expect(faultCode(create)).toBe("6210");
    const edit = await fx.api("/bill", { body: { Id: open["Id"], SyncToken: open["SyncToken"], sparse: true, TxnDate: "2026-04-02" } });
    expect(faultCode(edit)).toBe("6210");
    const remove = await fx.api("/bill?operation=delete", { body: { Id: open["Id"], SyncToken: open["SyncToken"] } });
    expect(faultCode(remove)).toBe("6210");
    expect((await fx.api("/bill", { body: billBody(String(vendor["Id"]), [10], { TxnDate: "2026-04-01" }) })).status).toBe(200);
    fx.server.sandbox.updateSettings(fx.realmId, { bookCloseDate: null });
  });
});

describe("delete", () => {
  it("deletes a bill; it reads as 610 afterwards", async () => {
    const vendor = await createVendor("Delete Vendor");
    const bill = (await fx.api("/bill", { body: billBody(String(vendor["Id"]), [12]) })).body["Bill"] as JsonObject;
    const deleted = await fx.api("/bill?operation=delete", { body: { Id: bill["Id"], SyncToken: bill["SyncToken"] } });
    expect(deleted.status).toBe(200);
    expect(deleted.body["Bill"]).toEqual({ domain: "QBO", status: "Deleted", Id: bill["Id"] });
    expect(faultCode(await fx.api(`/bill/${String(bill["Id"])}`))).toBe("610");
  });

  it("refuses to delete a vendor (make it inactive instead) and to void a bill", async () => {
    const vendor = await createVendor("Undeletable Vendor");
    const deleteVendor = await fx.api("/vendor?operation=delete", { body: { Id: vendor["Id"], SyncToken: vendor["SyncToken"] } });
    expect(deleteVendor.status).toBe(400);
    expect(faultCode(deleteVendor)).toBe("6000");
    const bill = (await fx.api("/bill", { body: billBody(String(vendor["Id"]), [12]) })).body["Bill"] as JsonObject;
    const voidBill = await fx.api("/bill?operation=void", { body: { Id: bill["Id"], SyncToken: bill["SyncToken"] } });
    expect(voidBill.status).toBe(400);
    expect(faultCode(voidBill)).toBe("6000");
  });
});

describe("requestid idempotency", () => {
  it("replays the original response for the same requestid without writing again", async () => {
    const vendor = await createVendor("Idempotent Vendor");
    fx.server.sandbox.resetStats(fx.realmId);
    const body = billBody(String(vendor["Id"]), [33], { DocNumber: "IDEM-1" });
    const first = await fx.api("/bill?requestid=7f0c2a9e-1", { body });
    const second = await fx.api("/bill?requestid=7f0c2a9e-1", { body });
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(fx.server.sandbox.getStats(fx.realmId).writes).toBe(1);
    const count = await fx.query("select count(*) from Bill where DocNumber = 'IDEM-1'");
    expect(get(count.body, "QueryResponse", "totalCount")).toBe(1);
    const third = await fx.api("/bill?requestid=7f0c2a9e-2", { body });
    expect(faultCode(third)).toBe("6140");
    const replayedFault = await fx.api("/bill?requestid=7f0c2a9e-2", { body: billBody(String(vendor["Id"]), [1], { DocNumber: "OTHER" }) });
    expect(replayedFault.text).toBe(third.text);
  });
});

describe("company endpoints", () => {
  it("serves CompanyInfo and Preferences", async () => {
    const info = await fx.api(`/companyinfo/${fx.realmId}`);
    expect(get(info.body, "CompanyInfo", "CompanyName")).toBe("Crud Co");
    const prefs = await fx.api("/preferences");
    expect(get(prefs.body, "Preferences", "CurrencyPrefs", "HomeCurrency", "value")).toBe("USD");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultCode, get, startFixture, type SandboxFixture } from "./test-support";

let fx: SandboxFixture;

beforeAll(async () => {
  fx = await startFixture({ companyName: "Party Fields Co" });
});
afterAll(async () => fx.close());

const BILL_ADDR = { Line1: "15 Main St.", Line2: "Suite 4", City: "Palo Alto", CountrySubDivisionCode: "CA", PostalCode: "94303", Country: "USA" };

describe("vendor and customer details", () => {
  it("stores company name, phone, address and 1099 flag, and answers the tax id masked everywhere, like QBO", async () => {
    const created = await fx.api("/vendor", {
      body: { DisplayName: "Books by Bessie", CompanyName: "Books by Bessie LLC", PrimaryPhone: { FreeFormNumber: "(650) 555-7745" }, BillAddr: BILL_ADDR, Vendor1099: true, TaxIdentifier: "99-5688293" },
    });
    expect(created.status, created.text).toBe(200);
    const id = String(get(created.body, "Vendor", "Id"));
    expect(get(created.body, "Vendor", "TaxIdentifier")).toBe("XXXXXX8293");
    expect(get(created.body, "Vendor", "BillAddr")).toEqual(BILL_ADDR);
    expect(get(created.body, "Vendor", "CompanyName")).toBe("Books by Bessie LLC");
    expect(get(created.body, "Vendor", "PrimaryPhone", "FreeFormNumber")).toBe("(650) 555-7745");
    expect(get(created.body, "Vendor", "Vendor1099")).toBe(true);
    // Stored in full: only answers are masked.
    expect(fx.server.sandbox.getRecord(fx.realmId, "Vendor", id)?.["TaxIdentifier"]).toBe("99-5688293");

    const read = await fx.api(`/vendor/${id}`);
    expect(get(read.body, "Vendor", "TaxIdentifier")).toBe("XXXXXX8293");
    const queried = await fx.query(`select * from Vendor where Id = '${id}'`);
    expect(get(queried.body, "QueryResponse", "Vendor", 0, "TaxIdentifier")).toBe("XXXXXX8293");
    const since = new Date(Date.now() - 60_000).toISOString();
    const cdc = await fx.api(`/cdc?entities=Vendor&changedSince=${encodeURIComponent(since)}`);
    expect(cdc.text).toContain("XXXXXX8293");
    expect(cdc.text).not.toContain("99-5688293");
  });

  it("a vendor is not a 1099 contractor unless set; a sparse update clears with empty values", async () => {
    const created = await fx.api("/vendor", { body: { DisplayName: "Plain Vendor", CompanyName: "Plain Co", PrimaryPhone: { FreeFormNumber: "555" } } });
    expect(get(created.body, "Vendor", "Vendor1099")).toBe(false);
    const id = String(get(created.body, "Vendor", "Id"));
    const updated = await fx.api("/vendor", {
      body: { Id: id, SyncToken: String(get(created.body, "Vendor", "SyncToken")), sparse: true, DisplayName: "Plain Vendor", CompanyName: "", PrimaryPhone: { FreeFormNumber: "" } },
    });
    expect(updated.status, updated.text).toBe(200);
    expect(get(updated.body, "Vendor", "CompanyName") ?? "").toBe("");
    expect(get(updated.body, "Vendor", "PrimaryPhone", "FreeFormNumber") ?? "").toBe("");
  });

  it("customers take company name, phone and billing address; a customer has no 1099 flag", async () => {
    const created = await fx.api("/customer", { body: { DisplayName: "Diner Inc", CompanyName: "Diner Incorporated", PrimaryPhone: { FreeFormNumber: "555-0101" }, BillAddr: BILL_ADDR } });
    expect(created.status, created.text).toBe(200);
    expect(get(created.body, "Customer", "BillAddr")).toEqual(BILL_ADDR);
    const refused = await fx.api("/customer", { body: { DisplayName: "Diner Two", Vendor1099: true } });
    expect(faultCode(refused)).toBe("2010");
  });

  it("refuses values longer than QBO allows (2050)", async () => {
    const longPhone = await fx.api("/vendor", { body: { DisplayName: "Long Phone", PrimaryPhone: { FreeFormNumber: "1".repeat(31) } } });
    expect(faultCode(longPhone)).toBe("2050");
    const longTaxId = await fx.api("/vendor", { body: { DisplayName: "Long Tax", TaxIdentifier: "1".repeat(21) } });
    expect(faultCode(longTaxId)).toBe("2050");
    const longPostal = await fx.api("/customer", { body: { DisplayName: "Long Postal", BillAddr: { PostalCode: "9".repeat(31) } } });
    expect(faultCode(longPostal)).toBe("2050");
  });
});

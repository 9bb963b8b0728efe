import { describe, expect, it } from "vitest";
import {
  appPartyContentHash,
  appPartyToQboCreate,
  appPartyToQboUpdate,
  qboPartyToAppFields,
} from "@/lib/sync/core/mappers";
import { firstLinkDifferences } from "@/lib/sync/core/party-fields";
import { parseQboParty } from "@/lib/sync/core/qbo-parse";
import { appParty, qboParty } from "@/lib/sync/core/test-fixtures";

const ADDRESS = { line1: "15 Main St.", line2: "Suite 4", city: "Palo Alto", region: "CA", postalCode: "94303", country: "USA" };
const BILL_ADDR = { Line1: "15 Main St.", Line2: "Suite 4", City: "Palo Alto", CountrySubDivisionCode: "CA", PostalCode: "94303", Country: "USA" };

describe("vendor and customer details, app → QBO", () => {
  it("a create carries company name, phone, billing address, 1099 flag and tax id", () => {
    const vendor = appParty({ companyName: "Books by Bessie LLC", phone: "(650) 555-7745", address: ADDRESS, vendor1099: true, taxId: "99-5688293" });
    expect(appPartyToQboCreate(vendor)).toEqual({
      DisplayName: "Acme Supplies",
      Active: true,
      CurrencyRef: { value: "USD" },
      CompanyName: "Books by Bessie LLC",
      PrimaryPhone: { FreeFormNumber: "(650) 555-7745" },
      BillAddr: BILL_ADDR,
      Vendor1099: true,
      TaxIdentifier: "99-5688293",
    });
  });

  it("a customer (no 1099 flag, no tax id) sends neither", () => {
    const body = appPartyToQboCreate(appParty({ id: "cus-1", companyName: "Diner Inc" }));
    expect(body).not.toHaveProperty("Vendor1099");
    expect(body).not.toHaveProperty("TaxIdentifier");
    expect(body).toMatchObject({ CompanyName: "Diner Inc" });
  });

  it("a sparse update clears what the app cleared, but never a tax id it does not hold", () => {
    const cleared = appParty({ vendor1099: false });
    expect(appPartyToQboUpdate(cleared, { qboId: "56", syncToken: "2" })).toEqual({
      Id: "56",
      SyncToken: "2",
      sparse: true,
      DisplayName: "Acme Supplies",
      Active: true,
      CompanyName: "",
      PrimaryPhone: { FreeFormNumber: "" },
      BillAddr: { Line1: "", Line2: "", City: "", CountrySubDivisionCode: "", PostalCode: "", Country: "" },
      Vendor1099: false,
    });
    const full = appParty({ companyName: "Acme Co", phone: "555", address: { line1: "1 A St" }, vendor1099: true, taxId: "12-3456789" });
    expect(appPartyToQboUpdate(full, { qboId: "56", syncToken: "2" })).toMatchObject({
      CompanyName: "Acme Co",
      PrimaryPhone: { FreeFormNumber: "555" },
      BillAddr: { Line1: "1 A St", Line2: "", City: "", CountrySubDivisionCode: "", PostalCode: "", Country: "" },
      Vendor1099: true,
      TaxIdentifier: "12-3456789",
    });
  });
});

describe("vendor and customer details, QBO → app", () => {
  const raw = {
    Id: "30",
    SyncToken: "0",
    MetaData: { LastUpdatedTime: "2026-11-01T10:00:00-08:00" },
    DisplayName: "Books by Bessie",
    CompanyName: "Books by Bessie",
    PrimaryPhone: { FreeFormNumber: "(650) 555-7745" },
    BillAddr: { Id: "31", Line1: "15 Main St.", City: "Palo Alto", CountrySubDivisionCode: "CA", PostalCode: "94303", Lat: "37.4", Long: "-122.1" },
    Vendor1099: true,
    TaxIdentifier: "XXXXXX8293",
  };

  it("parses company name, phone, address and 1099 flag; the tax id only as QBO's masked copy", () => {
    expect(parseQboParty(raw)).toEqual({
      id: "30",
      syncToken: "0",
      lastUpdatedTime: "2026-11-01T10:00:00-08:00",
      displayName: "Books by Bessie",
      active: true,
      currency: "USD",
      companyName: "Books by Bessie",
      phone: "(650) 555-7745",
      address: { line1: "15 Main St.", city: "Palo Alto", region: "CA", postalCode: "94303" },
      vendor1099: true,
      maskedTaxId: "XXXXXX8293",
    });
  });

  it("keeps address lines 3–5 QBO may hold by folding them into line 2 (nothing dropped on the way back)", () => {
    const parsed = parseQboParty({ ...raw, BillAddr: { Line1: "Dianne's Auto Shop", Line2: "Dianne Bradley", Line3: "29834 Mustang Ave.", Line4: "" } });
    expect(parsed).toMatchObject({ address: { line1: "Dianne's Auto Shop", line2: "Dianne Bradley, 29834 Mustang Ave." } });
  });

  it("app fields take everything but the tax id (QBO returns it masked: never a value to keep)", () => {
    const fields = qboPartyToAppFields(qboParty({ companyName: "Co", phone: "1", address: { city: "X" }, vendor1099: false, maskedTaxId: "XXXXX6789" }));
    expect(fields).toEqual({ displayName: "Acme Supplies", active: true, currency: "USD", companyName: "Co", phone: "1", address: { city: "X" }, vendor1099: false });
    expect(fields).not.toHaveProperty("taxId");
  });
});

describe("content hash of a vendor / customer", () => {
  it("changes with each new synced field", () => {
    const party = appParty();
    const hash = appPartyContentHash(party);
    expect(appPartyContentHash({ ...party, companyName: "Co" })).not.toBe(hash);
    expect(appPartyContentHash({ ...party, phone: "555" })).not.toBe(hash);
    expect(appPartyContentHash({ ...party, address: { postalCode: "94303" } })).not.toBe(hash);
    expect(appPartyContentHash({ ...party, vendor1099: true })).not.toBe(hash);
    expect(appPartyContentHash({ ...party, taxId: "12-3456789" })).not.toBe(hash);
  });

  it("is unchanged for a record without the new fields (no mass re-push after the upgrade)", () => {
    const party = appParty();
    expect(appPartyContentHash({ ...party, vendor1099: false, address: {} })).toBe(appPartyContentHash(party));
  });
});

describe("first link of an app name to an existing QBO name", () => {
  it("lists every field whose values differ, with both sides' values, never the tax id", () => {
    const app = appParty({ email: "ap@acme.test", phone: "555-0100", taxId: "12-3456789", address: { city: "Portland" } });
    const qbo = qboParty({ email: "billing@acme.test", phone: "555-0100", companyName: "Acme Inc", maskedTaxId: "XXXXX9999", address: { city: "Salem" } });
    expect(firstLinkDifferences(app, qboPartyToAppFields(qbo))).toEqual([
      { field: "companyName", label: "Company name", app: null, quickbooks: "Acme Inc" },
      { field: "email", label: "Email", app: "ap@acme.test", quickbooks: "billing@acme.test" },
      { field: "addressCity", label: "City", app: "Portland", quickbooks: "Salem" },
    ]);
  });

  it("is empty when both sides agree", () => {
    const app = appParty({ email: "ap@acme.test", taxId: "12-3456789" });
    expect(firstLinkDifferences(app, qboPartyToAppFields(qboParty({ email: "ap@acme.test" })))).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { companyLabel, decideConnect, describeRecordCounts } from "./company-switch-rule";

const at = (iso: string) => new Date(iso);
const none = { vendors: 0, customers: 0, bills: 0, invoices: 0, vendorCredits: 0, billPayments: 0, receivedPayments: 0 };

describe("decideConnect", () => {
  it("connects at once to the company the links already point to", () => {
    expect(decideConnect({ realmId: "A", linkedRealms: [{ realmId: "A", lastSyncedAt: at("2026-01-01") }], hasAppRecords: true })).toEqual({ status: "connected" });
  });

  it("waits for confirmation when the links point to another company, naming the latest one", () => {
    const decision = decideConnect({
      realmId: "C",
      linkedRealms: [
        { realmId: "A", lastSyncedAt: at("2026-01-01") },
        { realmId: "B", lastSyncedAt: at("2026-02-01") },
      ],
      hasAppRecords: true,
    });
    expect(decision).toEqual({ status: "awaiting_confirmation", awaitingKind: "switch", fromRealmId: "B" });
  });

  it("waits even when some links already point to the new company, if others point elsewhere", () => {
    expect(
      decideConnect({ realmId: "B", linkedRealms: [{ realmId: "A", lastSyncedAt: at("2026-01-01") }, { realmId: "B", lastSyncedAt: at("2026-01-02") }], hasAppRecords: false }),
    ).toMatchObject({ awaitingKind: "switch", fromRealmId: "A" });
  });

  it("waits on a first company when the app already has records, and not when it has none", () => {
    expect(decideConnect({ realmId: "A", linkedRealms: [], hasAppRecords: true })).toEqual({ status: "awaiting_confirmation", awaitingKind: "first_sync" });
    expect(decideConnect({ realmId: "A", linkedRealms: [], hasAppRecords: false })).toEqual({ status: "connected" });
  });
});

describe("describeRecordCounts", () => {
  it("names the kinds there are, singular or plural", () => {
    expect(describeRecordCounts({ ...none, vendors: 25, customers: 1, invoices: 43 })).toBe("25 vendors, 1 customer and 43 invoices");
    expect(describeRecordCounts({ ...none, vendorCredits: 2 })).toBe("2 vendor credits");
    expect(describeRecordCounts(none)).toBe("no records");
  });
});

describe("companyLabel", () => {
  it("prefers the name, else the realm id", () => {
    expect(companyLabel(" Acme ", "9")).toBe("Acme");
    expect(companyLabel(null, "9")).toBe("company 9");
  });
});

import { describe, expect, it } from "vitest";
import { appRecordPath, qboRecordUrl } from "./qbo-links";

describe("qboRecordUrl", () => {
  it("links Intuit's web app by environment", () => {
    expect(qboRecordUrl({ environment: "production" }, "bill", "145")).toBe("https://app.qbo.intuit.com/app/bill?txnId=145");
    expect(qboRecordUrl({ environment: "sandbox" }, "vendor", "7")).toBe("https://app.sandbox.qbo.intuit.com/app/vendordetail?nameId=7");
  });
  it("links the built-in sandbox's record view", () => {
    expect(qboRecordUrl({ environment: "sandbox", builtInSandboxUrl: "http://localhost:3000/qbo-sandbox", realmId: "9130" }, "invoice", "12")).toBe(
      "http://localhost:3000/qbo-sandbox/_sandbox/companies/9130/records/Invoice/12",
    );
  });
  it("has no link for unknown kinds", () => {
    expect(qboRecordUrl({ environment: "sandbox" }, "term", "1")).toBeNull();
    expect(appRecordPath("acme", "term", "x")).toBeNull();
    expect(appRecordPath("acme", "bill", "b1")).toBe("/o/acme/bills/b1");
    expect(appRecordPath("acme", "bill_payment", "p1")).toBe("/o/acme/payments/p1");
    expect(appRecordPath("acme", "payment", "r1")).toBe("/o/acme/received-payments/r1");
  });
});

import { describe, expect, it } from "vitest";
import { isConsentPath, isControlPath, isCrossOriginSandboxChange } from "./sandbox-caller";

const APP = "http://127.0.0.1:3000";
const request = (path: string, method: string, headers: Record<string, string> = {}) => new Request(`${APP}/qbo-sandbox${path}`, { method, headers });

describe("the built-in sandbox's paths", () => {
  it("recognises the consent page and the control API, and leaves the QBO API alone", () => {
    expect(isConsentPath("/oauth2/authorize")).toBe(true);
    expect(isControlPath("/_sandbox/companies")).toBe(true);
    expect(isControlPath("/_sandbox")).toBe(true);
    expect(isControlPath("/_sandboxes")).toBe(false);
    expect(isControlPath("/v3/company/1/query")).toBe(false);
  });

  it("refuses consent decisions and control changes sent from another origin, never the API or token calls", () => {
    const foreign = { origin: "http://127.0.0.1:4000", "sec-fetch-site": "same-site" };
    expect(isCrossOriginSandboxChange(request("/oauth2/authorize", "POST", foreign), APP)).toBe(true);
    expect(isCrossOriginSandboxChange(request("/_sandbox/companies/1/act", "POST", foreign), APP)).toBe(true);
    expect(isCrossOriginSandboxChange(request("/_sandbox/companies/1/act", "POST", { origin: APP, "sec-fetch-site": "same-origin" }), APP)).toBe(false);
    expect(isCrossOriginSandboxChange(request("/oauth2/authorize", "GET", foreign), APP)).toBe(false);
    expect(isCrossOriginSandboxChange(request("/oauth2/v1/tokens/bearer", "POST", foreign), APP)).toBe(false);
    expect(isCrossOriginSandboxChange(request("/v3/company/1/bill", "POST", foreign), APP)).toBe(false);
  });
});

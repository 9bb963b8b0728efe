import { describe, expect, it } from "vitest";
import { isSandboxControlPath, sandboxControlAllowed } from "./built-in-sandbox";

describe("the built-in sandbox's control API", () => {
  it("is served in development, tests and the demo, not in a plain production deployment", () => {
    expect(sandboxControlAllowed({ NODE_ENV: "development", DEMO_MODE: "0" })).toBe(true);
    expect(sandboxControlAllowed({ NODE_ENV: "test", DEMO_MODE: "0" })).toBe(true);
    expect(sandboxControlAllowed({ NODE_ENV: "production", DEMO_MODE: "1" })).toBe(true);
    expect(sandboxControlAllowed({ NODE_ENV: "production", DEMO_MODE: "0" })).toBe(false);
  });

  it("recognises control paths and leaves the QBO API and OAuth paths alone", () => {
    expect(isSandboxControlPath("/qbo-sandbox/_sandbox/companies")).toBe(true);
    expect(isSandboxControlPath("/qbo-sandbox/_sandbox")).toBe(true);
    expect(isSandboxControlPath("/qbo-sandbox/v3/company/1/query")).toBe(false);
    expect(isSandboxControlPath("/qbo-sandbox/oauth2/authorize")).toBe(false);
    expect(isSandboxControlPath("/qbo-sandbox/_sandboxes")).toBe(false);
  });
});

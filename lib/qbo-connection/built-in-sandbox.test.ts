import { describe, expect, it } from "vitest";
import { builtInSandboxServed } from "./built-in-sandbox";

describe("the built-in sandbox", () => {
  it("is served in development, tests and the demo, never by a plain production deployment or beside an Intuit app", () => {
    expect(builtInSandboxServed({ NODE_ENV: "development", DEMO_MODE: "0" })).toBe(true);
    expect(builtInSandboxServed({ NODE_ENV: "test", DEMO_MODE: "0" })).toBe(true);
    expect(builtInSandboxServed({ NODE_ENV: "production", DEMO_MODE: "1" })).toBe(true);
    expect(builtInSandboxServed({ NODE_ENV: "production", DEMO_MODE: "0" })).toBe(false);
    expect(builtInSandboxServed({ NODE_ENV: "development", DEMO_MODE: "0", QBO_CLIENT_ID: "intuit-app" })).toBe(false);
  });
});

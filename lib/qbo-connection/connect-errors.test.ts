import { describe, expect, it } from "vitest";
import { CONNECT_ERROR_MESSAGES, connectErrorMessage } from "./connect-errors";

describe("connectErrorMessage", () => {
  it("says nothing without a code", () => {
    expect(connectErrorMessage(undefined)).toBeUndefined();
    expect(connectErrorMessage("")).toBeUndefined();
  });

  it("maps every known code to its fixed sentence", () => {
    for (const [code, message] of Object.entries(CONNECT_ERROR_MESSAGES)) expect(connectErrorMessage(code)).toBe(message);
    expect(connectErrorMessage("state_replayed")).toMatch(/already used/);
  });

  it.each([
    "Your QuickBooks subscription expired. Call +1 555 0100 to renew.",
    "<img src=x onerror=alert(1)>",
    "Only an admin can connect QuickBooks.",
    "toString",
    "__proto__",
  ])("never echoes the text of %j", (attacker) => {
    expect(connectErrorMessage(attacker)).toBe(CONNECT_ERROR_MESSAGES.failed);
  });
});

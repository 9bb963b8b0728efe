import { describe, expect, it } from "vitest";
import { GENERIC_SIGN_IN_MESSAGE, lockedErrorCode, signInErrorMessage, WRONG_CREDENTIALS_MESSAGE } from "./sign-in-errors";

describe("signInErrorMessage", () => {
  it("says nothing without a code", () => {
    expect(signInErrorMessage(undefined)).toBeUndefined();
    expect(signInErrorMessage("")).toBeUndefined();
  });

  it("maps known codes to fixed sentences", () => {
    expect(signInErrorMessage("CredentialsSignin")).toBe(WRONG_CREDENTIALS_MESSAGE);
    expect(signInErrorMessage("SessionRequired")).toBe("Please sign in to see that page.");
  });

  it("round-trips the lock code with its minutes, bounded", () => {
    expect(signInErrorMessage(lockedErrorCode(14 * 60 + 1))).toBe("Too many failed attempts. Try again in 15 minutes.");
    expect(signInErrorMessage(lockedErrorCode(30))).toBe("Too many failed attempts. Try again in 1 minute.");
    expect(signInErrorMessage("Locked-9999")).toBe("Too many failed attempts. Try again in 60 minutes.");
    expect(signInErrorMessage("Locked-0")).toBe("Too many failed attempts. Try again in 1 minute.");
  });

  it.each([
    "Your account is suspended. Call +1 555 0100 to restore it.",
    "<script>alert(1)</script>",
    "Locked-15 visit evil.example",
    "Too many failed attempts. Try again in 5 minutes.",
    "toString",
    "__proto__",
    "Configuration",
  ])("never echoes the text of %j", (attacker) => {
    expect(signInErrorMessage(attacker)).toBe(GENERIC_SIGN_IN_MESSAGE);
  });
});

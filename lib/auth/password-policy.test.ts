import { describe, expect, it } from "vitest";
import { newPasswordProblem, PASSWORD_MAX_BYTES, utf8Bytes } from "./password-policy";
import { invitedSignUpSchema, signUpSchema } from "./schemas";

const signUp = (password: string) =>
  signUpSchema.safeParse({ name: "Ada", email: "ada@example.com", organizationName: "Acme", password });
const passwordErrors = (password: string) => {
  const parsed = signUp(password);
  return parsed.success ? [] : parsed.error.issues.filter((i) => i.path[0] === "password").map((i) => i.message);
};

describe("new passwords", () => {
  it("refuses one made only of spaces, saying so", () => {
    expect(passwordErrors("          ")).toEqual(["Use more than spaces: add words or other characters"]);
    expect(passwordErrors(" \t  \n     ")).toHaveLength(1);
  });

  it("refuses common and guessable passwords, saying why and what would help", () => {
    for (const weak of ["password12", "1234567890", "qwertyuiop", "aaaaaaaaaaaa", "Password2024"]) {
      const errors = passwordErrors(weak);
      expect(errors, weak).toHaveLength(1);
      expect(errors[0], weak).toMatch(/^Too easy to guess: \S.+\. \S.+\.$/);
      expect(errors[0], weak).not.toMatch(/\b(topHundred|similarToCommon|anotherWord|simpleRepeat)\b/);
    }
    expect(passwordErrors("1234567890")[0]).toContain("very frequently used password");
  });

  it("refuses more than 72 bytes, counting multi-byte characters by their bytes", () => {
    const ascii = "Plover-".repeat(10) + "xyz"; // 73 ASCII characters = 73 bytes
    expect(utf8Bytes(ascii)).toBe(73);
    const multiByte = "Brücke über die Öde, süße Äpfel für Jürgen Größe Öl Ähre äöü ßß"; // 63 characters, 80 bytes
    expect(multiByte.length).toBeLessThanOrEqual(PASSWORD_MAX_BYTES);
    expect(utf8Bytes(multiByte)).toBeGreaterThan(PASSWORD_MAX_BYTES);
    const emoji = "🦜🌵🚲🧭".repeat(5); // 40 UTF-16 units, 80 bytes
    for (const long of [ascii, multiByte, emoji]) {
      const errors = passwordErrors(long);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^Use at most 72 bytes: only the first 72 would be checked at sign-in/);
    }
    expect(passwordErrors("Plover-".repeat(10) + "xy")).toEqual([]); // exactly 72 bytes
  });

  it("still asks for 10 characters", () => {
    expect(passwordErrors("short")).toEqual(["Use at least 10 characters"]);
    expect(passwordErrors("")).toEqual(["Choose a password"]);
  });

  it("accepts a strong password, keeping its spaces", () => {
    const parsed = signUp("  correct horse battery staple ");
    expect(parsed.success).toBe(true);
    expect(parsed.data?.password).toBe("  correct horse battery staple ");
    expect(newPasswordProblem("ümlaut Fjord 🦜 wavering")).toBeNull();
  });

  it("counts the person's own details as guessable", () => {
    expect(newPasswordProblem("adalovelace1815", [])).toBeNull();
    expect(newPasswordProblem("adalovelace1815", ["adalovelace1815@example.com", "adalovelace1815"])).toMatch(/^Too easy to guess/);
  });

  it("at sign-up, refuses a password made of the person's name, email or business", () => {
    const parsed = signUpSchema.safeParse({ name: "Ada Lovelace", email: "adalovelace1815@example.com", organizationName: "Engines", password: "adalovelace1815" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["password", expect.stringMatching(/^Too easy to guess: it contains your own details\./)]]);
  });

  it("reports only the broken fields when others are missing", () => {
    const parsed = signUpSchema.safeParse({ password: "tangerine orbit mosaic" });
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["name", "email", "organizationName"]);
  });

  it("is the rule for a password chosen when signing up from an invitation too", () => {
    const base = { name: "Bo", invitation: "A".repeat(43) };
    expect(invitedSignUpSchema.safeParse({ ...base, password: "password12" }).success).toBe(false);
    expect(invitedSignUpSchema.safeParse({ ...base, password: "" }).success).toBe(false);
    expect(invitedSignUpSchema.safeParse({ ...base, password: "tangerine orbit mosaic" }).success).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { checkSessionClaims, claimsAtSignIn, SessionEndedError } from "./session-token";

const USER = "11111111-1111-4111-8111-111111111111";
const versions = (map: Record<string, number>) => async (id: string) => map[id] ?? null;

describe("session claims", () => {
  it("carry the user's session version from sign-in", () => {
    expect(claimsAtSignIn({ sub: USER, email: "a@example.com" }, { sessionVersion: 4 })).toEqual({ sub: USER, email: "a@example.com", sv: 4 });
  });

  it("are accepted while the version is still the user's", async () => {
    const token = { sub: USER, sv: 4, email: "a@example.com" };
    await expect(checkSessionClaims(token, versions({ [USER]: 4 }))).resolves.toBe(token);
  });

  it("are refused once the version has moved on (signed out, password changed)", async () => {
    await expect(checkSessionClaims({ sub: USER, sv: 4 }, versions({ [USER]: 5 }))).rejects.toBeInstanceOf(SessionEndedError);
  });

  it("are refused without a version, with a malformed one, without a user, or for a user who is gone", async () => {
    const lookup = versions({ [USER]: 0 });
    for (const token of [{ sub: USER }, { sub: USER, sv: "0" }, { sub: USER, sv: 0.5 }, { sv: 0 }, { sub: "gone", sv: 0 }]) {
      await expect(checkSessionClaims(token, lookup), JSON.stringify(token)).rejects.toBeInstanceOf(SessionEndedError);
    }
  });
});

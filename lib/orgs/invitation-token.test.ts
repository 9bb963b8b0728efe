import { describe, expect, it } from "vitest";
import { hashInvitationToken, invitationTokenSchema, newInvitationToken } from "./invitation-token";

describe("invitation tokens", () => {
  it("are 256-bit random link-safe strings, stored only as their SHA-256", () => {
    const token = newInvitationToken();
    expect(invitationTokenSchema.safeParse(token).success).toBe(true);
    expect(newInvitationToken()).not.toBe(token);
    expect(hashInvitationToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInvitationToken(token)).not.toContain(token);
  });

  it("refuse anything that is not such a string", () => {
    for (const bad of ["", "short", "a".repeat(44), `${"a".repeat(42)}/`]) {
      expect(invitationTokenSchema.safeParse(bad).success).toBe(false);
    }
  });
});

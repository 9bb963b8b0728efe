import { describe, expect, it } from "vitest";
import { INVITATION_TTL_MS, invitationExpiry, invitationProblem } from "./invitation-rules";

const created = new Date("2026-12-01T10:00:00Z");
const pending = { email: "cy@example.com", expiresAt: invitationExpiry(created), acceptedAt: null };

describe("invitationProblem", () => {
  it("accepts a pending invitation for its own e-mail, whatever its case, within 7 days", () => {
    expect(invitationExpiry(created).getTime() - created.getTime()).toBe(INVITATION_TTL_MS);
    expect(invitationProblem(pending, new Date("2026-12-08T09:59:59Z"), " CY@Example.com ")).toBeNull();
    expect(invitationProblem(pending, created)).toBeNull();
  });

  it("refuses it after 7 days, once used, and for another e-mail", () => {
    expect(invitationProblem(pending, new Date("2026-12-08T10:00:00Z"), "cy@example.com")).toBe("expired");
    expect(invitationProblem({ ...pending, acceptedAt: created }, created, "cy@example.com")).toBe("used");
    expect(invitationProblem(pending, created, "someone@example.com")).toBe("wrong-email");
  });
});

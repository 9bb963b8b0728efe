import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

describe("verifyPassword", () => {
  it("does not let a different ending past the 72nd byte sign in", async () => {
    const exactly72 = "correct horse battery staple / ".padEnd(72, "x");
    const hash = await hashPassword(exactly72);
    expect(await verifyPassword(exactly72, hash)).toBe(true);
    // bcrypt alone would accept these: it reads only the first 72 bytes.
    expect(await verifyPassword(`${exactly72}anything`, hash)).toBe(false);
    expect(await verifyPassword(`${exactly72}é`, hash)).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/connection";
import { findMembership, listMemberships } from "@/lib/orgs/organizations";
import { createTestDatabase } from "@/lib/testing/test-database";
import { THROTTLE_WINDOW_MS } from "./login-throttle";
import { authenticate, EmailTakenError, signUp } from "./accounts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

describe("sign-up and organisations", () => {
  it("creates the person, their organisation and an admin membership", async () => {
    const { user, organization } = await signUp(handle.db, {
      name: "Ada Admin",
      email: "ada@example.com",
      password: "correct horse battery",
      organizationName: "Acme Plumbing",
    });
    expect(organization.slug).toBe("acme-plumbing");
    expect(await findMembership(handle.db, user.id, "acme-plumbing")).toMatchObject({ role: "admin" });
  });

  it("refuses a second account for the same email, whatever its case", async () => {
    await expect(
      signUp(handle.db, { name: "X", email: "ADA@example.com", password: "another password", organizationName: "Other" }),
    ).rejects.toBeInstanceOf(EmailTakenError);
  });

  it("gives a second organisation of the same name a distinct slug", async () => {
    const { organization } = await signUp(handle.db, {
      name: "Bob",
      email: "bob@example.com",
      password: "correct horse battery",
      organizationName: "Acme Plumbing",
    });
    expect(organization.slug).toBe("acme-plumbing-2");
  });

  it("keeps organisations apart: no membership, no access", async () => {
    const bob = await authenticate(handle.db, { email: "bob@example.com", password: "correct horse battery" });
    expect(bob.ok).toBe(true);
    if (!bob.ok) return;
    expect(await findMembership(handle.db, bob.user.id, "acme-plumbing")).toBeNull();
    expect((await listMemberships(handle.db, bob.user.id)).map((m) => m.slug)).toEqual(["acme-plumbing-2"]);
  });
});

describe("authenticate", () => {
  it("rejects a wrong password and an unknown email alike", async () => {
    expect(await authenticate(handle.db, { email: "ada@example.com", password: "wrong" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await authenticate(handle.db, { email: "nobody@example.com", password: "wrong" })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("locks an email after repeated failures, even for the right password", async () => {
    await signUp(handle.db, {
      name: "Lou",
      email: "locked@example.com",
      password: "the right password",
      organizationName: "Lou Co",
    });
    for (let i = 0; i < 5; i++) {
      expect(await authenticate(handle.db, { email: "locked@example.com", password: "nope" })).toMatchObject({
        ok: false,
        reason: "invalid",
      });
    }
    const locked = await authenticate(handle.db, { email: "locked@example.com", password: "the right password" });
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    if (!locked.ok && locked.reason === "locked") expect(locked.retryAfterSeconds).toBeGreaterThan(800);
    // Once the window has passed, the right password works again.
    const later = () => new Date(Date.now() + THROTTLE_WINDOW_MS + 1000);
    expect(
      await authenticate(handle.db, { email: "locked@example.com", password: "the right password" }, later),
    ).toMatchObject({ ok: true });
  }, 30_000);
});

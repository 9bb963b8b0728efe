import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/connection";
import { loginAttempts } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";
import { authenticate, signUp } from "./accounts";
import { MAX_EMAIL_FAILURES, MAX_FAILURES } from "./login-throttle";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

const PASSWORD = "the right password";
async function person(email: string) {
  await signUp(handle.db, { name: "Pat", email, password: PASSWORD, organizationName: `Org of ${email}` });
  return email;
}
const attempts = (email: string) => handle.db.select().from(loginAttempts).where(eq(loginAttempts.email, email));

describe("sign-in throttling under concurrency", () => {
  it("checks at most the limit of 25 wrong passwords sent at once; the rest are locked", async () => {
    const email = await person("burst@example.com");
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => authenticate(handle.db, { email, password: `wrong ${i}`, ip: "203.0.113.7" })),
    );
    const checked = results.filter((r) => !r.ok && r.reason === "invalid").length;
    expect(checked).toBeLessThanOrEqual(MAX_FAILURES);
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(25 - checked);
    // Every checked password left its failure behind, recorded before the check.
    expect(await attempts(email)).toHaveLength(checked);
  }, 180_000);

  it("does not let the right password through at the end of a concurrent burst of 19 wrong ones", async () => {
    const email = await person("burst-right@example.com");
    const passwords = [...Array.from({ length: 19 }, (_, i) => `wrong ${i}`), PASSWORD];
    const results = await Promise.all(passwords.map((password) => authenticate(handle.db, { email, password, ip: "203.0.113.8" })));
    expect(results.some((r) => r.ok)).toBe(false);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: "locked" });
  }, 180_000);
});

describe("sign-in throttling per client", () => {
  it("locks the client that failed, not the owner signing in from elsewhere", async () => {
    const email = await person("victim@example.com");
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(await authenticate(handle.db, { email, password: `guess ${i}`, ip: "198.51.100.66" })).toMatchObject({ reason: "invalid" });
    }
    expect(await authenticate(handle.db, { email, password: PASSWORD, ip: "198.51.100.66" })).toMatchObject({ reason: "locked" });
    expect(await authenticate(handle.db, { email, password: PASSWORD, ip: "192.0.2.10" })).toMatchObject({ ok: true });
  }, 180_000);

  it("locks the email for new clients once guesses spread over many addresses reach the email-wide limit, but not for a client that signed in before", async () => {
    const email = await person("spread@example.com");
    expect(await authenticate(handle.db, { email, password: PASSWORD, ip: "192.0.2.20" })).toMatchObject({ ok: true });
    const perClient = MAX_FAILURES - 1;
    const clients = Math.ceil(MAX_EMAIL_FAILURES / perClient);
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        for (let i = 0; i < perClient; i++) {
          expect(await authenticate(handle.db, { email, password: `guess ${i}`, ip: `198.51.100.${c + 1}` })).toMatchObject({
            reason: "invalid",
          });
        }
      }),
    );
    expect(await authenticate(handle.db, { email, password: PASSWORD, ip: "198.51.100.200" })).toMatchObject({ reason: "locked" });
    expect(await authenticate(handle.db, { email, password: PASSWORD, ip: "192.0.2.20" })).toMatchObject({ ok: true });
  }, 180_000);
});

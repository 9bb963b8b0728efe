import { getServerSession } from "next-auth";
import { encode, type JWT } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/lib/db/connection";
import { createTestDatabase } from "@/lib/testing/test-database";

// The real next-auth options on a real database: only the process-wide database and env are swapped.
const SECRET = "session-version-test-secret-0123456789";
const holder: { handle?: DatabaseHandle } = {};
vi.mock("@/lib/db", () => ({ getDb: async () => holder.handle!.db }));
vi.mock("@/lib/config/env", () => ({ env: () => ({ APP_URL: "http://127.0.0.1:3000", AUTH_SECRET: SECRET }) }));

const { authOptions } = await import("./options");
const { signUp } = await import("./accounts");
const { SessionEndedError } = await import("./session-token");
const { currentSessionVersion, endSessions } = await import("./session-version");

const PASSWORD = "correct horse battery staple";
let userId: string;

beforeAll(async () => {
  holder.handle = await createTestDatabase();
  const { user } = await signUp(holder.handle.db, { name: "Sam Session", email: "sam@example.com", password: PASSWORD, organizationName: "Sessions Co" });
  userId = user.id;
});
afterAll(async () => {
  await holder.handle?.close();
});

/** What next-auth does at sign-in: authorize, then the jwt callback with the user. */
async function signIn(): Promise<JWT> {
  const options = authOptions();
  const provider = options.providers[0]! as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } };
  const user = (await provider.options.authorize({ email: "sam@example.com", password: PASSWORD }, { headers: {} })) as never;
  expect(user).toMatchObject({ id: userId, email: "sam@example.com" });
  return options.callbacks!.jwt!({ token: { sub: userId, email: "sam@example.com", name: "Sam Session" }, user, account: null });
}

/** A later request: the jwt callback on the token decoded from the cookie. */
const readSession = (token: JWT) => authOptions().callbacks!.jwt!({ token, user: undefined as never, account: null });

const signOut = (token: JWT) => authOptions().events!.signOut!({ token, session: undefined as never });

describe("session version", () => {
  it("puts the user's session version in the token at sign-in and accepts it afterwards", async () => {
    const token = await signIn();
    expect(token.sv).toBe(await currentSessionVersion(holder.handle!.db, userId));
    await expect(readSession(token)).resolves.toMatchObject({ sub: userId, sv: token.sv });
  });

  it("sign-out ends the session: the same token is refused afterwards", async () => {
    const token = await signIn();
    await signOut(token);
    await expect(readSession(token)).rejects.toBeInstanceOf(SessionEndedError);
  });

  it("sign-out ends the person's other sessions too, and a new sign-in works", async () => {
    const laptop = await signIn();
    const phone = await signIn();
    await signOut(laptop);
    await expect(readSession(phone)).rejects.toBeInstanceOf(SessionEndedError);
    const again = await signIn();
    await expect(readSession(again)).resolves.toMatchObject({ sub: userId });
  });

  it("a sign-out sent with an already-ended token does not end the sessions opened since", async () => {
    const old = await signIn();
    await signOut(old);
    const fresh = await signIn();
    await signOut(old);
    await expect(readSession(fresh)).resolves.toMatchObject({ sub: userId });
  });

  it("a password change (or anything that calls endSessions) ends every session", async () => {
    const token = await signIn();
    expect(await endSessions(holder.handle!.db, userId)).toBe(true);
    await expect(readSession(token)).rejects.toBeInstanceOf(SessionEndedError);
  });

  it("refuses tokens without a version (issued before versions existed) and of unknown users", async () => {
    await expect(readSession({ sub: userId })).rejects.toBeInstanceOf(SessionEndedError);
    await expect(readSession({ sub: "00000000-0000-4000-8000-000000000000", sv: 0 })).rejects.toBeInstanceOf(SessionEndedError);
    expect(await endSessions(holder.handle!.db, "00000000-0000-4000-8000-000000000000")).toBe(false);
  });

  it("through next-auth's getServerSession, a signed-out cookie gives no session and is cleared", async () => {
    const session = async (token: JWT) => {
      const cookie = await encode({ token, secret: SECRET });
      const setCookies: string[] = [];
      const req = { headers: { cookie: `next-auth.session-token=${cookie}` }, cookies: { "next-auth.session-token": cookie } };
      const res = {
        getHeader: () => setCookies,
        setHeader: (_name: string, value: string | string[]) => setCookies.splice(0, setCookies.length, ...[value].flat()),
        setCookie: () => {},
      };
      const found = await getServerSession(req as never, res as never, authOptions());
      return { found, setCookies };
    };
    const token = await signIn();
    const before = await session(token);
    expect(before.found).toMatchObject({ user: { id: userId, email: "sam@example.com" } });

    await signOut(token);
    const after = await session(token);
    expect(after.found).toBeNull();
    expect(after.setCookies.join("\n")).toMatch(/next-auth\.session-token=;/);
  });
});

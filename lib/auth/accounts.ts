import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { EMAIL_TAKEN_MESSAGE, refusingDuplicates } from "@/lib/db/duplicate-field-errors";
import { UserFacingError } from "@/lib/forms/action-result";
import { loginAttempts, memberships, users } from "@/lib/db/schema";
import { createOrganization } from "@/lib/orgs/organizations";
import { decideLoginThrottle, MAX_FAILURES, THROTTLE_WINDOW_MS } from "./login-throttle";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./password";
import type { AddMemberInput, SignUpInput } from "./schemas";

export type SessionUser = { id: string; email: string; name: string };

export class EmailTakenError extends UserFacingError {
  constructor() {
    super(EMAIL_TAKEN_MESSAGE, { email: [EMAIL_TAKEN_MESSAGE] });
    this.name = "EmailTakenError";
  }
}

export async function findUserByEmail(db: Db, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return user ?? null;
}

/** Sign-up: the person, their organisation, and their admin membership, all or nothing. */
export async function signUp(db: Db, input: SignUpInput) {
  if (await findUserByEmail(db, input.email)) throw new EmailTakenError();
  const passwordHash = await hashPassword(input.password);
  // Sign-ups with one email at the same moment all pass the read above: the unique index
  // users_email_key lets one through and the others get the same field error.
  return refusingDuplicates(input, () =>
    db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, passwordHash })
        .returning({ id: users.id, email: users.email, name: users.name });
      const organization = await createOrganization(tx, { name: input.organizationName, ownerUserId: user!.id });
      return { user: user!, organization };
    }),
  );
}

export type AuthenticateResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Checks a password, slowing down and then locking repeated failures for the email. */
export async function authenticate(
  db: Db,
  input: { email: string; password: string; ip?: string | null },
  now: () => Date = () => new Date(),
): Promise<AuthenticateResult> {
  const email = input.email.trim().toLowerCase();
  const since = new Date(now().getTime() - THROTTLE_WINDOW_MS);
  const failures = await db
    .select({ at: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, since)))
    .orderBy(desc(loginAttempts.createdAt))
    .limit(MAX_FAILURES);
  const decision = decideLoginThrottle(
    failures.map((f) => f.at),
    now(),
  );
  if (!decision.allowed) return { ok: false, reason: "locked", retryAfterSeconds: decision.retryAfterSeconds };
  if (decision.delayMs > 0) await sleep(decision.delayMs);

  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  await db.insert(loginAttempts).values({ email, ip: input.ip ?? null, succeeded: Boolean(user && valid) });
  if (!user || !valid) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

export type AddMemberResult = { created: boolean; alreadyMember: boolean };

/** An admin adds a person: an existing account joins; a new one is created with the given password. */
export async function addMember(db: Db, organizationId: string, input: AddMemberInput): Promise<AddMemberResult> {
  const existing = await findUserByEmail(db, input.email);
  if (existing) {
    const inserted = await db
      .insert(memberships)
      .values({ organizationId, userId: existing.id, role: input.role })
      .onConflictDoNothing()
      .returning();
    return { created: false, alreadyMember: inserted.length === 0 };
  }
  if (!input.password) throw new MissingPasswordError();
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash })
      .returning({ id: users.id });
    await tx.insert(memberships).values({ organizationId, userId: user!.id, role: input.role });
  });
  return { created: true, alreadyMember: false };
}

export class MissingPasswordError extends Error {
  constructor() {
    super("This person has no Ledgerbridge account yet: set a first password for them");
  }
}

import { and, desc, eq, gt, isNull, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/connection";
import { EMAIL_TAKEN_MESSAGE, refusingDuplicates } from "@/lib/db/duplicate-field-errors";
import { UserFacingError } from "@/lib/forms/action-result";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { loginAttempts, users } from "@/lib/db/schema";
import { invitationProblem, invitationProblemMessage, type InvitationProblem } from "@/lib/orgs/invitation-rules";
import { acceptInvitationInTx, findInvitationByToken } from "@/lib/orgs/invitations";
import { createOrganization } from "@/lib/orgs/organizations";
import { decideLoginThrottle, KNOWN_CLIENT_MS, MAX_EMAIL_FAILURES, MAX_FAILURES, THROTTLE_WINDOW_MS } from "./login-throttle";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./password";
import type { InvitedSignUpInput, SignUpInput } from "./schemas";

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
/** `timeZone` defaults to UTC (tests and scripts that create organisations without a browser). */
export async function signUp(db: Db, input: Omit<SignUpInput, "timeZone"> & { timeZone?: string }) {
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
      const organization = await createOrganization(tx, { name: input.organizationName, ownerUserId: user!.id, timeZone: input.timeZone });
      return { user: user!, organization };
    }),
  );
}

export type AuthenticateResult =
  | { ok: true; user: SessionUser; sessionVersion: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Checks a password, slowing down and then locking repeated failures (lib/auth/login-throttle.ts).
 * Counting and recording happen in one transaction under a per-email advisory lock, and the attempt
 * is recorded as a failure before the password is checked, so concurrent attempts queue on the lock
 * and see each other: no burst gets more than the limit checked.
 */
export async function authenticate(
  db: Db,
  input: { email: string; password: string; ip?: string | null },
  now: () => Date = () => new Date(),
): Promise<AuthenticateResult> {
  const email = input.email.trim().toLowerCase();
  const ip = input.ip ?? null;
  const gate = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login:${email}`}))`);
    const at = now();
    const since = new Date(at.getTime() - THROTTLE_WINDOW_MS);
    const failedSince = and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, since));
    const sameClient = ip === null ? isNull(loginAttempts.ip) : eq(loginAttempts.ip, ip);
    const clientFailures = await failureTimes(tx, and(failedSince, sameClient), MAX_FAILURES);
    const emailFailures = await failureTimes(tx, failedSince, MAX_EMAIL_FAILURES);
    const known = await tx
      .select({ id: loginAttempts.id })
      .from(loginAttempts)
      .where(
        and(
          eq(loginAttempts.email, email),
          eq(loginAttempts.succeeded, true),
          sameClient,
          gt(loginAttempts.createdAt, new Date(at.getTime() - KNOWN_CLIENT_MS)),
        ),
      )
      .limit(1);
    const decision = decideLoginThrottle({ clientFailures, emailFailures, knownClient: known.length > 0 }, at);
    if (!decision.allowed) return { decision, attemptId: null };
    // Counted as a failure until the password proves right.
    const [attempt] = await tx.insert(loginAttempts).values({ email, ip, succeeded: false }).returning({ id: loginAttempts.id });
    return { decision, attemptId: attempt!.id };
  });
  const { decision } = gate;
  if (!decision.allowed) return { ok: false, reason: "locked", retryAfterSeconds: decision.retryAfterSeconds };
  if (decision.delayMs > 0) await sleep(decision.delayMs);

  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) return { ok: false, reason: "invalid" };
  await db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, gate.attemptId!));
  return { ok: true, user: { id: user.id, email: user.email, name: user.name }, sessionVersion: user.sessionVersion };
}

async function failureTimes(tx: Tx, where: SQL | undefined, limit: number): Promise<Date[]> {
  const rows = await tx
    .select({ at: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(where)
    .orderBy(desc(loginAttempts.createdAt))
    .limit(limit);
  return rows.map((r) => r.at);
}

export class InvitationRefusedError extends Error {
  constructor(readonly reason: InvitationProblem | "not-found") {
    super(invitationProblemMessage(reason));
  }
}

/**
 * Sign-up from an invitation link: the account (with the invited e-mail, whatever the form says)
 * and the membership it was invited to, all or nothing. No organisation of their own is created.
 */
export async function signUpByInvitation(
  db: Db,
  input: InvitedSignUpInput,
  now: Date = new Date(),
): Promise<{ user: SessionUser; organization: { slug: string; name: string } }> {
  const invitation = await findInvitationByToken(db, input.invitation);
  if (!invitation) throw new InvitationRefusedError("not-found");
  const problem = invitationProblem(invitation, now);
  if (problem) throw new InvitationRefusedError(problem);
  if (await findUserByEmail(db, invitation.email)) throw new EmailTakenError();
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: invitation.email, name: input.name, passwordHash })
        .returning({ id: users.id, email: users.email, name: users.name });
      const accepted = await acceptInvitationInTx(tx, { token: input.invitation, userId: user!.id, email: user!.email }, now);
      // Throwing rolls the new account back: the invitation was taken in the meantime.
      if (!accepted.ok) throw new InvitationRefusedError(accepted.reason);
      return { user: user!, organization: accepted.organization };
    });
  } catch (error) {
    // The same link submitted twice at once: the other sign-up created the account first.
    if (isUniqueViolation(error, "users_email_key")) throw new EmailTakenError();
    throw error;
  }
}

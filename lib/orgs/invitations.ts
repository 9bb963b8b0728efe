import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/connection";
import { invitations, memberships, organizations, users } from "@/lib/db/schema";
import { invitationExpiry, invitationProblem, type InvitationProblem } from "./invitation-rules";
import { hashInvitationToken, newInvitationToken } from "./invitation-token";
import type { Role } from "./organizations";

export type CreateInvitationResult =
  | { kind: "created"; token: string; expiresAt: Date }
  | { kind: "already-member" }
  | { kind: "conflict" };

/**
 * An admin invites an e-mail address. Whether an account exists for it is never looked at, so the
 * answer cannot reveal it. Inviting the same address again replaces the pending invitation (its
 * link stops working): the admin saw the old link once and may have lost it.
 */
export async function createInvitation(
  db: Db,
  input: { organizationId: string; email: string; role: Role; invitedBy: string },
  now: Date = new Date(),
): Promise<CreateInvitationResult> {
  const email = input.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    // Members are listed to the admin on the same page, so saying so reveals nothing new.
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, input.organizationId), sql`lower(${users.email}) = ${email}`))
      .limit(1);
    if (member) return { kind: "already-member" } as const;
    await tx
      .delete(invitations)
      .where(
        and(eq(invitations.organizationId, input.organizationId), eq(invitations.email, email), isNull(invitations.acceptedAt)),
      );
    const token = newInvitationToken();
    const expiresAt = invitationExpiry(now);
    const inserted = await tx
      .insert(invitations)
      .values({
        organizationId: input.organizationId,
        email,
        role: input.role,
        tokenHash: hashInvitationToken(token),
        invitedBy: input.invitedBy,
        createdAt: now,
        expiresAt,
      })
      // Another admin invited the same address at the same moment (invitations_pending_email_key).
      .onConflictDoNothing()
      .returning({ id: invitations.id });
    if (inserted.length === 0) return { kind: "conflict" } as const;
    return { kind: "created", token, expiresAt } as const;
  });
}

/** Invitations not yet accepted (expired ones included, so an admin can see and replace them). */
export async function listPendingInvitations(db: Db, organizationId: string) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      invitedByName: users.name,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.organizationId, organizationId), isNull(invitations.acceptedAt)))
    .orderBy(asc(invitations.createdAt));
}

/** Revoking deletes the pending invitation: its link then answers "not valid". */
export async function revokeInvitation(db: Db, organizationId: string, invitationId: string): Promise<boolean> {
  const deleted = await db
    .delete(invitations)
    .where(
      and(eq(invitations.id, invitationId), eq(invitations.organizationId, organizationId), isNull(invitations.acceptedAt)),
    )
    .returning({ id: invitations.id });
  return deleted.length > 0;
}

export type InvitationView = {
  email: string;
  role: Role;
  expiresAt: Date;
  acceptedAt: Date | null;
  acceptedBy: string | null;
  organization: { id: string; slug: string; name: string };
};

/** The invitation behind a link, or null: only the token's hash is looked up. */
export async function findInvitationByToken(db: Db | Tx, token: string): Promise<InvitationView | null> {
  const [row] = await db
    .select({
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      acceptedBy: invitations.acceptedBy,
      organization: { id: organizations.id, slug: organizations.slug, name: organizations.name },
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)))
    .limit(1);
  return row ?? null;
}

export type AcceptInvitationResult =
  | { ok: true; organization: { slug: string; name: string }; role: Role }
  | { ok: false; reason: InvitationProblem | "not-found" };

/**
 * The invited person joins the organisation with the invited role. Single use: the conditional
 * update lets exactly one of any number of concurrent accepts through. Call inside a transaction
 * (see acceptInvitation) so a refused membership leaves the invitation pending.
 */
export async function acceptInvitationInTx(
  tx: Tx,
  input: { token: string; userId: string; email: string },
  now: Date,
): Promise<AcceptInvitationResult> {
  const invitation = await findInvitationByToken(tx, input.token);
  if (!invitation) return { ok: false, reason: "not-found" };
  const problem = invitationProblem(invitation, now, input.email);
  if (problem) return { ok: false, reason: problem };
  const claimed = await tx
    .update(invitations)
    .set({ acceptedAt: now, acceptedBy: input.userId })
    .where(
      and(
        eq(invitations.tokenHash, hashInvitationToken(input.token)),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .returning({ id: invitations.id });
  if (claimed.length === 0) return { ok: false, reason: "used" };
  await tx
    .insert(memberships)
    .values({ organizationId: invitation.organization.id, userId: input.userId, role: invitation.role })
    .onConflictDoNothing();
  return { ok: true, organization: { slug: invitation.organization.slug, name: invitation.organization.name }, role: invitation.role };
}

/** A signed-in person accepts with their account's e-mail (read from the database, not the session). */
export async function acceptInvitation(
  db: Db,
  input: { token: string; userId: string },
  now: Date = new Date(),
): Promise<AcceptInvitationResult> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, input.userId)).limit(1);
    if (!user) return { ok: false, reason: "wrong-email" } as const;
    return acceptInvitationInTx(tx, { token: input.token, userId: input.userId, email: user.email }, now);
  });
}

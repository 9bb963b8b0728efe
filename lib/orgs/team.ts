import { and, count, eq } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/connection";
import { memberships, organizations, users } from "@/lib/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";

export type TeamChangeResult =
  | { ok: true; changed: boolean }
  | { ok: false; reason: "not-a-member" | "last-admin" };

export const LAST_ADMIN_MESSAGE =
  "An organisation needs at least one admin: make someone else an admin first.";

/**
 * Team changes of one organisation run one at a time: each locks the organisation's row first, so
 * two admins demoting each other at the same moment cannot both see "another admin is left".
 */
async function lockTeam(tx: Tx, organizationId: string): Promise<void> {
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId)).for("update");
}

async function memberOf(tx: Tx, organizationId: string, userId: string) {
  const [row] = await tx
    .select({ role: memberships.role, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
    .for("update", { of: memberships });
  return row ?? null;
}

async function adminCount(tx: Tx, organizationId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "admin")));
  return Number(row?.n ?? 0);
}

/** An admin gives a member another role. The last admin keeps theirs. Audited. */
export async function changeMemberRole(
  db: Db,
  actor: { organizationId: string; userId: string },
  input: { userId: string; role: Role },
): Promise<TeamChangeResult> {
  return db.transaction(async (tx) => {
    await lockTeam(tx, actor.organizationId);
    const member = await memberOf(tx, actor.organizationId, input.userId);
    if (!member) return { ok: false, reason: "not-a-member" } as const;
    if (member.role === input.role) return { ok: true, changed: false } as const;
    if (member.role === "admin" && (await adminCount(tx, actor.organizationId)) <= 1) {
      return { ok: false, reason: "last-admin" } as const;
    }
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.organizationId, actor.organizationId), eq(memberships.userId, input.userId)));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      entityType: "membership",
      entityId: input.userId,
      action: "role_changed",
      changes: [{ field: "role", label: `Role of ${member.name}`, old: ROLE_LABELS[member.role], new: ROLE_LABELS[input.role] }],
    });
    return { ok: true, changed: true } as const;
  });
}

/**
 * An admin removes a member (themselves included, unless they are the last admin). The person's
 * sessions lose the organisation at once: the guard reads the membership on every request.
 */
export async function removeMember(
  db: Db,
  actor: { organizationId: string; userId: string },
  input: { userId: string },
): Promise<TeamChangeResult> {
  return db.transaction(async (tx) => {
    await lockTeam(tx, actor.organizationId);
    const member = await memberOf(tx, actor.organizationId, input.userId);
    if (!member) return { ok: false, reason: "not-a-member" } as const;
    if (member.role === "admin" && (await adminCount(tx, actor.organizationId)) <= 1) {
      return { ok: false, reason: "last-admin" } as const;
    }
    await tx
      .delete(memberships)
      .where(and(eq(memberships.organizationId, actor.organizationId), eq(memberships.userId, input.userId)));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      entityType: "membership",
      entityId: input.userId,
      action: "removed",
      changes: [{ field: "member", label: "Member", old: `${member.name} <${member.email}> (${ROLE_LABELS[member.role]})`, new: null }],
    });
    return { ok: true, changed: true } as const;
  });
}

import { and, asc, eq, like, sql } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/connection";
import { memberships, organizations, users } from "@/lib/db/schema";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { DEFAULT_TIME_ZONE, todayIn } from "@/lib/ap/dates";
import { recordAudit } from "@/lib/audit/record-audit";
import { slugify, uniqueSlug } from "./slug";

import type { Role } from "@/lib/auth/permissions";

export type { Role };
/** `timeZone`: the organisation's IANA zone, which decides its "today" (lib/ap/dates.ts todayIn). */
export type OrgMembership = { organizationId: string; slug: string; name: string; role: Role; timeZone: string };

export async function createOrganization(
  tx: Db | Tx,
  input: { name: string; ownerUserId: string; timeZone?: string },
): Promise<{ id: string; slug: string; name: string }> {
  const base = slugify(input.name);
  // Two organisations with one name created at the same moment both see the slug free: the loser
  // of organizations_slug_key tries the next free one (in a savepoint, so the caller's transaction
  // goes on).
  for (let attempt = 1; ; attempt += 1) {
    const taken = await tx
      .select({ slug: organizations.slug })
      .from(organizations)
      .where(like(organizations.slug, `${base}%`));
    const slug = uniqueSlug(base, new Set(taken.map((r) => r.slug)));
    try {
      const [org] = await tx.transaction((savepoint) => savepoint.insert(organizations).values({ name: input.name, slug, timeZone: input.timeZone ?? DEFAULT_TIME_ZONE }).returning());
      await tx.insert(memberships).values({ organizationId: org!.id, userId: input.ownerUserId, role: "admin" });
      return { id: org!.id, slug: org!.slug, name: org!.name };
    } catch (error) {
      if (attempt >= 5 || !isUniqueViolation(error, "organizations_slug_key")) throw error;
    }
  }
}

export async function listMemberships(db: Db, userId: string): Promise<OrgMembership[]> {
  return db
    .select({
      organizationId: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      role: memberships.role,
      timeZone: organizations.timeZone,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name));
}

/** The user's membership in the organisation with this slug, or null — callers answer 404 then. */
export async function findMembership(db: Db, userId: string, slug: string): Promise<OrgMembership | null> {
  const [row] = await db
    .select({
      organizationId: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      role: memberships.role,
      timeZone: organizations.timeZone,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), eq(organizations.slug, slug)))
    .limit(1);
  return row ?? null;
}

export async function listMembers(db: Db, organizationId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(sql`lower(${users.name})`));
}

/** The organisation's "today" at `now`, in its own time zone. */
export async function organizationToday(db: Db | Tx, organizationId: string, now: Date): Promise<string> {
  const [row] = await db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, organizationId));
  return todayIn(row?.timeZone ?? DEFAULT_TIME_ZONE, now);
}

/** Settings → Time zone. `timeZone` is already validated (timeZoneSchema); the change is audited. */
export async function setOrganizationTimeZone(
  db: Db,
  actor: { organizationId: string; userId: string },
  timeZone: string,
): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ timeZone: organizations.timeZone })
      .from(organizations)
      .where(eq(organizations.id, actor.organizationId))
      .for("update");
    if (!before || before.timeZone === timeZone) return { changed: false };
    await tx.update(organizations).set({ timeZone }).where(eq(organizations.id, actor.organizationId));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      entityType: "organization",
      entityId: actor.organizationId,
      action: "updated",
      changes: [{ field: "timeZone", label: "Time zone", old: before.timeZone, new: timeZone }],
    });
    return { changed: true };
  });
}

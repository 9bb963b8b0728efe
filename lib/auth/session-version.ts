import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { users } from "@/lib/db/schema";

/** The user's current session version, or null when the user no longer exists. */
export async function currentSessionVersion(db: Db, userId: string): Promise<number | null> {
  const [row] = await db.select({ version: users.sessionVersion }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.version ?? null;
}

/**
 * Ends every session of the user issued so far (their tokens carry an older version). With
 * `onlyFrom`, only when the version is still that one: a sign-out with an already-ended token
 * must not end the sessions the person has opened since. True when the version moved.
 */
export async function endSessions(db: Db, userId: string, onlyFrom?: number): Promise<boolean> {
  const where = onlyFrom === undefined ? eq(users.id, userId) : and(eq(users.id, userId), eq(users.sessionVersion, onlyFrom));
  const bumped = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(where)
    .returning({ id: users.id });
  return bumped.length > 0;
}

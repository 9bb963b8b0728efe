import { and, desc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/connection";
import { auditEvents, users, type AuditChange, type AuditSnapshot } from "@/lib/db/schema";

export type AuditInput = {
  organizationId: string;
  actorUserId: string | null;
  actorKind?: "user" | "sync" | "system";
  entityType: string;
  entityId: string;
  action: string;
  changes?: AuditChange[];
  snapshot?: AuditSnapshot;
};

export async function recordAudit(db: Db | Tx, input: AuditInput): Promise<void> {
  await db.insert(auditEvents).values({ ...input, actorKind: input.actorKind ?? "user", changes: input.changes ?? [] });
}

export async function listAudit(db: Db, organizationId: string, entityType: string, entityId: string) {
  return db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      actorKind: auditEvents.actorKind,
      actorName: users.name,
      changes: auditEvents.changes,
      snapshot: auditEvents.snapshot,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      and(
        eq(auditEvents.organizationId, organizationId),
        eq(auditEvents.entityType, entityType),
        eq(auditEvents.entityId, entityId),
      ),
    )
    .orderBy(desc(auditEvents.createdAt));
}

import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { qboConnections, qboWebhookDeliveries, syncMappings } from "@/lib/db/schema";
import type { EnqueueOptions, SyncJobData } from "@/lib/jobs/sync-jobs";
import { isEcho, versionKey } from "./echo";
import { realmsOf, type WebhookEvent, type WebhookFormat, type WebhookNotification } from "./parse-notification";

/**
 * How long a webhook-triggered sync waits before it may start. The sync queue keeps at most one
 * queued job per organisation, so every further event inside this window folds into the same job:
 * a burst of edits in QBO costs one incremental sync, not one per edit.
 */
export const WEBHOOK_DEBOUNCE_SECONDS = 10;

export type EnqueueSync = (data: SyncJobData, options?: EnqueueOptions) => Promise<string | null>;

export type ReceiveWebhookResult =
  | { duplicate: true }
  | {
      duplicate: false;
      deliveryId: string;
      format: WebhookFormat;
      realmIds: string[];
      eventCount: number;
      /** Organisations a sync was requested for (a request may fold into an already queued job). */
      organizationIds: string[];
    };

/** True when every event is the organisation's own sync write coming back (nothing new to fetch). */
async function onlyEchoes(db: Db, organizationId: string, realmId: string, events: readonly WebhookEvent[]): Promise<boolean> {
  if (events.length === 0) return false;
  const qboIds = [...new Set(events.map((event) => event.entityId))];
  const rows = await db
    .select({ objectType: syncMappings.objectType, qboId: syncMappings.qboId, lastUpdatedTime: syncMappings.lastUpdatedTime })
    .from(syncMappings)
    .where(and(eq(syncMappings.organizationId, organizationId), eq(syncMappings.realmId, realmId), inArray(syncMappings.qboId, qboIds)));
  const known = new Map(rows.map((row) => [versionKey(row.objectType, row.qboId), row]));
  return events.every((event) => isEcho(event, known));
}

export function sha256Hex(rawBody: string): string {
  return createHash("sha256").update(rawBody, "utf8").digest("hex");
}

/**
 * Records a verified delivery and asks for an incremental sync of every organisation connected to a
 * realm it names, unless all its events are that organisation's own sync writes coming back.
 * Intuit retries and may send a delivery twice: the body's hash is unique, so a replay is recorded
 * once and enqueues nothing. Realms no organisation is connected to are fine.
 */
export async function receiveWebhook(
  db: Db,
  input: { rawBody: string; notification: WebhookNotification },
  enqueue: EnqueueSync,
): Promise<ReceiveWebhookResult> {
  const { rawBody, notification } = input;
  const realmIds = realmsOf(notification);
  const [delivery] = await db
    .insert(qboWebhookDeliveries)
    .values({ bodySha256: sha256Hex(rawBody), format: notification.format, realmIds, eventCount: notification.events.length })
    .onConflictDoNothing({ target: qboWebhookDeliveries.bodySha256 })
    .returning({ id: qboWebhookDeliveries.id });
  if (!delivery) return { duplicate: true };

  const organizations =
    realmIds.length === 0
      ? []
      : await db
          .select({ organizationId: qboConnections.organizationId, realmId: qboConnections.realmId })
          .from(qboConnections)
          .where(and(inArray(qboConnections.realmId, realmIds), eq(qboConnections.status, "connected")));
  const organizationIds: string[] = [];
  for (const { organizationId, realmId } of organizations) {
    const events = notification.events.filter((event) => event.realmId === realmId);
    if (await onlyEchoes(db, organizationId, realmId, events)) continue;
    organizationIds.push(organizationId);
  }
  organizationIds.sort();

  try {
    for (const organizationId of organizationIds) {
      await enqueue({ organizationId, trigger: "webhook" }, { delaySeconds: WEBHOOK_DEBOUNCE_SECONDS });
    }
  } catch (error) {
    // Forget the delivery so Intuit's retry of this very body is not mistaken for a duplicate.
    await db.delete(qboWebhookDeliveries).where(eq(qboWebhookDeliveries.id, delivery.id));
    throw error;
  }

  if (organizationIds.length > 0) {
    await db.update(qboWebhookDeliveries).set({ enqueuedCount: organizationIds.length }).where(eq(qboWebhookDeliveries.id, delivery.id));
  }
  return { duplicate: false, deliveryId: delivery.id, format: notification.format, realmIds, eventCount: notification.events.length, organizationIds };
}

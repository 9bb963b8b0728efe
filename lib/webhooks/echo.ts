import type { SyncObjectType } from "@/lib/sync/engine/types";
import type { WebhookEvent } from "./parse-notification";

/** QBO entity names (classic "BillPayment" or CloudEvents "billpayment") → the mapping ledger's object type. */
const OBJECT_TYPES: Record<string, SyncObjectType> = {
  account: "account",
  item: "item",
  class: "class",
  department: "location",
  term: "term",
  vendor: "vendor",
  customer: "customer",
  bill: "bill",
  invoice: "invoice",
  vendorcredit: "vendor_credit",
  billpayment: "bill_payment",
  payment: "payment",
};

export function mappingObjectType(entity: string): SyncObjectType | undefined {
  return OBJECT_TYPES[entity.toLowerCase()];
}

/** What the mapping ledger knows of one QBO object: the version the app last synced. */
export interface KnownVersion {
  objectType: string;
  qboId: string;
  lastUpdatedTime: string | null;
}

/**
 * QBO also notifies about the writes our own sync made. Such an event is an echo when the ledger
 * already holds that version of the object (its LastUpdatedTime is the event's, or later): syncing
 * again would find nothing new. Deletes and merges are never echoes (the ledger keeps no version
 * for them), nor is an event without a time or about an object the app has never synced.
 */
export function isEcho(event: WebhookEvent, known: ReadonlyMap<string, KnownVersion>): boolean {
  if (event.operation === "delete" || event.operation === "merge" || !event.occurredAt) return false;
  const objectType = mappingObjectType(event.entity);
  const version = objectType ? known.get(versionKey(objectType, event.entityId)) : undefined;
  if (!version?.lastUpdatedTime) return false;
  const changedAt = Date.parse(event.occurredAt);
  const syncedAt = Date.parse(version.lastUpdatedTime);
  return Number.isFinite(changedAt) && Number.isFinite(syncedAt) && syncedAt >= changedAt;
}

export function versionKey(objectType: string, qboId: string): string {
  return `${objectType}\u0000${qboId}`;
}

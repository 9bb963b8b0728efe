import { index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { id } from "./columns";

/**
 * Every QBO webhook delivery that passed its signature check. The body hash makes a replayed or
 * re-delivered notification a no-op; the row is also what the operations page shows.
 */
export const qboWebhookDeliveries = pgTable(
  "qbo_webhook_deliveries",
  {
    id: id(),
    bodySha256: text("body_sha256").notNull(),
    /** "classic" (eventNotifications) or "cloudevents". */
    format: text("format").notNull(),
    realmIds: text("realm_ids").array().notNull(),
    eventCount: integer("event_count").notNull(),
    /** Organisations an incremental sync was enqueued for. */
    enqueuedCount: integer("enqueued_count").notNull().default(0),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("qbo_webhook_deliveries_body_uq").on(table.bodySha256), index("qbo_webhook_deliveries_received_idx").on(table.receivedAt)],
);

/**
 * A realm's QBO request budget shared by every worker process: one row per request started.
 * A request counts against the per-minute windows from `startedAt`, and against the concurrency
 * limit until `releasedAt` (or `expiresAt`, so a crashed worker cannot hold a slot forever).
 */
export const qboRateLeases = pgTable(
  "qbo_rate_leases",
  {
    id: id(),
    realmId: text("realm_id").notNull(),
    /** "request" or "batch" (a batch also counts as a request). */
    kind: text("kind").notNull(),
    holder: text("holder").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    releasedAt: timestamp("released_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("qbo_rate_leases_realm_started_idx").on(table.realmId, table.startedAt)],
);

import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cents, createdAt, id, updatedAt } from "./columns";
import { organizations, users } from "./identity";
import { accounts } from "./ledger";
import type { CommerceMarkerSettings } from "../../sync/core/commerce";

const orgId = () =>
  uuid("organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });

/**
 * "awaiting_confirmation": connected to a company the organisation has not synced with (another
 * company than the one its links point to, or a first company while the app already holds records);
 * nothing syncs until an admin confirms on /o/<slug>/sync/switch.
 */
export const connectionStatusEnum = pgEnum("qbo_connection_status", ["connected", "needs_reconnect", "disconnected", "awaiting_confirmation"]);

/**
 * One QBO company per organisation. Tokens are AES-256-GCM encrypted at rest. `realmId` is the
 * company the tokens are for; while a switch awaits confirmation, `switchFromRealmId` is the company
 * the organisation's links still point to.
 */
export const qboConnections = pgTable("qbo_connections", {
  organizationId: orgId().primaryKey(),
  realmId: text("realm_id").notNull(),
  companyName: text("company_name"),
  accessTokenEncrypted: text("access_token_encrypted"),
  refreshTokenEncrypted: text("refresh_token_encrypted"),
  accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
  refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
  status: connectionStatusEnum("status").notNull().default("connected"),
  statusReason: text("status_reason"),
  connectedBy: uuid("connected_by").references(() => users.id, { onDelete: "set null" }),
  connectedAt: timestamp("connected_at", { withTimezone: true }).notNull().defaultNow(),
  /** Why the connection awaits confirmation: another company ("switch") or a first sync over existing app records. */
  awaitingKind: text("awaiting_kind", { enum: ["switch", "first_sync"] }),
  switchFromRealmId: text("switch_from_realm_id"),
  switchFromCompanyName: text("switch_from_company_name"),
  updatedAt: updatedAt(),
}, (t) => [
  // Awaiting confirmation exactly when a reason is recorded, and a switch always names the company it leaves.
  // (status::text: a new enum value cannot be named in the migration that adds it.)
  check("qbo_connections_awaiting_kind", sql`(${t.status}::text = 'awaiting_confirmation') = (${t.awaitingKind} is not null)`),
  check("qbo_connections_switch_from", sql`(${t.awaitingKind} is not distinct from 'switch') = (${t.switchFromRealmId} is not null)`),
  // One QuickBooks company is synced by one organisation: two would import each other's records
  // twice, and in the built-in sandbox it would hand one organisation's books to another.
  uniqueIndex("qbo_connections_realm_key").on(t.realmId).where(sql`${t.status} <> 'disconnected'`),
]);

/** OAuth `state` nonces: each may be used once, before it expires. */
export const oauthStates = pgTable("oauth_states", {
  nonce: text("nonce").primaryKey(),
  organizationId: orgId(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: createdAt(),
});

export const syncDirectionEnum = pgEnum("sync_direction", ["two_way", "app_to_qbo"]);
export const conflictMasterEnum = pgEnum("conflict_master", ["quickbooks", "ledgerbridge"]);

/** Settings → Sync → Preferences. Account ids are app-local (accounts synced from QBO). */
export const syncPreferences = pgTable("sync_preferences", {
  organizationId: orgId().primaryKey(),
  syncAutomatically: boolean("sync_automatically").notNull().default(false),
  twoWayPaymentSync: boolean("two_way_payment_sync").notNull().default(false),
  direction: syncDirectionEnum("direction").notNull().default("two_way"),
  unallocatedExpenseAccountId: uuid("unallocated_expense_account_id").references(() => accounts.id),
  unallocatedIncomeAccountId: uuid("unallocated_income_account_id").references(() => accounts.id),
  bankAccountId: uuid("bank_account_id").references(() => accounts.id),
  moneyOutClearingAccountId: uuid("money_out_clearing_account_id").references(() => accounts.id),
  moneyInClearingAccountId: uuid("money_in_clearing_account_id").references(() => accounts.id),
  masterInConflict: conflictMasterEnum("master_in_conflict").notNull().default("quickbooks"),
  /** Settings → Sync → QuickBooks Commerce markers: admin-defined DocNumber prefixes and memo phrases. */
  commerceMarkers: jsonb("commerce_markers").$type<CommerceMarkerSettings>().notNull().default({ docNumberPrefixes: [], memoPhrases: [] }),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: updatedAt(),
});

export const syncTriggerEnum = pgEnum("sync_trigger", ["manual", "automatic", "webhook", "cli"]);
/** "interrupted": its process died (heartbeat lapsed); a new run picks up where it stopped. */
export const syncRunStatusEnum = pgEnum("sync_run_status", ["queued", "running", "succeeded", "partial", "failed", "interrupted"]);

export type SyncCounts = Record<string, { created: number; updated: number; skipped: number; failed: number }>;

export const syncRuns = pgTable(
  "sync_runs",
  {
    id: id(),
    organizationId: orgId(),
    trigger: syncTriggerEnum("trigger").notNull(),
    triggeredBy: uuid("triggered_by").references(() => users.id, { onDelete: "set null" }),
    status: syncRunStatusEnum("status").notNull().default("queued"),
    mode: text("mode", { enum: ["full", "incremental"] }),
    phase: text("phase"),
    done: integer("done").notNull().default(0),
    total: integer("total").notNull().default(0),
    percent: integer("percent").notNull().default(0),
    counts: jsonb("counts").$type<SyncCounts>().notNull().default({}),
    apiCalls: integer("api_calls").notNull().default(0),
    error: text("error"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** The pg-boss job executing it, so a dead run's job can be closed when the run is reclaimed. */
    jobId: text("job_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("sync_runs_org_created_idx").on(t.organizationId, t.createdAt),
    // One queued or running run per organisation, enforced by the database so two processes
    // asking for a sync at the same moment cannot both start one.
    uniqueIndex("sync_runs_one_active_per_org")
      .on(t.organizationId)
      .where(sql`${t.status} in ('queued', 'running')`),
  ],
);

/** The mapping ledger: app record ↔ QBO object, written by upsert only. */
export const syncMappings = pgTable(
  "sync_mappings",
  {
    organizationId: orgId(),
    objectType: text("object_type").notNull(),
    localId: uuid("local_id").notNull(),
    realmId: text("realm_id").notNull(),
    qboId: text("qbo_id").notNull(),
    syncToken: text("sync_token").notNull(),
    lastUpdatedTime: text("last_updated_time"),
    contentHash: text("content_hash").notNull(),
    syncedAt: timestamp("synced_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * What the QBO twin is as of the last sync: live, voided, deleted there by someone ("deleted"),
     * or deleted by the sync because the app voided a record QBO cannot void ("removed"). A page
     * offers no QuickBooks link to a deleted twin.
     */
    qboState: text("qbo_state", { enum: ["live", "voided", "deleted", "removed"] }).notNull().default("live"),
    /** The twin's QBO Balance when last seen, if it differs from its total (paid there); null: unpaid or unknown. */
    qboBalanceCents: cents("qbo_balance_cents"),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.objectType, t.localId] }),
    uniqueIndex("sync_mappings_qbo_key").on(t.organizationId, t.realmId, t.objectType, t.qboId),
  ],
);

/** Why a record did not sync — open until the record syncs, then resolved. */
export const syncIssues = pgTable(
  "sync_issues",
  {
    id: id(),
    organizationId: orgId(),
    /** Stable identity of the record the issue is about, e.g. "bill:qbo:145" or "bill:app:<uuid>". */
    issueKey: text("issue_key").notNull(),
    objectType: text("object_type").notNull(),
    localId: uuid("local_id"),
    qboId: text("qbo_id"),
    label: text("label").notNull(),
    reasonCode: text("reason_code").notNull(),
    severity: text("severity", { enum: ["skip", "failure"] }).notNull(),
    params: jsonb("params").$type<Record<string, string | number>>().notNull().default({}),
    detail: text("detail"),
    firstSeenRunId: uuid("first_seen_run_id").references(() => syncRuns.id, { onDelete: "set null" }),
    lastSeenRunId: uuid("last_seen_run_id").references(() => syncRuns.id, { onDelete: "set null" }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("sync_issues_key").on(t.organizationId, t.issueKey),
    index("sync_issues_open_idx").on(t.organizationId, t.resolvedAt, t.reasonCode),
  ],
);

/** Exactly-once writes: recorded before each QBO write, confirmed after. */
export const syncIntentions = pgTable(
  "sync_intentions",
  {
    id: id(),
    organizationId: orgId(),
    runId: uuid("run_id").references(() => syncRuns.id, { onDelete: "set null" }),
    intentionKey: text("intention_key").notNull(),
    requestId: text("request_id").notNull(),
    objectType: text("object_type").notNull(),
    localId: uuid("local_id"),
    operation: text("operation").notNull(),
    status: text("status", { enum: ["pending", "confirmed", "failed"] }).notNull().default("pending"),
    qboId: text("qbo_id"),
    /**
     * What was sent, so a retry re-sends exactly it: `{ entity, operation, body, contentHash, … }`.
     * Writes that went out in a batch share `batchRequestId` (the batch's requestid) and keep their
     * position, so the retry re-sends the identical batch and QBO replays its original answer.
     */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    batchRequestId: text("batch_request_id"),
    batchPosition: integer("batch_position"),
    error: text("error"),
    createdAt: createdAt(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("sync_intentions_key").on(t.organizationId, t.intentionKey),
    index("sync_intentions_pending_idx").on(t.organizationId, t.status),
  ],
);

/** Per-organisation sync clock: drives incremental windows and auto sync. */
export const syncState = pgTable("sync_state", {
  organizationId: orgId().primaryKey(),
  lastSyncAt: timestamp("last_sync_at", { withTimezone: true }),
  lastSuccessfulSyncAt: timestamp("last_successful_sync_at", { withTimezone: true }),
  nextAutoSyncAt: timestamp("next_auto_sync_at", { withTimezone: true }),
  updatedAt: updatedAt(),
});

/**
 * The chart of accounts and name lists pulled right after Connect (before any sync), so Preferences
 * can be chosen at once. One row per organisation: the latest pull, for the pickers' message.
 */
export const qboListPulls = pgTable("qbo_list_pulls", {
  organizationId: orgId().primaryKey(),
  realmId: text("realm_id").notNull(),
  /** "running" | "done" | "failed" */
  status: text("status").notNull(),
  /** For a person (never a stack trace): why the pull failed. */
  error: text("error"),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});

/**
 * A company the organisation switched away from: its links and sync issues, moved out of the live
 * tables (whose unique keys belong to the current company) when an admin confirmed the switch.
 */
export const syncRealmArchives = pgTable(
  "sync_realm_archives",
  {
    id: id(),
    organizationId: orgId(),
    realmId: text("realm_id").notNull(),
    companyName: text("company_name"),
    replacedByRealmId: text("replaced_by_realm_id").notNull(),
    archivedBy: uuid("archived_by").references(() => users.id, { onDelete: "set null" }),
    archivedAt: timestamp("archived_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sync_realm_archives_org_idx").on(t.organizationId, t.archivedAt)],
);

/** The mapping ledger rows of an archived company, as they were at the switch. */
export const syncArchivedMappings = pgTable(
  "sync_archived_mappings",
  {
    archiveId: uuid("archive_id")
      .notNull()
      .references(() => syncRealmArchives.id, { onDelete: "cascade" }),
    organizationId: orgId(),
    objectType: text("object_type").notNull(),
    localId: uuid("local_id").notNull(),
    realmId: text("realm_id").notNull(),
    qboId: text("qbo_id").notNull(),
    syncToken: text("sync_token").notNull(),
    lastUpdatedTime: text("last_updated_time"),
    contentHash: text("content_hash").notNull(),
    qboState: text("qbo_state").notNull(),
    syncedAt: timestamp("synced_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.archiveId, t.objectType, t.localId] })],
);

/** The sync issues (open and resolved) of an archived company: never shown as open again. */
export const syncArchivedIssues = pgTable(
  "sync_archived_issues",
  {
    archiveId: uuid("archive_id")
      .notNull()
      .references(() => syncRealmArchives.id, { onDelete: "cascade" }),
    organizationId: orgId(),
    issueKey: text("issue_key").notNull(),
    objectType: text("object_type").notNull(),
    localId: uuid("local_id"),
    qboId: text("qbo_id"),
    label: text("label").notNull(),
    reasonCode: text("reason_code").notNull(),
    severity: text("severity").notNull(),
    params: jsonb("params").$type<Record<string, string | number>>().notNull(),
    detail: text("detail"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.archiveId, t.issueKey] })],
);

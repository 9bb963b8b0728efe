import type { QboClient } from "@/lib/qbo";
import type { SyncCounts } from "@/lib/db/schema/sync";
import type { InboundPaymentDecision, SyncDecision, SyncPhase } from "@/lib/sync/core";
import type { QboGateway } from "@/lib/sync/engine/gateway";
import type { WriteRequest } from "@/lib/sync/engine/writer";

/** A QBO client for an organisation's connection; null when it is not connected. */
export type QboClientFactory = (organizationId: string) => Promise<{ client: QboClient; realmId: string } | null>;

export type SyncTrigger = "manual" | "automatic" | "webhook" | "cli";
export type SyncRunStatus = "queued" | "running" | "succeeded" | "partial" | "failed" | "interrupted";

/** What the run row says about the work in progress (also handed to `onProgress`). */
export interface SyncProgress {
  runId: string;
  phase: SyncPhase;
  done: number;
  total: number;
  percent: number;
  counts: SyncCounts;
  apiCalls: number;
}

/** Facts about one QBO write, for the test hook that simulates a crash right after it. */
export interface WrittenToQbo {
  intentionKeys: string[];
  requestId: string;
}

export interface ExecuteSyncOptions {
  clientFactory: QboClientFactory;
  /** The queue job executing the run (recorded on it, so a reclaim of the dead run can close the job). */
  jobId?: string;
  now?: () => Date;
  onProgress?: (progress: SyncProgress) => void;
  /**
   * Test hook: runs after QBO accepted a write and before the app records it. Throwing here
   * simulates a crash at the worst moment for exactly-once delivery.
   */
  afterWrite?: (written: WrittenToQbo) => void | Promise<void>;
  /**
   * Preview (dry run, lib/sync/preview): QBO writes go to this gateway instead (it answers them
   * without sending), and the observer sees what the run plans and would write. The caller runs
   * the whole run inside a transaction it rolls back.
   */
  preview?: { gateway: (client: QboClient, realmId: string) => QboGateway; observer: SyncObserver };
}

/** Sees a run's plan and writes as they happen (preview sync). */
export interface SyncObserver {
  /** The planner's decisions for vendors, customers, bills, invoices or vendor credits. */
  planned(kind: string, decisions: ReadonlyArray<SyncDecision<unknown, unknown>>): void;
  /** QBO → app payments (with Enable 2-Way Payment Sync). */
  plannedPayments(decisions: readonly InboundPaymentDecision[]): void;
  /** An account, item, class, location or term the run takes from QBO (these lists are QBO → app only). */
  listChanged(objectType: string, action: "create" | "update", name: string, qboId: string): void;
  /** Writes about to be sent to QBO (fresh or recovered from a crashed run). */
  sending(requests: readonly WriteRequest[]): void;
}

export interface SyncRunSummary {
  runId: string;
  organizationId: string;
  /** "interrupted": another process reclaimed the run (its heartbeat had lapsed); nothing more was recorded. */
  status: Exclude<SyncRunStatus, "queued" | "running">;
  mode: "full" | "incremental" | null;
  counts: SyncCounts;
  apiCalls: number;
  /** Open issues of the organisation after the run. */
  openIssues: number;
  /** UI labels of required preferences that are not set (nothing came from QBO then). */
  preferencesMissing: string[];
  error: string | null;
  startedAt: Date;
  finishedAt: Date;
  durationMs: number;
}

/** Object types used for counts, mappings and issues. */
export type SyncObjectType =
  | "account"
  | "item"
  | "class"
  | "location"
  | "term"
  | "vendor"
  | "customer"
  | "bill"
  | "invoice"
  | "vendor_credit"
  | "vendor_credit_application"
  | "bill_payment"
  | "bill_payment_split"
  | "payment"
  | "payment_split"
  | "funds_transfer"
  | "sync_preferences";

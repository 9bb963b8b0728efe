import type { Db } from "@/lib/db/connection";
import type { SyncPreferences } from "@/lib/sync/core";
import type { QboGateway } from "@/lib/sync/engine/gateway";
import type { IssueStore } from "@/lib/sync/engine/issue-store";
import type { MappingStore } from "@/lib/sync/engine/mapping-store";
import type { RunProgress } from "@/lib/sync/engine/progress";
import type { QboSource } from "@/lib/sync/engine/qbo-source";
import type { ExecuteSyncOptions, SyncObserver } from "@/lib/sync/engine/types";

/** Everything one run's phases share. */
export interface RunContext {
  db: Db;
  organizationId: string;
  runId: string;
  realmId: string;
  gateway: QboGateway;
  source: QboSource;
  mappings: MappingStore;
  issues: IssueStore;
  progress: RunProgress;
  /** Preferences as saved (defaults when the organisation never saved any). */
  prefs: SyncPreferences;
  /** Required preferences are all set: bills, invoices and payments may sync. */
  prefsReady: boolean;
  /** Last successful sync (ISO), stamped on conflicts. */
  lastSyncAt: string | undefined;
  now: () => Date;
  afterWrite: ExecuteSyncOptions["afterWrite"];
  /** Preview sync: sees the plan and the writes (see ExecuteSyncOptions.preview). */
  observer?: SyncObserver | undefined;
}

/** A failure that ends the run (auth lost, subscription ended, QBO unreachable). */
export class SyncStopError extends Error {
  override readonly name = "SyncStopError";
  constructor(
    message: string,
    readonly needsReconnect = false,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
